import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { FilePayload } from './synthetic-files';

/** The name ReviewPage.decide signs with when the test typed none (a decision needs one). */
export const DEFAULT_REVIEWER = 'Dr Playwright';

/** Page object for the review screen: worklist, overview, pair view and decisions. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  typeCard(type: string): Locator {
    return this.page.getByTestId(`type-card-${type}`);
  }

  get pairView(): Locator {
    return this.page.getByTestId('pair-view');
  }

  get heatmap(): Locator {
    return this.page.getByTestId('heatmap');
  }

  /** Waits until a case is open and its overview shows verdicts. */
  async waitForVerdicts(timeout = 120_000): Promise<void> {
    await expect(
      this.page.locator('.type-card[data-verdict="abnormal"], .type-card[data-verdict="normal"]').first(),
    ).toBeVisible({ timeout });
  }

  /** Loads files as a new case through "Open files", waits for it to open as `title` and show verdicts. */
  async loadCase(files: FilePayload[], title: string): Promise<void> {
    await this.page.getByTestId('file-input').setInputFiles(files);
    await expect(this.page.locator('#case-title')).toHaveText(title, { timeout: 120_000 });
    await this.waitForVerdicts();
  }

  async flaggedTypes(): Promise<string[]> {
    const cards = this.page.locator('.type-card[data-verdict="abnormal"] .type-name');
    return cards.allInnerTexts();
  }

  async selectType(type: string): Promise<void> {
    await this.typeCard(type).click();
    await expect(
      this.pairView.getByRole('heading', { name: `Chromosome ${type}`, exact: true }),
    ).toBeVisible();
  }

  /** Starts analysing a synthetic teaching case; returns the job's progress panel. */
  async startTeachingCase(karyotype: string, cells: number): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Teaching mode…' }).click();
    await this.page.getByLabel('Karyotype').fill(karyotype);
    await this.page.getByLabel('Cells').fill(String(cells));
    await this.page.getByRole('button', { name: 'Generate and analyse' }).click();
    return this.page.getByTestId('job-progress');
  }

  /** Decides on the selected type with a note, signed as `DEFAULT_REVIEWER` unless a name is typed. */
  async decide(decision: 'abnormal' | 'normal' | 'unsure', note: string): Promise<void> {
    const reviewer = this.page.getByLabel('Reviewer');
    if ((await reviewer.inputValue()) === '') await reviewer.fill(DEFAULT_REVIEWER);
    await this.pairView.getByLabel('Note').fill(note);
    await this.pairView
      .getByRole('group', { name: 'Decision' })
      .getByRole('button', { name: decision, exact: true })
      .click();
  }
}
