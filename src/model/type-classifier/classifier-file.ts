import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import { sha256Hex } from '../weights/sha256';
import { classifierParameters } from './classifier-network';
import { CELL_FIGURES, TRACK_CHANNELS, TRACK_POINTS } from './type-features';

export const CLASSIFIER_FORMAT = 'homnet-review/type-classifier@1';

/** What a trained classifier's manifest says; the weights follow in one little-endian float32 file. */
export interface ClassifierManifest {
  readonly format: typeof CLASSIFIER_FORMAT;
  /** `type-classifier-` and the first 12 hex digits of the weights' SHA-256. */
  readonly id: string;
  readonly trackPoints: number;
  readonly trackChannels: number;
  readonly cellFigures: number;
  /** Output order. */
  readonly classes: readonly string[];
  /** In file order. */
  readonly tensors: readonly { readonly name: string; readonly shape: readonly number[] }[];
  readonly weightsFile: string;
  readonly sha256: string;
  /** How and on what it was trained, and its validation figures (free-form, for the model card). */
  readonly training: Readonly<Record<string, unknown>>;
}

export const CLASSIFIER_WEIGHTS_FILE = 'weights.bin';

/** The manifest and weight bytes of trained weights (in parameter order). */
export async function encodeClassifier(
  values: ReadonlyMap<string, Float32Array>,
  training: Readonly<Record<string, unknown>>,
): Promise<{ manifest: ClassifierManifest; weightData: ArrayBuffer }> {
  const parameters = classifierParameters();
  const total = parameters.reduce((sum, p) => sum + (values.get(p.name)?.length ?? 0), 0);
  const all = new Float32Array(total);
  let offset = 0;
  for (const p of parameters) {
    const data = values.get(p.name);
    if (!data) throw new Error(`type classifier: missing weight "${p.name}"`);
    all.set(data, offset);
    offset += data.length;
  }
  const sha256 = await sha256Hex(new Uint8Array(all.buffer));
  return {
    manifest: {
      format: CLASSIFIER_FORMAT,
      id: `type-classifier-${sha256.slice(0, 12)}`,
      trackPoints: TRACK_POINTS,
      trackChannels: TRACK_CHANNELS,
      cellFigures: CELL_FIGURES,
      classes: [...CHROMOSOME_TYPES],
      tensors: parameters.map((p) => ({ name: p.name, shape: [...p.shape] })),
      weightsFile: CLASSIFIER_WEIGHTS_FILE,
      sha256,
      training,
    },
    weightData: all.buffer,
  };
}

/** Whether a manifest's tensor entry names `name` with exactly `shape`. */
function isTensorEntry(entry: unknown, name: string, shape: readonly number[]): boolean {
  if (typeof entry !== 'object' || entry === null) return false;
  const { name: entryName, shape: entryShape } = entry as { name?: unknown; shape?: unknown };
  return (
    entryName === name &&
    Array.isArray(entryShape) &&
    entryShape.length === shape.length &&
    shape.every((size, i) => entryShape[i] === size)
  );
}

/**
 * The weights of a manifest and its weight bytes, checked against this code's network (inputs, classes,
 * every tensor's shape) and the checksum; a mismatch throws naming `source` and what differs.
 */
export async function decodeClassifier(
  json: unknown,
  weightData: ArrayBuffer,
  source: string,
): Promise<{ manifest: ClassifierManifest; values: Map<string, Float32Array> }> {
  const manifest = json as Partial<ClassifierManifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== CLASSIFIER_FORMAT)
    throw new Error(`${source}: not a type classifier manifest (format ${CLASSIFIER_FORMAT})`);
  if (
    manifest.trackPoints !== TRACK_POINTS ||
    manifest.trackChannels !== TRACK_CHANNELS ||
    manifest.cellFigures !== CELL_FIGURES
  )
    throw new Error(`${source}: made for other inputs than this version reads`);
  if (!Array.isArray(manifest.classes) || manifest.classes.join(',') !== CHROMOSOME_TYPES.join(','))
    throw new Error(`${source}: its classes are not 1–22, X, Y in karyogram order`);
  const parameters = classifierParameters();
  const tensors: unknown[] = Array.isArray(manifest.tensors) ? (manifest.tensors as unknown[]) : [];
  if (
    tensors.length !== parameters.length ||
    parameters.some((p, i) => !isTensorEntry(tensors[i], p.name, p.shape))
  )
    throw new Error(`${source}: its tensors do not match this version's network`);
  const expectedBytes = parameters.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0) * 4;
  if (weightData.byteLength !== expectedBytes)
    throw new Error(`${source}: weights of ${weightData.byteLength} bytes, expected ${expectedBytes}`);
  if ((await sha256Hex(weightData)) !== manifest.sha256)
    throw new Error(`${source}: the weights do not match the manifest's checksum`);
  const all = new Float32Array(weightData.slice(0));
  const values = new Map<string, Float32Array>();
  let offset = 0;
  for (const p of parameters) {
    const size = p.shape.reduce((a, b) => a * b, 1);
    values.set(p.name, all.slice(offset, offset + size));
    offset += size;
  }
  return { manifest: manifest as ClassifierManifest, values };
}
