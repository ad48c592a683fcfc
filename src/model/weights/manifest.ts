import type { HomNetArchitecture } from '../architecture';
import {
  ABSENT_FROM_OLDER_FILES,
  DEFAULT_ARCHITECTURE,
  grouped,
  validateArchitecture,
  weightCount,
} from '../architecture';
import { initialValue, parameterSpecs, shapeSize } from '../parameters';
import {
  checkArray,
  checkNonEmptyString,
  checkNumber,
  checkObject,
  checkPresent,
  checkString,
  isObject,
  ShapeError,
} from '../../shared/shape-check';
import { sha256Hex } from './sha256';
import { readCaseCalibration, type CaseCalibration } from '../case-calibration';

export const MANIFEST_FORMAT = 'homnet-review/weights@1';
export const DEFAULT_WEIGHTS_FILE = 'weights.bin';

/** Where one tensor lies in the weights binary (little-endian float32). */
export interface TensorEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32';
  /** Offset in bytes from the start of the binary. */
  readonly byteOffset: number;
  readonly byteLength: number;
}

/**
 * The JSON that travels with a weights binary: what network it is, what is in the binary, and its
 * checksum. Shipped models, IndexedDB entries and exported files all use it.
 */
export interface WeightsManifest {
  readonly format: typeof MANIFEST_FORMAT;
  /** Shown in the app and written into every result. */
  readonly id: string;
  /** The model this one was fine-tuned from, if any. */
  readonly parentId?: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly architecture: HomNetArchitecture;
  /** Abnormal when probability ≥ threshold; chosen on validation data for trained models. */
  readonly threshold: number;
  /** File name of the binary, relative to the manifest. */
  readonly weightsFile: string;
  /** Hex SHA-256 of the whole binary. */
  readonly sha256: string;
  readonly tensors: readonly TensorEntry[];
  /** Free-form, JSON-safe facts about training (data counts, figures); never patient data. */
  readonly training?: Readonly<Record<string, unknown>>;
  /** How its scores are calibrated to their case (see CaseCalibration); absent: they are not. */
  readonly caseCalibration?: CaseCalibration;
}

/** A model as bytes: manifest plus binary. */
export interface ModelArtifacts {
  readonly manifest: WeightsManifest;
  readonly weightData: ArrayBuffer;
}

/** Refusal of a weights file, with what is wrong in words a user can act on. */
export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

/**
 * Parses and checks untrusted manifest JSON (structure only; the binary is checked separately). A refusal
 * is a WeightsError naming `source` and the field at fault (`tensors[3].name is not text`), which the app
 * shows as is for a broken model file.
 */
export function parseManifest(json: unknown, source = 'manifest'): WeightsManifest {
  try {
    return checkManifest(json, source);
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new WeightsError(`${source}: ${error.message}`);
  }
}

function checkManifest(json: unknown, source: string): WeightsManifest {
  const given = checkObject(json, 'the manifest');
  if (given.format !== MANIFEST_FORMAT)
    throw new ShapeError('format', `is ${JSON.stringify(given.format)}, expected "${MANIFEST_FORMAT}"`);
  const id = checkNonEmptyString(given.id, 'id');
  const createdAt = checkNonEmptyString(given.createdAt, 'createdAt');
  const weightsFile = checkNonEmptyString(given.weightsFile, 'weightsFile');
  const sha256 = checkNonEmptyString(given.sha256, 'sha256');
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new ShapeError('sha256', 'is not a hex digest');
  const threshold = checkNumber(checkPresent(given.threshold, 'threshold'), 'threshold');
  if (!(threshold >= 0 && threshold <= 1)) throw new ShapeError('threshold', 'is not in [0, 1]');
  const stated = checkObject(checkPresent(given.architecture, 'architecture'), 'architecture');
  // Only known keys are read, so an unexpected field can never reach the network code.
  const architecture = Object.fromEntries(
    (Object.keys(DEFAULT_ARCHITECTURE) as (keyof HomNetArchitecture)[]).map((key) => [
      key,
      stated[key] ?? ABSENT_FROM_OLDER_FILES[key] ?? DEFAULT_ARCHITECTURE[key],
    ]),
  ) as unknown as HomNetArchitecture;
  try {
    validateArchitecture(architecture);
  } catch (error) {
    // Its refusals already name the field ("architecture.heads 5 must divide regionChannels 64").
    throw new WeightsError(`${source}: ${(error as Error).message}`);
  }
  const tensors = checkArray(checkPresent(given.tensors, 'tensors'), 'tensors').map((value, i) =>
    checkTensorEntry(value, `tensors[${i}]`),
  );
  const calibration = readCaseCalibration(given.caseCalibration);
  return {
    format: MANIFEST_FORMAT,
    id,
    createdAt,
    architecture,
    threshold,
    weightsFile,
    sha256,
    tensors,
    // Optional facts of the wrong kind are dropped rather than refused: the model still works without them.
    ...(typeof given.parentId === 'string' ? { parentId: given.parentId } : {}),
    ...(isObject(given.training) ? { training: given.training } : {}),
    ...(calibration !== null ? { caseCalibration: calibration } : {}),
  };
}

function checkTensorEntry(value: unknown, path: string): TensorEntry {
  const entry = checkObject(value, path);
  const name = checkString(entry.name, `${path}.name`);
  // From here on the path names the tensor rather than its index, as unpackWeights does: a name is what a
  // reader can look up in the manifest.
  const tensor = `tensor "${name}"`;
  if (entry.dtype !== 'float32')
    throw new ShapeError(tensor, `has dtype ${String(entry.dtype)}, only float32 is supported`);
  const shape = checkArray(entry.shape, `${tensor}.shape`).map(Number);
  if (shape.some((d) => !Number.isInteger(d) || d < 1)) throw new ShapeError(tensor, 'has an invalid shape');
  return {
    name,
    shape,
    dtype: 'float32',
    byteOffset: checkNumber(entry.byteOffset, `${tensor}.byteOffset`),
    byteLength: checkNumber(entry.byteLength, `${tensor}.byteLength`),
  };
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Refuses a binary that does not hold the weights its architecture implies, counted arithmetically before
 * any spec list or tensor is built (`source` names the file in the refusal). Each tensor entry is also
 * checked to lie inside the binary, but entries may alias the same bytes: without this count, a small
 * file could claim many large layers.
 */
export function checkWeightsSize(
  manifest: WeightsManifest,
  byteLength: number,
  source = `model ${manifest.id}`,
): void {
  const { required, optional } = weightCount(manifest.architecture);
  const held = byteLength / 4;
  if (!Number.isInteger(held) || held < required || held > required + optional) {
    const implied = required + optional;
    throw new WeightsError(
      `${source}: the architecture implies ${grouped(implied)} weights (${megabytes(implied * 4)}), the weights file holds ${grouped(Math.floor(held))} (${megabytes(byteLength)})`,
    );
  }
}

/**
 * Checks that the binary is the one the manifest describes (checksum) and that the manifest describes
 * exactly the tensors this architecture needs (names and shapes); returns the tensors' values. An optional
 * tensor (one added after older model files were made) that is absent gets its initial value.
 */
export async function unpackWeights(artifacts: ModelArtifacts): Promise<Map<string, Float32Array>> {
  const { manifest, weightData } = artifacts;
  const id = manifest.id;
  const actual = await sha256Hex(weightData);
  if (actual !== manifest.sha256) {
    throw new WeightsError(
      `model ${id}: checksum mismatch, the weights file is corrupt or belongs to another manifest (expected sha256 ${manifest.sha256.slice(0, 12)}…, got ${actual.slice(0, 12)}…)`,
    );
  }
  checkWeightsSize(manifest, weightData.byteLength);
  const byName = new Map(manifest.tensors.map((entry) => [entry.name, entry]));
  const values = new Map<string, Float32Array>();
  for (const spec of parameterSpecs(manifest.architecture)) {
    const entry = byName.get(spec.name);
    if (!entry && spec.optional === true) {
      values.set(spec.name, initialValue(spec));
      continue;
    }
    if (!entry) throw new WeightsError(`model ${id}: tensor "${spec.name}" is missing from the manifest`);
    if (entry.shape.length !== spec.shape.length || entry.shape.some((d, i) => d !== spec.shape[i])) {
      throw new WeightsError(
        `model ${id}: tensor "${spec.name}" has shape [${entry.shape.join(', ')}], the architecture needs [${spec.shape.join(', ')}]`,
      );
    }
    const expectedBytes = shapeSize(spec.shape) * 4;
    if (
      entry.byteLength !== expectedBytes ||
      entry.byteOffset % 4 !== 0 ||
      entry.byteOffset + entry.byteLength > weightData.byteLength
    ) {
      throw new WeightsError(
        `model ${id}: tensor "${spec.name}" lies outside the weights file or has the wrong size`,
      );
    }
    values.set(
      spec.name,
      new Float32Array(weightData.slice(entry.byteOffset, entry.byteOffset + entry.byteLength)),
    );
    byName.delete(spec.name);
  }
  if (byName.size > 0) {
    throw new WeightsError(
      `model ${id}: unexpected tensors ${[...byName.keys()].map((n) => `"${n}"`).join(', ')}`,
    );
  }
  return values;
}

export interface PackOptions {
  readonly id?: string;
  readonly parentId?: string;
  readonly threshold?: number;
  readonly createdAt?: string;
  readonly training?: Readonly<Record<string, unknown>>;
  readonly caseCalibration?: CaseCalibration;
}

/** Weights → one binary and its manifest. The id defaults to one derived from the checksum. */
export async function packWeights(
  architecture: HomNetArchitecture,
  values: ReadonlyMap<string, Float32Array>,
  options: PackOptions = {},
): Promise<ModelArtifacts> {
  const specs = parameterSpecs(architecture);
  const totalBytes = specs.reduce((sum, spec) => sum + shapeSize(spec.shape) * 4, 0);
  const buffer = new ArrayBuffer(totalBytes);
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const spec of specs) {
    const data = values.get(spec.name);
    if (!data || data.length !== shapeSize(spec.shape))
      throw new WeightsError(`cannot pack "${spec.name}": wrong or missing values`);
    new Float32Array(buffer, offset, data.length).set(data);
    tensors.push({
      name: spec.name,
      shape: [...spec.shape],
      dtype: 'float32',
      byteOffset: offset,
      byteLength: data.length * 4,
    });
    offset += data.length * 4;
  }
  const sha256 = await sha256Hex(buffer);
  const manifest: WeightsManifest = {
    format: MANIFEST_FORMAT,
    id: options.id ?? `homnet-${sha256.slice(0, 12)}`,
    createdAt: options.createdAt ?? new Date().toISOString(),
    architecture,
    threshold: options.threshold ?? 0.5,
    weightsFile: DEFAULT_WEIGHTS_FILE,
    sha256,
    tensors,
    ...(options.parentId !== undefined ? { parentId: options.parentId } : {}),
    ...(options.training !== undefined ? { training: options.training } : {}),
    ...(options.caseCalibration !== undefined ? { caseCalibration: options.caseCalibration } : {}),
  };
  return { manifest, weightData: buffer };
}
