import type { AxisPicture, StraighteningRecipe } from '../../imaging/profile/axis-picture';
import { RASTER_MARGIN } from '../../imaging/profile/chromosome-raster';
import { measureRaster, profileMeasuredRaster } from '../../imaging/profile/common-scale-profiles';
import { rasterOf } from '../../imaging/profile/manual-centre-line';
import { polylineLength } from '../../imaging/profile/medial-axis';
import { joinedPictures, pictureAroundMask, type PlacedPicture } from '../../imaging/profile/placed-picture';
import { cutMask } from '../../imaging/segment/cut-mask';
import type { BinaryMask, Point } from '../../imaging/segment/mask';
import type { CaseChromosome } from './profiled-case';

/** An object made by an edit, straightened and profiled but not yet typed. */
export type RemadeObject = Pick<CaseChromosome, 'profile' | 'samples' | 'straightened' | 'axisCoverage'> &
  Required<Pick<CaseChromosome, 'axisPicture' | 'box'>>;

/**
 * Two objects further apart than this many chromosome widths are not one chromosome broken in two (a
 * chromosome broken at a pale band or its centromere leaves a gap well under a width).
 */
const MAX_JOIN_GAP_WIDTHS = 2;

/** Half the bridge's thickness between two joined objects, in chromosome widths (a centromere's waist). */
const BRIDGE_RADIUS_WIDTHS = 0.25;

/** A chromosome whose picture can be edited: placed in its image, with its straightening recipe. */
interface EditablePicture extends PlacedPicture {
  readonly recipe: StraighteningRecipe;
  readonly axis: readonly Point[];
}

/**
 * The chromosome's picture placed in its image (picture pixel (0, 0) is image pixel (box.x0 − margin,
 * box.y0 − margin), as rasterFromImage cut it out), or an error saying why it cannot be edited.
 */
function editable(c: CaseChromosome, what: string): EditablePicture {
  const picture = c.axisPicture;
  const recipe = picture?.recipe;
  const { box } = c;
  if (picture === undefined || recipe === undefined || box === undefined)
    throw new Error(
      `${what}: only a chromosome found in an image, analysed with what straightening needs, can be edited (analyse the case again)`,
    );
  const expected = {
    width: box.x1 - box.x0 + 2 * RASTER_MARGIN,
    height: box.y1 - box.y0 + 2 * RASTER_MARGIN,
  };
  if (picture.image.width !== expected.width || picture.image.height !== expected.height)
    throw new Error(
      `${what}: its picture is not cut out around its box, so it cannot be placed in its image`,
    );
  return {
    image: picture.image,
    mask: recipe.mask,
    origin: { x: box.x0 - RASTER_MARGIN, y: box.y0 - RASTER_MARGIN },
    box,
    recipe,
    axis: picture.axis,
  };
}

function maskArea(mask: BinaryMask): number {
  let area = 0;
  for (const v of mask.data) if (v !== 0) area++;
  return area;
}

/** Axis length per pixel of area: what axis coverage compares across a cell (see relativeAxisCoverage). */
const lengthPerArea = (axisLength: number, area: number): number => axisLength / Math.max(1, area);

/**
 * A new object (a part, or two joined) straightened along its own automatic centre line exactly as its
 * cell's chromosomes were (the recipe's width, background and samples per pixel), read from the end that
 * `startsAt` chooses. Its axis coverage is the reference chromosome's scaled by their ratio of axis length
 * to area, as for a reviewer's centre line: the cell's reference stays.
 *
 * @param startsAt given the axis's two ends (image pixels), true to read it from the first
 */
function remade(
  placed: PlacedPicture,
  recipe: StraighteningRecipe,
  startsAt: (first: Point, last: Point) => boolean,
  reference: { readonly axisCoverage?: number; readonly lengthPerArea: number },
): RemadeObject {
  const ownRecipe: StraighteningRecipe = { ...recipe, mask: placed.mask };
  const measured = measureRaster(rasterOf(placed, ownRecipe), recipe.width);
  const toImage = (p: Point): Point => ({ x: p.x + placed.origin.x, y: p.y + placed.origin.y });
  const first = measured.axis[0] ?? { x: 0, y: 0 };
  const last = measured.axis[measured.axis.length - 1] ?? first;
  const axis = startsAt(toImage(first), toImage(last)) ? measured.axis : [...measured.axis].reverse();
  const profiled = profileMeasuredRaster({ ...measured, axis }, recipe.samplesPerPixel);
  const axisPicture: AxisPicture = { image: placed.image, axis: profiled.axis, recipe: ownRecipe };
  const ratio = lengthPerArea(profiled.axisLength, maskArea(placed.mask)) / reference.lengthPerArea;
  return {
    profile: profiled.profile,
    samples: profiled.samples,
    straightened: profiled.straightened,
    axisPicture,
    box: placed.box,
    ...(reference.axisCoverage !== undefined && Number.isFinite(ratio)
      ? { axisCoverage: reference.axisCoverage * ratio }
      : {}),
  };
}

function referenceOf(c: CaseChromosome, picture: EditablePicture) {
  return {
    ...(c.axisCoverage !== undefined ? { axisCoverage: c.axisCoverage } : {}),
    lengthPerArea: lengthPerArea(polylineLength(picture.axis), maskArea(picture.mask)),
  };
}

/** Index of the polyline's vertex nearest to p. */
function nearestVertex(polyline: readonly Point[], p: Point): number {
  let best = { index: 0, distance: Infinity };
  polyline.forEach((q, index) => {
    const distance = Math.hypot(q.x - p.x, q.y - p.y);
    if (distance < best.distance) best = { index, distance };
  });
  return best.index;
}

/**
 * A chromosome parted in two along a cut across it (`cut`: its axis picture's pixels, at least two points,
 * from edge to edge), each part cut out again, straightened along its own centre line and read in the
 * direction of the chromosome it came from (p-ter first: the end nearer the old p-ter along the old line
 * comes first). The larger part comes first. Types are not assigned here.
 *
 * @throws Error saying why, when the chromosome cannot be edited or the cut does not part it
 */
export function splitChromosome(c: CaseChromosome, cut: readonly Point[]): [RemadeObject, RemadeObject] {
  const picture = editable(c, 'this chromosome cannot be split');
  const parts = cutMask(picture.mask, cut);
  const axisInImage = picture.axis.map((p) => ({ x: p.x + picture.origin.x, y: p.y + picture.origin.y }));
  const startsAt = (first: Point, last: Point): boolean =>
    nearestVertex(axisInImage, first) <= nearestVertex(axisInImage, last);
  const reference = referenceOf(c, picture);
  const remadePart = (mask: BinaryMask): RemadeObject =>
    remade(
      pictureAroundMask(picture, mask, picture.recipe.background.level),
      picture.recipe,
      startsAt,
      reference,
    );
  return [remadePart(parts[0]), remadePart(parts[1])];
}

/**
 * Two chromosomes of one cell made one (a chromosome the segmentation broke in two): their pictures
 * composed in their image's frame, their masks joined (bridged across a gap of at most
 * MAX_JOIN_GAP_WIDTHS chromosome widths), straightened along the joined object's centre line and read from
 * the end nearer the first chromosome's p-ter. Its type is not assigned here.
 *
 * @throws Error saying why, when either cannot be edited or the two lie too far apart
 */
export function joinChromosomes(first: CaseChromosome, second: CaseChromosome): RemadeObject {
  const a = editable(first, 'these chromosomes cannot be joined');
  const b = editable(second, 'these chromosomes cannot be joined');
  const { recipe } = a;
  const joined = joinedPictures(a, b, {
    background: recipe.background.level,
    bridgeRadius: Math.max(1, BRIDGE_RADIUS_WIDTHS * recipe.width),
    maxGap: MAX_JOIN_GAP_WIDTHS * recipe.width,
  });
  const pTer = a.axis[0] ?? { x: 0, y: 0 };
  const pTerInImage = { x: pTer.x + a.origin.x, y: pTer.y + a.origin.y };
  const startsAt = (start: Point, end: Point): boolean =>
    Math.hypot(start.x - pTerInImage.x, start.y - pTerInImage.y) <=
    Math.hypot(end.x - pTerInImage.x, end.y - pTerInImage.y);
  return remade(joined, recipe, startsAt, referenceOf(first, a));
}
