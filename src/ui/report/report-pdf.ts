import { jsPDF } from 'jspdf';
import { analysisWorker } from '../../state/engine-actions';
import type { CaseRecord } from '../../state/review-types';
import { flaggedTypes, latestDecisions } from '../../state/review-types';
import { VERDICT_TEXT, verdictKind } from '../common/verdict';
import { heatmapImage, pairImage } from './pdf-images';

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
  y += 9;
  const latest = latestDecisions(record);
  pdf.setFontSize(10);
  pdf.text('Type  Score  Verdict                 Region                Decision', 10, y);
  y += 5;
  for (const t of summary.types) {
    const decision = latest.get(t.type);
    pdf.text(
      [
        t.type.padEnd(5),
        (t.score === null ? '-' : t.score.toFixed(2)).padEnd(6),
        VERDICT_TEXT[verdictKind(t)].padEnd(23),
        (t.region?.bands ?? '').padEnd(21),
        decision ? `${decision.decision} (${decision.reviewer})` : '',
      ].join(' '),
      10,
      y,
    );
    y += 4.6;
  }
  footer();
  const detailed = summary.types
    .map((t) => t.type)
    .filter((type) => flaggedTypes(summary).includes(type) || latest.has(type));
  for (const type of summary.hasImages ? detailed : []) {
    pdf.addPage();
    const view = await analysisWorker().api.typeView(record.id, type);
    const verdict = view.verdict;
    pdf.setFontSize(14);
    pdf.text(`Chromosome ${type}: ${VERDICT_TEXT[verdictKind(verdict)]}`, 10, 16);
    pdf.setFontSize(9);
    pdf.text(
      `Score ${verdict?.score?.toFixed(2) ?? '-'} (threshold ${view.threshold.toFixed(2)}); region ${verdict?.region?.bands ?? '-'}`,
      10,
      22,
    );
    const maxSamples = Math.max(1, ...view.cells.flatMap((c) => c.chromosomes.map((ch) => ch.samples)));
    let x = 10;
    for (const cell of view.cells) {
      const image = pairImage(cell, 120 / maxSamples);
      const w = (image.width / 120) * 40;
      if (x + w > 200) break;
      pdf.addImage(image.url, 'PNG', x, 28, w, (image.height / 120) * 40);
      pdf.text(`${cell.cell} α ${cell.pair?.alpha.toFixed(2) ?? '-'}`, x, 74);
      x += w + 6;
    }
    const strongest = [...view.cells].sort((a, b) => (b.pair?.alpha ?? 0) - (a.pair?.alpha ?? 0))[0];
    const matrix = strongest?.pair?.attention.at(-1)?.[0]?.oneToTwo;
    if (matrix) {
      pdf.text(
        `Attention of ${strongest.cell}, last layer, head 1, homolog 1 → 2 (rows: regions of homolog 1, p-ter first)`,
        10,
        84,
      );
      pdf.addImage(heatmapImage(matrix), 'PNG', 10, 88, 60, 60);
    }
    let ty = 158;
    pdf.text('Audit trail:', 10, ty);
    for (const d of record.decisions.filter((entry) => entry.type === type)) {
      ty += 5;
      pdf.text(
        `${d.at} ${d.decision} by ${d.reviewer} (model ${d.modelId})${d.note ? `: ${d.note}` : ''}`,
        12,
        ty,
        { maxWidth: 185 },
      );
    }
    footer();
  }
  return pdf.output('blob');
}
