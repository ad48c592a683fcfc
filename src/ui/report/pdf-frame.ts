import type { jsPDF } from 'jspdf';

const DISCLAIMER =
  'Research and teaching tool, not a diagnostic device. Every finding must be confirmed by a qualified cytogeneticist.';

/** What every page of a report repeats: whose case, who reviewed it, with which model. */
export interface PageFrame {
  readonly caseName: string;
  readonly reviewer: string;
  readonly modelId: string;
}

/**
 * Text in the PDF's standard fonts (WinAnsi): the minus sign U+2212 and the en dash of band ranges are
 * not all drawn by every viewer, so both become hyphens.
 */
export function pdfText(text: string): string {
  return text.replaceAll('\u2212', '-').replaceAll('\u2013', '-');
}

/**
 * Writes the header (case, reviewer, model) and the footer (disclaimer, page N of M) on every page once
 * all pages exist: a page printed or sent alone still says what it belongs to and who signed it.
 */
export function framePages(pdf: jsPDF, frame: PageFrame): void {
  const pages = pdf.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page);
    pdf.setFontSize(8);
    pdf.setTextColor(90);
    pdf.text(
      pdfText(`${frame.caseName}  |  reviewer: ${frame.reviewer}  |  model: ${frame.modelId}`),
      10,
      8,
      { maxWidth: 190 },
    );
    pdf.text(DISCLAIMER, 10, 287, { maxWidth: 160 });
    pdf.text(`page ${String(page)} of ${String(pages)}`, 200, 287, { align: 'right' });
    pdf.setTextColor(0);
  }
}
