import { reversedAxisPicture } from '../../imaging/profile/axis-picture';
import { reverseProfile, rotateHalfTurn } from '../../imaging/profile/banding-orientation';
import { BANDING_TEMPLATES } from '../../imaging/profile/banding-templates-data';
import { relativeChromatidDisagreement } from '../../imaging/profile/chromatid-agreement';
import { orientCopiesTogether } from '../../imaging/metaphase/pair-orientation';
import { classifyChromosomes } from '../../model/type-classifier/classify-chromosomes';
import { cellTypeFeatures } from '../../model/type-classifier/type-features';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { SURE_TYPE_PROBABILITY, type TypeClassifier } from './arranged-metaphase-cell';
import type { RemadeObject } from './object-edits';
import type { CaseChromosome } from './profiled-case';

/** Homolog number that sorts a new object after its type's copies (the cell renumbers them 0, 1, 2…). */
const LAST_HOMOLOG = Number.MAX_SAFE_INTEGER;

/** The object read the other way up: p-ter and q-ter swapped. */
function reversed(object: RemadeObject): RemadeObject {
  return {
    ...object,
    profile: reverseProfile(object.profile, object.samples),
    straightened: rotateHalfTurn(object.straightened),
    axisPicture: reversedAxisPicture(object.axisPicture),
  };
}

/**
 * Objects a reviewer's split or join made, typed and placed in their cell (`cell`: its other
 * chromosomes). With a type classifier, each is typed as the cell's chromosomes were when it was arranged
 * (features relative to the whole cell, its first choice; below SURE_TYPE_PROBABILITY it is a doubtful
 * type, left out of the verdict where other cells have the pair) and read p-ter first by its type's
 * banding, with the type's other copies; without one (no classifier shipped), each keeps the type the
 * reviewer's edit gives it (`fallback`), with its direction. Chromatid disagreement is measured against
 * the cell. The other chromosomes keep their figures (their reference moves by a chromosome at most).
 *
 * @param edit the reviewer's edit in a few words, for the doubt's text ("a split", "a join")
 */
export async function typedRemadeObjects(
  cell: readonly CaseChromosome[],
  objects: readonly RemadeObject[],
  options: {
    readonly classifier?: TypeClassifier;
    readonly fallback: readonly ChromosomeType[];
    readonly edit: string;
  },
): Promise<CaseChromosome[]> {
  const { classifier } = options;
  const typed: CaseChromosome[] = [];
  if (classifier === undefined) {
    objects.forEach((object, i) => {
      typed.push({ ...object, type: options.fallback[i] ?? '1', homolog: LAST_HOMOLOG, confidence: 1 });
    });
  } else {
    const features = cellTypeFeatures([...cell, ...objects]);
    const probabilities = await classifyChromosomes(classifier.weights, features.slice(cell.length));
    objects.forEach((object, i) => {
      const p = probabilities[i] ?? new Float32Array(CHROMOSOME_TYPES.length);
      let best = 0;
      p.forEach((value, k) => {
        if (value > (p[best] ?? 0)) best = k;
      });
      const type = CHROMOSOME_TYPES[best] ?? '1';
      const confidence = p[best] ?? 0;
      const copies = [...cell, ...typed].filter((c) => c.type === type);
      const flips = orientCopiesTogether([...copies, { ...object, type }], BANDING_TEMPLATES);
      const oriented = flips[copies.length] === true ? reversed(object) : object;
      typed.push({
        ...oriented,
        type,
        homolog: LAST_HOMOLOG,
        confidence,
        ...(confidence < SURE_TYPE_PROBABILITY
          ? {
              typeDoubt: `typed ${type} automatically after ${options.edit} with probability ${confidence.toFixed(2)}`,
            }
          : {}),
      });
    });
  }
  const disagreement = relativeChromatidDisagreement([...cell, ...typed]).slice(cell.length);
  return typed.map((c, i) => ({ ...c, chromatidDisagreement: disagreement[i] ?? 1 }));
}
