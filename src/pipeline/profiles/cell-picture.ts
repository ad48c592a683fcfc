import { openImage } from '../../imaging/decode/decode-image';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { fitAnalysisBudget } from '../../imaging/profile/analysis-budget';
import type { GrayImage } from '../../shared/gray-image';
import type { ProfiledCaseCell } from './profiled-case';

/** Most pixels of a cell's picture as shown beside its arranged karyogram (about 900 × 900). */
export const CELL_PICTURE_PIXELS = 810_000;

/** A cell's image as analysed, reduced for the screen: `scale` picture pixels per analysed pixel (≤ 1). */
export interface CellPicture {
  readonly image: GrayImage;
  readonly scale: number;
}

/**
 * The image a cell was read from, made again as the analysis made it (the page decoded, reduced to the
 * analysis budget, dark on light), so that its chromosomes' boxes (analysed pixels) fall on it, then
 * reduced to at most CELL_PICTURE_PIXELS for the screen. Null for a cell read from crops (no one image)
 * or whose file is not among `files`.
 *
 * @throws ImageInputError when the file no longer decodes
 */
export function cellPicture(
  files: readonly { readonly path: string; readonly bytes: Uint8Array }[],
  cell: Pick<ProfiledCaseCell, 'id' | 'source'>,
): CellPicture | null {
  const file = files.find((f) => f.path === cell.source);
  if (file === undefined) return null;
  // A page of a multi-page TIFF is the cell `<id>#<page>` (profile-case-files).
  const page = Number(/#(\d+)$/.exec(cell.id)?.[1] ?? '1') - 1;
  const opened = openImage(file.path, file.bytes);
  if (page < 0 || page >= opened.pageCount) return null;
  const analysed = normalisePolarity(fitAnalysisBudget(opened.decodePage(page).image).image).image;
  const shown = fitAnalysisBudget(analysed, CELL_PICTURE_PIXELS);
  return { image: shown.image, scale: 1 / shown.reduction };
}
