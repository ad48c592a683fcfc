import type { Point } from '../segment/mask';
import { darknessLookup } from '../segment/background';
import { distanceToBackground } from '../segment/distance';
import { axisGeometry } from './axis-coverage';
import type { AxisPicture, StraighteningRecipe } from './axis-picture';
import { profileMeasuredRaster, type ProfiledChromosome } from './common-scale-profiles';
import { polylineLength, resamplePolyline } from './medial-axis';
import type { ChromosomeRaster } from './straighten';

/** Most points a reviewer's centre line may have (a few clicks are enough; this bounds the work). */
export const MAX_CENTRE_LINE_POINTS = 64;

/** How far outside its cut-out a point of a centre line may lie, pixels (a click just past a tip). */
const OUTSIDE_TOLERANCE = 2;

/** Steps per pixel of chord at which each spline segment is sampled before the even resampling. */
const SPLINE_STEPS_PER_PIXEL = 4;

/** Why a reviewer's centre line cannot be used for a picture, or null when it can. */
export function centreLineProblem(picture: AxisPicture, points: readonly Point[]): string | null {
  if (points.length < 2) return 'a centre line needs at least two points (p-ter first, then q-ter)';
  if (points.length > MAX_CENTRE_LINE_POINTS)
    return `a centre line may have at most ${String(MAX_CENTRE_LINE_POINTS)} points`;
  const { width, height } = picture.image;
  const outside = points.some(
    (p) =>
      !Number.isFinite(p.x) ||
      !Number.isFinite(p.y) ||
      p.x < -OUTSIDE_TOLERANCE ||
      p.y < -OUTSIDE_TOLERANCE ||
      p.x > width - 1 + OUTSIDE_TOLERANCE ||
      p.y > height - 1 + OUTSIDE_TOLERANCE,
  );
  if (outside) return 'a point of the centre line lies outside the chromosome picture';
  if (polylineLength(points) < 2) return 'the centre line is shorter than two pixels';
  return null;
}

/**
 * A smooth curve through the reviewer's points in their order (Catmull–Rom, centripetal, so that it
 * neither overshoots nor loops between unevenly spaced clicks), resampled every pixel: it runs exactly
 * from the first point (p-ter) to the last (q-ter), since where the chromosome ends is the reviewer's call.
 */
export function centreLineThrough(points: readonly Point[]): Point[] {
  const distinct = points.filter((p, i) => {
    const before = points[i - 1];
    return before === undefined || Math.hypot(p.x - before.x, p.y - before.y) > 1e-6;
  });
  if (distinct.length < 3) return resamplePolyline(distinct, 1);
  const dense: Point[] = [];
  for (let i = 0; i + 1 < distinct.length; i++) {
    const p1 = distinct[i];
    const p2 = distinct[i + 1];
    if (p1 === undefined || p2 === undefined) continue;
    // Phantom points mirror the neighbour at either end, so the curve leaves its ends straight.
    const p0 = distinct[i - 1] ?? { x: 2 * p1.x - p2.x, y: 2 * p1.y - p2.y };
    const p3 = distinct[i + 2] ?? { x: 2 * p2.x - p1.x, y: 2 * p2.y - p1.y };
    const steps = Math.max(2, Math.ceil(SPLINE_STEPS_PER_PIXEL * Math.hypot(p2.x - p1.x, p2.y - p1.y)));
    for (let s = i === 0 ? 0 : 1; s <= steps; s++) dense.push(centripetal(p0, p1, p2, p3, s / steps));
  }
  return resamplePolyline(dense, 1);
}

/** Centripetal Catmull–Rom point between p1 (u = 0) and p2 (u = 1). */
function centripetal(p0: Point, p1: Point, p2: Point, p3: Point, u: number): Point {
  const knot = (a: Point, b: Point): number => Math.max(1e-6, Math.sqrt(Math.hypot(b.x - a.x, b.y - a.y)));
  const t0 = 0;
  const t1 = t0 + knot(p0, p1);
  const t2 = t1 + knot(p1, p2);
  const t3 = t2 + knot(p2, p3);
  const t = t1 + u * (t2 - t1);
  const lerp = (a: Point, b: Point, ta: number, tb: number): Point => {
    const f = (t - ta) / (tb - ta);
    return { x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y) };
  };
  const a1 = lerp(p0, p1, t0, t1);
  const a2 = lerp(p1, p2, t1, t2);
  const a3 = lerp(p2, p3, t2, t3);
  const b1 = lerp(a1, a2, t0, t2);
  const b2 = lerp(a2, a3, t1, t3);
  return lerp(b1, b2, t1, t2);
}

/** The chromosome's raster made again from its cut-out and the recipe kept with it (or another mask). */
export function rasterOf(
  picture: { readonly image: AxisPicture['image'] },
  recipe: StraighteningRecipe,
): ChromosomeRaster {
  const lut = darknessLookup(recipe.background);
  const { pixels } = picture.image;
  const darkness = new Float32Array(pixels.length);
  for (let i = 0; i < darkness.length; i++) darkness[i] = lut[pixels[i] ?? 0] ?? 0;
  return {
    gray: picture.image,
    darkness,
    mask: recipe.mask,
    distance: distanceToBackground(recipe.mask),
    backgroundGray: Math.round(recipe.background.level),
    background: recipe.background,
  };
}

/**
 * The chromosome of `picture` straightened again along `axis` (picture pixels, p-ter first) exactly as
 * the automatic straightening did it: same mask, darkness, strip width and samples per pixel, so along its
 * own automatic axis it gives back the very same profile.
 *
 * @throws Error when the picture was saved without its recipe (a case analysed before it was kept)
 */
export function straightenAlong(picture: AxisPicture, axis: readonly Point[]): ProfiledChromosome {
  const { recipe } = picture;
  if (recipe === undefined)
    throw new Error(
      'this chromosome was analysed before centre lines could be redrawn: analyse the case again',
    );
  const raster = rasterOf(picture, recipe);
  const line = [...axis];
  const axisLength = polylineLength(line);
  return profileMeasuredRaster(
    {
      raster,
      axis: line,
      axisLength,
      width: recipe.width,
      geometry: axisGeometry(raster.mask, raster.distance, line, axisLength),
    },
    recipe.samplesPerPixel,
  );
}
