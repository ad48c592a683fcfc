import { jsPDF } from 'jspdf';
import { fewCellsText } from '../../pipeline/verdict/few-cells';
import { analysisWorker } from '../../state/engine-actions';
import type { CaseRecord } from '../../state/review-types';
import { flaggedTypes, latestDecisions } from '../../state/review-types';
import { scoredCellCount } from '../case/scored-cells';
import { findingText, numericalFindings } from '../../karyotype/numerical-findings';
import { verdictText } from '../common/verdict';
import { pairCues } from '../pair/pair-cues';
import { straighteningNotes } from '../pair/straightening-notes';
import { heatmapImage, heatmapLegendImage, pairImage } from './pdf-images';

const DISCLAIMER =
  'Research and teaching tool, not a diagnostic device. Every finding must be confirmed by a qualified cytogeneticist.';

/**
 * A PDF report of a case: facts, every type's verdict and decision, and for each flagged or decided type
 * the pairs, the strongest pair's attention heatmap and the audit trail; the disclaimer on every page.
 */
export async function pdfReport(record: CaseRecord): Promise<Blob> {
  const { summary } = record;
  const pdf = new jsPDF({ unit: 'mm', format: 'a4' });
  const footer = (): void => {
    pdf.setFontSize(8);
    pdf.text(DISCLAIMER, 10, 290, { maxWidth: 190 });
  };
  let y = 16;
  pdf.setFontSize(16);
  pdf.text(`HomNet Review report: ${summary.name}`, 10, y);
  pdf.setFontSize(9);
  y += 7;
  pdf.text(
    `Model ${summary.model.id} (threshold ${summary.model.threshold.toFixed(2)}), backend ${summary.backend}, analysed ${summary.analysedAt}`,
    10,
    y,
  );
  y += 5;
  pdf.text(
    `Cells: ${summary.cells.map((c) => `${c.id} (${c.bandLevel} bands${c.excluded ? ', excluded' : ''})`).join(', ')}`,
    10,
    y,
    { maxWidth: 190 },
  );
  const numerical = numericalFindings(summary.types);
  y += 5;
  // The standard PDF fonts have no minus sign (U+2212): an ASCII hyphen stands in for it.
  pdf.text(
    `Numerical findings (copies per cell): ${numerical.length > 0 ? numerical.map(findingText).join(', ').replaceAll('\u2212', '-') : 'none'}`,
    10,
    y,
    { maxWidth: 190 },
  );
  const fewCells = fewCellsText(scoredCellCount(summary));
  if (fewCells) {
    y += 5;
    const lines = pdf.splitTextToSize(`Few cells: ${fewCells}.`, 190) as string[];
    pdf.text(lines, 10, y);
    y += 4 * (lines.length - 1);
  }
  y += 9;
  const latest = latestDecisions(record);
  pdf.setFontSize(10);
  // The standard PDF fonts are proportional: each column starts at its own x (mm), never by padding.
  const columns = [10, 20, 38, 52, 104, 136] as const;
  const row = (cells: readonly string[]): void => {
    cells.forEach((text, i) => {
      pdf.text(text, columns[i] ?? 10, y, { maxWidth: (columns[i + 1] ?? 200) - (columns[i] ?? 10) - 2 });
    });
    y += 4.6;
  };
  row(['Type', 'Copies', 'Score', 'Verdict', 'Region', 'Decision']);
  for (const t of summary.types) {
    const decision = latest.get(t.type);
    row([
      t.type,
      t.copies.join('/'),
      t.score === null ? '-' : t.score.toFixed(2),
      verdictText(t),
      t.region?.bands ?? '',
      decision ? `${decision.decision} (${decision.reviewer})` : '',
    ]);
  }
  footer();
  const detailed = summary.types
    .map((t) => t.type)
    .filter((type) => flaggedTypes(summary).includes(type) || latest.has(type));
  for (const type of summary.hasImages ? detailed : []) {
    pdf.addPage();
    const view = await analysisWorker().call((api) => api.typeView(record.id, type));
    const verdict = view.verdict;
    pdf.setFontSize(14);
    pdf.text(`Chromosome ${type}: ${verdictText(verdict)}`, 10, 16);
    pdf.setFontSize(9);
    pdf.text(
      `Score ${verdict?.score?.toFixed(2) ?? '-'} (threshold ${view.threshold.toFixed(2)}); region ${verdict?.region?.bands ?? '-'}`,
      10,
      22,
    );
    const maxSamples = Math.max(1, ...view.cells.flatMap((c) => c.chromosomes.map((ch) => ch.samples)));
    // Every cell's pair, wrapping onto further rows (mm) rather than leaving cells out.
    const rowHeight = 52;
    let x = 10;
    let top = 28;
    for (const cell of view.cells) {
      const image = pairImage(cell, 120 / maxSamples);
      const w = Math.min(190, (image.width / 120) * 40);
      if (x > 10 && x + w > 200) {
        x = 10;
        top += rowHeight;
      }
      pdf.addImage(image.url, 'PNG', x, top, w, (image.height / 120) * 40);
      // The standard fonts have no Greek: the bag weight α_i is spelt out.
      pdf.text(`${cell.cell}, weight ${cell.pair?.alpha.toFixed(2) ?? '-'}`, x, top + 46);
      x += w + 6;
    }
    let y2 = top + rowHeight + 4;
    /** Starts a new page when fewer than `mm` millimetres are left above the footer. */
    const ensureRoom = (mm: number): void => {
      if (y2 + mm <= 282) return;
      footer();
      pdf.addPage();
      y2 = 16;
    };
    // The pair measures the review screen shows, in the same words (graded against normal pairs).
    pdf.text('Pair measures (unusual / rare: beyond 90 % / 99 % of normal training pairs):', 10, y2);
    for (const cell of view.cells) {
      const [first, second] = cell.chromosomes;
      if (!first || !second) continue;
      y2 += 4.5;
      ensureRoom(4.5);
      const cues = [
        ...straighteningNotes(cell).map((note) => note.text),
        ...pairCues(first.profile, second.profile).map((cue) =>
          cue.level === 'typical' ? cue.text : `${cue.text} (${cue.level})`,
        ),
      ];
      // A line with every measure flagged runs past the margin: wrapped, and the next cell moved down.
      const lines = pdf.splitTextToSize(`${cell.cell}: ${cues.join('; ')}`, 185) as string[];
      pdf.text(lines, 12, y2);
      y2 += 4 * (lines.length - 1);
    }
    y2 += 8;
    const strongest = [...view.cells].sort((a, b) => (b.pair?.alpha ?? 0) - (a.pair?.alpha ?? 0))[0];
    const matrix = strongest?.pair?.attention.at(-1)?.[0]?.oneToTwo;
    if (matrix) {
      ensureRoom(76);
      pdf.text(
        `Attention of ${strongest.cell} (largest bag weight), last layer, head 1, homolog 1 to 2 (rows: regions of homolog 1, columns: of homolog 2, p-ter first)`,
        10,
        y2,
        { maxWidth: 190 },
      );
      // Below the title's second line.
      pdf.addImage(heatmapImage(matrix), 'PNG', 10, y2 + 6, 60, 60);
      pdf.addImage(heatmapLegendImage(), 'PNG', 75, y2 + 58, 40, 3);
      pdf.text('0', 75, y2 + 65);
      pdf.text('largest attention', 115, y2 + 65, { align: 'right' });
      y2 += 76;
    }
    const trail = record.decisions.filter((entry) => entry.type === type);
    ensureRoom(5);
    pdf.text(trail.length > 0 ? 'Audit trail:' : 'Audit trail: no decision yet.', 10, y2);
    for (const d of trail) {
      y2 += 5;
      ensureRoom(0);
      pdf.text(
        `${d.at} ${d.decision} by ${d.reviewer} (model ${d.modelId})${d.note ? `: ${d.note}` : ''}`,
        12,
        y2,
        { maxWidth: 185 },
      );
    }
    footer();
  }
  return pdf.output('blob');
}
