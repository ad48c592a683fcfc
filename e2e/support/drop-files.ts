import type { Page } from '@playwright/test';
import type { FilePayload } from './synthetic-files';

/** Drops files on the drop zone the way a browser does: a DataTransfer of Files, in the given order. */
export async function dropFiles(page: Page, files: readonly FilePayload[]): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    mimeType: f.mimeType,
    base64: f.buffer.toString('base64'),
  }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.mimeType }));
    }
    return dt;
  }, payload);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}
