import { estimateBandLevel } from '../../imaging/profile/band-level';
import type { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import type { BandLevel } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import { arrangeMetaphase } from './arrange-metaphase';
import type { ProfiledCaseCell } from './profiled-case';
import { keptChromosome, withChromatidDisagreement } from './case-chromosomes';

/** A loaded type classifier and the id its manifest gives it. */
export interface TypeClassifier {
  readonly id: string;
  readonly weights: ClassifierWeights;
}

/**
 * A chromosome typed with a lower probability than this is doubtful: its pairs are left out of the
 * verdict while another cell has the pair. A pair of two different types looks like a structural change,
 * so a false flag from a wrong type is worse than a type left to other cells.
 */
export const SURE_TYPE_PROBABILITY = 0.9;

/**
 * Fewer objects than this are no metaphase to arrange (a human cell holds 46; a spread missing half of
 * them, or a picture of a few blobs, is refused rather than typed).
 */
export const MIN_METAPHASE_OBJECTS = 23;

/** Thrown when an image that is no karyogram is no metaphase either. */
export class MetaphaseRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetaphaseRejectedError';
  }
}

/**
 * One metaphase without annotation as a case cell: its chromosomes found, typed and paired automatically
 * (arrangeMetaphase), each with the classifier's probability of its type as its confidence. Crossings
 * the segmentation could not part are doubtful cut-outs, unsure types doubtful types; the warnings say
 * that the types are the classifier's and how many are unsure.
 *
 * @throws MetaphaseRejectedError when too few chromosome-like objects are found to be a metaphase
 *
 * @param image dark chromosomes on a light background (see normalisePolarity)
 */
export async function arrangedMetaphaseCell(
  id: string,
  source: string,
  image: GrayImage,
  classifier: TypeClassifier,
  options: { readonly signal?: AbortSignal; readonly bandLevel?: BandLevel } = {},
): Promise<ProfiledCaseCell> {
  const arranged = await arrangeMetaphase(
    image,
    classifier.weights,
    options.signal ? { signal: options.signal } : {},
  );
  const chromosomes = withChromatidDisagreement(
    arranged.chromosomes.map((c) => ({
      ...keptChromosome(c),
      ...(c.cutOutDoubt === undefined ? {} : { cutOutDoubt: c.cutOutDoubt }),
      ...(c.confidence < SURE_TYPE_PROBABILITY
        ? {
            typeDoubt: `typed ${c.type} automatically with probability ${c.confidence.toFixed(2)}${c.firstChoice === c.type ? '' : ` (first read as ${c.firstChoice})`}`,
          }
        : {}),
    })),
  );
  const unsure = chromosomes.filter((c) => c.typeDoubt !== undefined).length;
  const crossings = chromosomes.filter((c) => c.cutOutDoubt !== undefined).length;
  const warnings = [
    `no annotation: ${chromosomes.length} objects found and typed automatically (${classifier.id}; read as ${arranged.sex}); check the types before trusting a verdict`,
    'p-ter read from the banding for every chromosome (a metaphase has no upright)',
  ];
  if (unsure > 0)
    warnings.push(
      `${unsure} of ${chromosomes.length} chromosomes typed with probability below ${SURE_TYPE_PROBABILITY}: their pairs are left out of the verdict where other cells have the pair`,
    );
  if (crossings > 0)
    warnings.push(`${crossings} objects are crossings the segmentation could not part: left out likewise`);
  return {
    id,
    source,
    bandLevel: estimateBandLevel(chromosomes, arranged.samplesPerPixel, options.bandLevel),
    chromosomes,
    warnings,
    typesAssigned: { classifier: classifier.id, sex: arranged.sex },
  };
}
