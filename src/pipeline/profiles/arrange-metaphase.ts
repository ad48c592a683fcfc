import { reversedAxisPicture, type AxisPicture } from '../../imaging/profile/axis-picture';
import { reverseProfile, rotateHalfTurn } from '../../imaging/profile/banding-orientation';
import { BANDING_TEMPLATES } from '../../imaging/profile/banding-templates-data';
import { orientCopiesTogether } from '../../imaging/metaphase/pair-orientation';
import {
  profileSegmentedMetaphase,
  type SegmentedMetaphaseProfiles,
} from '../../imaging/metaphase/profile-segmented-metaphase';
import type { PixelBox } from '../../imaging/segment/mask';
import { assignCellTypes, type SexComplement } from '../../karyotype/cell-type-assignment';
import type { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import { classifyChromosomes } from '../../model/type-classifier/classify-chromosomes';
import { cellTypeFeatures } from '../../model/type-classifier/type-features';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { ChromosomeProfile } from '../../shared/profile';

/** A chromosome of a metaphase typed by the classifier, oriented p-ter first. */
export interface ArrangedChromosome {
  /** Index into the segmentation's objects. */
  readonly object: number;
  readonly type: ChromosomeType;
  /** 0, 1, … among the chromosomes given its type, in object order. */
  readonly homolog: number;
  /** The classifier's probability of `type` (after the cell's assignment), [0, 1]. */
  readonly confidence: number;
  /** The classifier's own first choice (differs from `type` when the assignment overruled it). */
  readonly firstChoice: ChromosomeType;
  readonly profile: ChromosomeProfile;
  readonly samples: number;
  readonly straightened: GrayImage;
  readonly axisCoverage: number;
  readonly axisPicture: AxisPicture;
  /** Image pixels. */
  readonly box: PixelBox;
  /** Why the object may be more than one chromosome (a crossing the segmentation could not part). */
  readonly cutOutDoubt?: string;
}

/** A metaphase arranged without annotation: its chromosomes typed, the cell's sex complement. */
export interface ArrangedMetaphase {
  /** In the order of the segmentation's objects. */
  readonly chromosomes: readonly ArrangedChromosome[];
  readonly sex: SexComplement;
  readonly samplesPerPixel: number;
  readonly segmentation: SegmentedMetaphaseProfiles['segmentation'];
}

/**
 * A metaphase image without annotation → its chromosomes found (segmentMetaphase), profiled, typed by
 * the classifier and assigned together as a cell (assignCellTypes: two of each autosome, XX or XY,
 * extra copies only on clear evidence), then each type's copies oriented p-ter first by their banding.
 *
 * @param image dark chromosomes on a light background (see normalisePolarity)
 */
export async function arrangeMetaphase(
  image: GrayImage,
  classifier: ClassifierWeights,
  options: { readonly signal?: AbortSignal } = {},
): Promise<ArrangedMetaphase> {
  const profiles = profileSegmentedMetaphase(image, options);
  const probabilities = await classifyChromosomes(
    classifier,
    cellTypeFeatures(
      profiles.chromosomes.map((c) => ({
        profile: c.profiled.profile,
        samples: c.profiled.samples,
        straightened: c.profiled.straightened,
      })),
    ),
  );
  options.signal?.throwIfAborted();
  const assignment = assignCellTypes(probabilities);
  const typed = profiles.chromosomes.map((c, i) => ({
    chromosome: c,
    assigned: assignment.chromosomes[i] ?? { type: '1' as const, confidence: 0, firstChoice: '1' as const },
  }));
  const reversedAt = orientCopiesTogether(
    typed.map(({ chromosome, assigned }) => ({
      type: assigned.type,
      profile: chromosome.profiled.profile,
      samples: chromosome.profiled.samples,
    })),
    BANDING_TEMPLATES,
  );
  const copies = new Map<ChromosomeType, number>();
  const chromosomes = typed.map(({ chromosome, assigned }, i): ArrangedChromosome => {
    const { profiled } = chromosome;
    const object = profiles.segmentation.objects[chromosome.object];
    const homolog = copies.get(assigned.type) ?? 0;
    copies.set(assigned.type, homolog + 1);
    const reversed = reversedAt[i] ?? false;
    return {
      object: chromosome.object,
      type: assigned.type,
      homolog,
      confidence: assigned.confidence,
      firstChoice: assigned.firstChoice,
      profile: reversed ? reverseProfile(profiled.profile, profiled.samples) : profiled.profile,
      samples: profiled.samples,
      straightened: reversed ? rotateHalfTurn(profiled.straightened) : profiled.straightened,
      axisCoverage: chromosome.axisCoverage,
      axisPicture: reversed ? reversedAxisPicture(profiled.axisPicture) : profiled.axisPicture,
      box: object?.box ?? { x0: 0, y0: 0, x1: 0, y1: 0 },
      ...(object?.doubt === 'crossing'
        ? { cutOutDoubt: 'crossing: two chromosomes crossing that the segmentation could not part' }
        : {}),
    };
  });
  return {
    chromosomes,
    sex: assignment.sex,
    samplesPerPixel: profiles.samplesPerPixel,
    segmentation: profiles.segmentation,
  };
}
