import type { jsPDF } from 'jspdf';
import type { CellKaryogramView } from '../../worker/analysis-api';
import { arrangedKaryogramImage, grayPng } from './arranged-karyogram-image';
import { pdfText } from './pdf-frame';

/** The box the image may fill on an A4 page, mm: the margins, and room above for the title. */
const LEFT = 10;
const TOP = 30;
const MAX_WIDTH = 190;
const MAX_HEIGHT = 245;

/** A report page's title for a cell's arranged karyogram. */
export function arrangedKaryogramTitle(view: CellKaryogramView): string {
  const assigned = view.typesAssigned;
  return `Arranged karyogram \u2014 cell ${view.cell}${assigned ? ` (types assigned by ${assigned.classifier})` : ''}`;
}

/**
 * Draws a cell's arranged karyogram on the PDF's current page: its title, a line on how to read it, and
 * the image the panel exports as PNG, as large as the page allows without changing its proportions.
 */
export function drawArrangedKaryogram(pdf: jsPDF, view: CellKaryogramView, caseName: string): void {
  pdf.setFontSize(14);
  pdf.text(pdfText(arrangedKaryogramTitle(view)), LEFT, 16, { maxWidth: MAX_WIDTH });
  pdf.setFontSize(9);
  const sex = view.typesAssigned ? `; sex complement read as ${view.typesAssigned.sex}` : '';
  pdf.text(
    pdfText(
      `${String(view.chromosomes.length)} chromosomes from ${view.source}, upright and p-arm up at one scale${sex}. A dashed frame marks a chromosome whose type or cut-out is in doubt.`,
    ),
    LEFT,
    23,
    { maxWidth: MAX_WIDTH },
  );
  const { image } = arrangedKaryogramImage(view, caseName);
  const mmPerPixel = Math.min(MAX_WIDTH / image.width, MAX_HEIGHT / image.height);
  pdf.addImage(grayPng(image), 'PNG', LEFT, TOP, image.width * mmPerPixel, image.height * mmPerPixel);
}
