import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader of the exported PDF sees: its pages' text, read back by pdf.js (Firefox's PDF viewer). */
export interface PdfText {
  readonly pages: readonly string[];
}

/** The Node canvas pdf.js renders into (@napi-rs/canvas, which pdfjs-dist brings along). */
interface NodeCanvasFactory {
  create(
    width: number,
    height: number,
  ): { canvas: { toBuffer(mime: 'image/png'): Uint8Array }; context: CanvasRenderingContext2D };
}

const fontsDir = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/**
 * Opens a PDF as a viewer would (a file that only looks like a PDF fails here) and returns each page's
 * text in reading order. With `renderTo`, also writes every page as a PNG for a person to look at.
 */
export async function readPdf(bytes: Uint8Array, renderTo?: string): Promise<PdfText> {
  const document = await getDocument({ data: bytes, standardFontDataUrl: fontsDir }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    if (renderTo !== undefined) {
      const viewport = page.getViewport({ scale: 1.5 });
      const factory = (document as unknown as { canvasFactory: NodeCanvasFactory }).canvasFactory;
      const { canvas, context } = factory.create(viewport.width, viewport.height);
      await page.render({ canvasContext: context, viewport, canvas: null }).promise;
      mkdirSync(renderTo, { recursive: true });
      writeFileSync(join(renderTo, `report-page-${String(n)}.png`), canvas.toBuffer('image/png'));
    }
  }
  await document.destroy();
  return { pages };
}
