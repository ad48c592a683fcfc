import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Page object for the models screen: model list, import/export, and fine-tuning. */
export class ModelsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Models and fine-tuning…' }).click();
    await expect(this.page.getByRole('heading', { name: 'Models and fine-tuning' })).toBeVisible();
  }

  async backToCase(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to the case' }).click();
  }

  row(id: string): Locator {
    return this.page.locator(`[data-testid="model-row"][data-model="${id}"]`);
  }

  get notice(): Locator {
    return this.page.getByTestId('models-notice');
  }

  async use(id: string): Promise<void> {
    await this.row(id).getByRole('button', { name: 'Use' }).click();
    await expect(this.page.getByTestId('model-id')).toHaveText(id, { timeout: 60_000 });
  }

  async exportFile(id: string): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.row(id).getByRole('button', { name: 'Export' }).click();
    return downloading;
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.page
      .getByTestId('import-model')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Ticks exactly the cases whose names are given. */
  async pickCases(names: readonly string[]): Promise<void> {
    const items = this.page.getByTestId('finetune-case');
    for (const item of await items.all()) {
      const name = await item.locator('.case-name').innerText();
      await item.getByRole('checkbox').setChecked(names.some((n) => name.includes(n)));
    }
  }

  async setSettings(values: Readonly<Record<string, number>>): Promise<void> {
    await this.page.getByText('Settings (the command line').click();
    for (const [label, value] of Object.entries(values)) {
      await this.page.getByLabel(label).fill(String(value));
    }
  }

  get result(): Locator {
    return this.page.getByTestId('finetune-result');
  }

  async figure(row: 'before' | 'after', column: 'auc' | 'f1' | 'threshold'): Promise<number> {
    return Number(await this.result.getByTestId(`figures-${row}`).getByTestId(column).innerText());
  }
}
