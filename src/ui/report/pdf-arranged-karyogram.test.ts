import { jsPDF } from 'jspdf';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import type { CellKaryogramView } from '../../worker/analysis-api';
import { drawArrangedKaryogram } from './pdf-arranged-karyogram';

const view: CellKaryogramView = {
  caseId: 'c1',
  cell: 'spread',
  source: 'spread.png',
  typesAssigned: { classifier: 'type-classifier-0123456789ab', sex: 'XX' },
  chromosomes: (['1', '2', 'X'] as const).map((type) => ({
    type,
    homolog: 0,
    image: createGrayImage(10, 80, 40),
    profile: new Float32Array(1024),
    samples: 80,
    confidence: 0.8,
    centreLineEditable: false,
    splittable: false,
    joinable: false,
  })),
};

describe('arranged karyogram page of the PDF report', () => {
  it('titles the page with the cell and the classifier and draws the karyogram image on it', async () => {
    const pdf = new jsPDF({ unit: 'mm', format: 'a4' });
    drawArrangedKaryogram(pdf, view, 'Case A');
    const bytes = new Uint8Array(pdf.output('arraybuffer'));
    const document = await getDocument({ data: bytes }).promise;
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    expect(text).toContain(
      'Arranged karyogram \u2014 cell spread (types assigned by type-classifier-0123456789ab)',
    );
    expect(text).toContain('sex complement read as XX');
    const operators = await page.getOperatorList();
    expect(operators.fnArray).toContain(OPS.paintImageXObject);
    await document.destroy();
  });
});
