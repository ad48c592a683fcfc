import { jsPDF } from 'jspdf';
import { analysisWorker } from '../../state/engine-actions';
import type { CaseRecord } from '../../state/review-types';
import { flaggedTypes, latestDecisions, typeTrail } from '../../state/review-types';
import { verdictText } from '../common/verdict';
import { pairCues } from '../pair/pair-cues';
import { drawnCentreLineNotes, straighteningNotes } from '../pair/straightening-notes';
import { framePages, pdfText } from './pdf-frame';
import { drawHeatmap, HEATMAP_BLOCK } from './pdf-heatmap';
import { drawArrangedKaryogram } from './pdf-arranged-karyogram';
import { pairImage } from './pdf-images';
import { drawOverview, PAGE_BOTTOM } from './report-overview';
import { reportTime } from './report-time';

/**
 * A PDF report of a case: the case summary and every type's verdict and decision, the arranged karyogram
 * of each cell whose types a classifier assigned, then for each flagged, decided or corrected type the
 * pairs, the strongest pair's attention heatmap and the audit trail. Every page names the case, the
 * reviewer (who exports it, else who decided) and the model, and says page N of M.
 */
export async function pdfReport(record: CaseRecord, reviewer: string, madeAt = new Date()): Promise<Blob> {
  const { summary } = record;
  const pdf = new jsPDF({ unit: 'mm', format: 'a4' });
  drawOverview(pdf, record, madeAt);
  // A metaphase a classifier arranged: its karyogram, so that a reader can check the types it assigned.
  for (const cell of summary.hasImages ? summary.cells.filter((c) => c.typesAssigned !== undefined) : []) {
    pdf.addPage();
    const view = await analysisWorker().call((api) => api.cellKaryogram(record.id, cell.id));
    drawArrangedKaryogram(pdf, view, summary.name);
  }
  const latest = latestDecisions(record);
  const detailed = summary.types
    .map((t) => t.type)
    .filter(
      (type) =>
        flaggedTypes(summary).includes(type) || latest.has(type) || typeTrail(record, type).length > 0,
    );
  for (const type of summary.hasImages ? detailed : []) {
    pdf.addPage();
    const view = await analysisWorker().call((api) => api.typeView(record.id, type));
    const verdict = view.verdict;
    pdf.setFontSize(14);
    pdf.text(`Chromosome ${type}: ${verdictText(verdict)}`, 10, 16);
    pdf.setFontSize(9);
    const region =
      verdict?.abnormal === true
        ? `suspected region ${verdict.region?.bands ?? '-'}`
        : 'not flagged, no suspected region';
    pdf.text(
      pdfText(
        `Score ${verdict?.score?.toFixed(2) ?? '-'} (threshold ${view.threshold.toFixed(2)}); ${region}`,
      ),
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
      if (y2 + mm <= PAGE_BOTTOM) return;
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
        ...drawnCentreLineNotes(cell),
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
    const [one, two] = strongest?.chromosomes ?? [];
    if (matrix && one && two) {
      ensureRoom(HEATMAP_BLOCK + 10);
      pdf.text(
        `Chromosome ${type}, attention of ${strongest.cell} (largest bag weight), last layer, head 1, homolog 1 to homolog 2; ticks name the bands a region covers at the case's band level (${String(view.caseBandLevel)}), as on a normal chromosome`,
        10,
        y2,
        { maxWidth: 190 },
      );
      drawHeatmap(
        pdf,
        {
          matrix,
          type,
          level: view.caseBandLevel,
          regionSamples: view.regionSamples,
          rowSamples: one.samples,
          columnSamples: two.samples,
        },
        y2 + 10,
      );
      y2 += HEATMAP_BLOCK + 10;
      pdf.setFontSize(9);
    }
    const trail = typeTrail(record, type);
    ensureRoom(5);
    pdf.text(trail.length > 0 ? 'Audit trail:' : 'Audit trail: no decision or correction yet.', 10, y2);
    for (const { kind, entry } of trail) {
      y2 += 5;
      ensureRoom(0);
      const line =
        kind === 'decision'
          ? `${reportTime(entry.at)} ${entry.decision} by ${entry.reviewer} (model ${entry.modelId})${entry.note ? `: ${entry.note}` : ''}`
          : `${reportTime(entry.at)} correction: ${entry.text}, ${entry.reviewer !== '' ? `by ${entry.reviewer}` : 'unsigned'} (model ${entry.modelId})`;
      pdf.text(pdfText(line), 12, y2, { maxWidth: 185 });
    }
  }
  const named = reviewer.trim();
  const deciders = [...new Set(record.decisions.map((d) => d.reviewer))].join(', ');
  framePages(pdf, {
    caseName: summary.name,
    reviewer: named !== '' ? named : deciders !== '' ? deciders : 'not named',
    modelId: summary.model.id,
  });
  return pdf.output('blob');
}
