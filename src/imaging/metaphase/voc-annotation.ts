import type { ChromosomeType } from '../../shared/chromosome-types';
import type { PixelBox } from '../segment/mask';
import { childElement, childElements, parseXml, XmlSyntaxError, type XmlElement } from './xml-elements';

/** One labelled box of an annotation: a chromosome of a known type somewhere in the metaphase. */
export interface AnnotatedBox {
  readonly type: ChromosomeType;
  /** The name as written in the file (`A1`, `C7`, `X`), for messages. */
  readonly label: string;
  /** Pixels of the image, x1 and y1 exclusive. */
  readonly box: PixelBox;
}

/** What a Pascal VOC annotation says about one metaphase image. */
export interface MetaphaseAnnotation {
  /** The image size the annotation was drawn on, when it says (`<size>`). */
  readonly size: { readonly width: number; readonly height: number } | null;
  /** In the order of the file. */
  readonly boxes: readonly AnnotatedBox[];
}

/** An annotation that cannot be used, with a message naming what is wrong (the caller adds the file). */
export class AnnotationError extends Error {
  override readonly name = 'AnnotationError';
}

/** Annotation files larger than this are refused before parsing (a cell's has ~50 boxes, ~15 KB). */
export const MAX_ANNOTATION_BYTES = 2 * 1024 * 1024;

/** More boxes than this in one cell is not a metaphase annotation (a cell holds about 46). */
export const MAX_BOXES = 400;

/** Pixels a box may reach past the image's edge before it counts as outside it. */
export const EDGE_TOLERANCE = 3;

/** The Denver groups and the chromosomes each holds, as the box names combine them (`A1` … `G22`). */
const DENVER_GROUPS: Readonly<Record<string, readonly ChromosomeType[]>> = {
  A: ['1', '2', '3'],
  B: ['4', '5'],
  C: ['6', '7', '8', '9', '10', '11', '12', 'X'],
  D: ['13', '14', '15'],
  E: ['16', '17', '18'],
  F: ['19', '20'],
  G: ['21', '22', 'Y'],
};

/**
 * The chromosome type a box name stands for: `A1` … `G22` (Denver group letter and number, the letter
 * checked against the number), a bare `1` … `22`, or `X` / `Y` (optionally with their group letter or a
 * `chr` prefix); case and surrounding blanks do not matter. Null for any other name.
 */
export function chromosomeTypeOfLabel(label: string): ChromosomeType | null {
  const match = /^(?:chr)?([A-G])?(\d{1,2}|X|Y)$/i.exec(label.trim());
  if (match === null) return null;
  const group = match[1]?.toUpperCase();
  const raw = (match[2] ?? '').toUpperCase();
  const type = /^\d+$/.test(raw) ? String(Number(raw)) : raw;
  const inGroup = Object.entries(DENVER_GROUPS).find(([, types]) =>
    (types as readonly string[]).includes(type),
  );
  if (inGroup === undefined) return null;
  if (group !== undefined && group !== inGroup[0]) return null;
  return inGroup[1].find((t) => t === type) ?? null;
}

function integerOf(element: XmlElement | undefined, what: string): number {
  const text = element?.text ?? '';
  const value = Number(text);
  if (element === undefined || text === '' || !Number.isFinite(value))
    throw new AnnotationError(`${what} is ${element === undefined ? 'missing' : `not a number ("${text}")`}`);
  return Math.round(value);
}

/**
 * Reads a Pascal VOC annotation (`<annotation>` with `<size>` and one `<object>` per chromosome, each with
 * `<name>` and `<bndbox>` of `xmin`, `ymin`, `xmax`, `ymax` in pixels). Boxes are checked against the
 * annotation's own size and, when given, the image's: a box outside the image, an empty box or a name
 * that is no chromosome makes the whole annotation unusable (a cell with a wrong box would be counted
 * wrong), and the error says which object.
 *
 * @param image the decoded image's size, to check the boxes against
 * @throws AnnotationError with a message for the reviewer
 */
export function parseVocAnnotation(
  bytes: Uint8Array,
  image?: { readonly width: number; readonly height: number },
): MetaphaseAnnotation {
  if (bytes.length === 0) throw new AnnotationError('the annotation file is empty');
  if (bytes.length > MAX_ANNOTATION_BYTES)
    throw new AnnotationError(`the annotation is over ${MAX_ANNOTATION_BYTES / 1024 / 1024} MB`);
  let root: XmlElement;
  try {
    root = parseXml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new AnnotationError(error.message);
    if (error instanceof TypeError) throw new AnnotationError('the annotation is not UTF-8 text');
    throw error;
  }
  if (root.name !== 'annotation')
    throw new AnnotationError(`not a Pascal VOC annotation (root element <${root.name}>, not <annotation>)`);
  const sizeElement = childElement(root, 'size');
  const size =
    sizeElement === undefined
      ? null
      : {
          width: integerOf(childElement(sizeElement, 'width'), '<size><width>'),
          height: integerOf(childElement(sizeElement, 'height'), '<size><height>'),
        };
  const objects = childElements(root, 'object');
  if (objects.length === 0) throw new AnnotationError('the annotation has no <object> (no chromosome boxes)');
  if (objects.length > MAX_BOXES)
    throw new AnnotationError(`the annotation has ${objects.length} boxes, over ${MAX_BOXES}`);
  if (
    image &&
    size &&
    size.width > 0 &&
    size.height > 0 &&
    (size.width !== image.width || size.height !== image.height)
  )
    throw new AnnotationError(
      `the annotation was drawn on a ${size.width}×${size.height} image, this one is ${image.width}×${image.height}`,
    );
  const bounds = image ?? size;
  const boxes = objects.map((object, index): AnnotatedBox => {
    const label = childElement(object, 'name')?.text ?? '';
    const where = `object ${index + 1}${label === '' ? '' : ` ("${label}")`}`;
    const type = chromosomeTypeOfLabel(label);
    if (type === null)
      throw new AnnotationError(
        `${where}: "${label}" is not a chromosome name (A1 … G22 with the Denver group letter, X or Y)`,
      );
    const bndbox = childElement(object, 'bndbox');
    if (bndbox === undefined) throw new AnnotationError(`${where}: no <bndbox>`);
    const read = (name: string): number => {
      try {
        return integerOf(childElement(bndbox, name), `<${name}>`);
      } catch (error) {
        throw new AnnotationError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const xmin = read('xmin');
    const ymin = read('ymin');
    const xmax = read('xmax');
    const ymax = read('ymax');
    const corners = `(${xmin}, ${ymin})–(${xmax}, ${ymax})`;
    if (xmax < xmin || ymax < ymin) throw new AnnotationError(`${where}: the box ${corners} is empty`);
    // VOC corners are inclusive, some tools count from 1, and annotators' boxes overshoot the edge by a
    // pixel or two (16 of tseng's 1,019 cells): a box up to EDGE_TOLERANCE past the image is cut at its
    // edge, one further out is an error.
    if (
      bounds &&
      (xmin < -EDGE_TOLERANCE ||
        ymin < -EDGE_TOLERANCE ||
        xmax >= bounds.width + EDGE_TOLERANCE ||
        ymax >= bounds.height + EDGE_TOLERANCE ||
        xmin >= bounds.width ||
        ymin >= bounds.height)
    )
      throw new AnnotationError(
        `${where}: the box ${corners} lies outside the ${bounds.width}×${bounds.height} image`,
      );
    const box = {
      x0: Math.max(0, xmin),
      y0: Math.max(0, ymin),
      x1: bounds ? Math.min(xmax + 1, bounds.width) : xmax + 1,
      y1: bounds ? Math.min(ymax + 1, bounds.height) : ymax + 1,
    };
    return { type, label, box };
  });
  return { size, boxes };
}
