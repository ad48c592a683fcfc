import type { jsPDF } from 'jspdf';
import { numericalFindings } from '../../karyotype/numerical-findings';
import type { CaseRecord } from '../../state/review-types';
import { latestDecisions, refusalReason } from '../../state/review-types';
import { verdictText } from '../common/verdict';
import { pdfText } from './pdf-frame';
import { caseSummaryLines } from './report-summary';
import { reportTime } from './report-time';

/** Lowest y (mm) text may reach before the footer. */
export const PAGE_BOTTOM = 280;

/**
 * The report's first pages: the case's facts, the case summary as a framed block (cells, counts,
 * numerical findings, mosaicism, structural flags, unreliable types), then one row per type with its
 * copies beside the structural verdict. A refused input lists its files and why each was refused instead
 * of an empty table.
 */
export function drawOverview(pdf: jsPDF, record: CaseRecord, madeAt: Date): void {
  const { summary } = record;
  let y = 16;
  const lines = (text: string, x: number, width: number, step = 4.2): void => {
    const split = pdf.splitTextToSize(pdfText(text), width) as string[];
    if (y + step * split.length > PAGE_BOTTOM) {
      pdf.addPage();
      y = 16;
    }
    pdf.text(split, x, y);
    y += step * split.length;
  };
  pdf.setFontSize(16);
  pdf.text(pdfText(`HomNet Review report: ${summary.name}`), 10, y);
  y += 7;
  pdf.setFontSize(9);
  lines(
    `Model ${summary.model.id} (threshold ${summary.model.threshold.toFixed(2)}), backend ${summary.backend}; analysed ${reportTime(summary.analysedAt)}; report made ${reportTime(madeAt.toISOString())}`,
    10,
    190,
  );
  if (summary.cells.length > 0) {
    lines(
      `Cells: ${summary.cells.map((c) => `${c.id} (${String(c.bandLevel)} bands${c.excluded ? ', excluded' : ''})`).join(', ')}`,
      10,
      190,
    );
  }
  y += 4;
  // The summary block: a framed box a reader sees first.
  const boxTop = y;
  y += 6;
  pdf.setFontSize(11);
  pdf.text('Case summary', 12, y);
  y += 6;
  pdf.setFontSize(9);
  for (const line of caseSummaryLines(summary)) {
    // The label first, so that a reader of the text (pdf.js, a screen reader) meets it before its text.
    pdf.setFont('helvetica', 'bold');
    pdf.text(line.label, 12, y);
    pdf.setFont('helvetica', 'normal');
    lines(line.text, 52, 145);
    y += 0.8;
  }
  pdf.rect(10, boxTop, 190, y - boxTop);
  y += 8;
  if (refusalReason(summary) !== null) {
    lines('Files refused:', 10, 190);
    for (const error of summary.errors) lines(`${error.file}: ${error.message}`, 12, 188);
    return;
  }
  drawTypeTable(pdf, record, y);
}

/** Column starts (mm); the standard fonts are proportional, so columns are placed, never padded. */
const COLUMNS = [10, 20, 46, 58, 100, 136] as const;

function drawTypeTable(pdf: jsPDF, record: CaseRecord, top: number): void {
  const { summary } = record;
  const latest = latestDecisions(record);
  const numerical = numericalFindings(summary.types);
  let y = top;
  pdf.setFontSize(10);
  const row = (cells: readonly string[]): void => {
    const split = cells.map(
      (text, i) =>
        pdf.splitTextToSize(pdfText(text), (COLUMNS[i + 1] ?? 200) - (COLUMNS[i] ?? 10) - 2) as string[],
    );
    const height = 4.6 * Math.max(1, ...split.map((s) => s.length));
    if (y + height > PAGE_BOTTOM) {
      pdf.addPage();
      y = 16;
    }
    split.forEach((text, i) => {
      pdf.text(text, COLUMNS[i] ?? 10, y);
    });
    y += height;
  };
  row(['Type', 'Copies', 'Score', 'Structural verdict', 'Suspected region', 'Decision']);
  for (const t of summary.types) {
    const decision = latest.get(t.type);
    const findings = numerical.filter((f) => f.types.includes(t.type)).map((f) => f.label);
    row([
      t.type,
      `${t.copies.join('/')}${findings.length > 0 ? ` ${findings.join(' ')}` : ''}`,
      t.score === null ? '-' : t.score.toFixed(2),
      verdictText(t),
      // A region is where a flagged type's pairs differ most; an unflagged type has none to suspect.
      t.abnormal === true ? (t.region?.bands ?? '') : '',
      decision ? `${decision.decision} (${decision.reviewer})` : '',
    ]);
  }
}
