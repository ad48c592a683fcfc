import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { isFrozen } from '../src/model/train/freeze';
import { parameterSpecs } from '../src/model/parameters';
import { MODEL_FILE_FORMAT } from '../src/model/weights/model-file';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { ModelsPage } from './support/models-page';
import { ReviewPage } from './support/review-page';
import { syntheticCropZip } from './support/synthetic-files';

/** Scores per type of the open case, as the overview shows them. */
async function caseScores(app: ReviewPage): Promise<Record<string, string>> {
  const cards = await app.page
    .locator('.type-card')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-type') ?? '', el.getAttribute('data-score') ?? ''] as const),
    );
  return Object.fromEntries(cards);
}

/** The file's weights as bytes per tensor name. */
function tensorsOf(file: {
  manifest: { tensors: { name: string; byteOffset: number; byteLength: number }[] };
  weights: string;
}) {
  const bytes = Buffer.from(file.weights, 'base64');
  return new Map(
    file.manifest.tensors.map((t) => [t.name, bytes.subarray(t.byteOffset, t.byteOffset + t.byteLength)]),
  );
}

test('a lab fine-tunes the model on its cases on WebGPU, compares, adopts, and shares the model file', async ({
  page,
}) => {
  // SwiftShader runs WebGPU on the CPU: the set is tiny (2 cases, 4 steps of 4 bags) but the training is real.
  test.setTimeout(900_000);
  const shipped = await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=webgpu');
  await app.waitForVerdicts();
  await expect(page.getByTestId('backend-name')).toContainText('webgpu');
  // The reviewer confirms the demo's deletion of 5p: a reviewed abnormal type for fine-tuning.
  await app.selectType('5');
  await app.decide('abnormal', 'del(5p) confirmed');

  // A second case of the lab, as a crop bundle; half the cases are fine-tuned on so that each side has one.
  await page.getByTestId('file-input').setInputFiles([syntheticCropZip('lab-a', '46,XX', 2, 101)]);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 180_000 });
  await expect(page.getByTestId('job-progress')).toHaveCount(0, { timeout: 180_000 });

  const models = new ModelsPage(page);
  await models.open();
  await expect(models.row(APP_MODEL_ID)).toContainText('(in use)');
  await expect(page.getByTestId('finetune-case')).toHaveCount(2);
  await expect(page.getByTestId('finetune-case').filter({ hasText: 'del(5)' })).toContainText(
    'reviewed abnormal: 5',
  );
  await models.pickCases(['del(5)', 'lab-a']);
  await models.setSettings({
    'Cases fine-tuned on (%)': 50,
    'Steps (at most)': 4,
    'Bags per step': 4,
    'Held-back bags scored': 16,
    'Early-stopping bags': 12,
  });
  const started = Date.now();
  await page.getByRole('button', { name: 'Start fine-tuning' }).click();
  await expect(page.getByTestId('finetune-eta')).toContainText(/of training left/, { timeout: 300_000 });
  await expect(models.result.or(page.getByTestId('finetune-error'))).toBeVisible({ timeout: 600_000 });
  await expect(page.getByTestId('finetune-error')).toHaveCount(0);
  test.info().annotations.push({
    type: 'fine-tune seconds (webgpu)',
    description: String((Date.now() - started) / 1000),
  });

  const candidate = await models.result.getByTestId('candidate-id').innerText();
  expect(candidate).toMatch(/^homnet-[0-9a-f]{12}$/);
  const figures = {
    beforeAuc: await models.figure('before', 'auc'),
    afterAuc: await models.figure('after', 'auc'),
    beforeF1: await models.figure('before', 'f1'),
    afterF1: await models.figure('after', 'f1'),
    threshold: await models.figure('after', 'threshold'),
  };
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  for (const value of Object.values(figures)) {
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(1);
  }
  expect(await models.figure('before', 'threshold')).toBeCloseTo(shipped.manifest.threshold, 3);
  await expect(page.getByTestId('roc-chart').locator('path.roc-curve')).toHaveCount(2);
  await expect(page.getByTestId('roc-chart')).toHaveAttribute(
    'aria-label',
    new RegExp(`fine-tuned \\(${candidate}\\)`),
  );
  // Nothing switched while the lab looked at the figures.
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);

  await page.getByRole('button', { name: `Adopt and use ${candidate}` }).click();
  await expect(page.getByTestId('model-id')).toHaveText(candidate, { timeout: 60_000 });
  await expect(models.row(candidate)).toContainText('(in use)');
  await expect(models.row(candidate)).toContainText(`fine-tuned from ${APP_MODEL_ID} on 1 cases`);

  // Results say which model made them: the open case was made by the parent until analysed again.
  await models.backToCase();
  await expect(page.getByTestId('case-model')).toHaveText(APP_MODEL_ID);
  await page.getByRole('button', { name: `Re-analyse with ${candidate}` }).click();
  await expect(page.getByTestId('case-model')).toHaveText(candidate, { timeout: 60_000 });
  const tunedScores = await caseScores(app);

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('model-id')).toHaveText(candidate, { timeout: 120_000 });

  // Export: one file, manifest + weights; the frozen blocks are the parent's bit for bit, the rest moved.
  await models.open();
  const download = await models.exportFile(candidate);
  const text = readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text) as {
    format: string;
    manifest: {
      id: string;
      parentId: string;
      tensors: { name: string; byteOffset: number; byteLength: number }[];
      training: { cases: { tuning: number; heldBack: number }; labelledTypes: { abnormal: number } };
    };
    weights: string;
  };
  expect(file.format).toBe(MODEL_FILE_FORMAT);
  expect(file.manifest.id).toBe(candidate);
  expect(file.manifest.parentId).toBe(APP_MODEL_ID);
  expect(file.manifest.training.cases).toEqual({ tuning: 1, heldBack: 1 });
  expect(text).not.toContain('lab-a');
  const tuned = tensorsOf(file);
  const parentBytes = Buffer.from(shipped.weightData);
  let moved = 0;
  for (const spec of parameterSpecs(shipped.manifest.architecture)) {
    const entry = shipped.manifest.tensors.find((t) => t.name === spec.name);
    const before = parentBytes.subarray(
      entry?.byteOffset ?? 0,
      (entry?.byteOffset ?? 0) + (entry?.byteLength ?? 0),
    );
    const same = Buffer.compare(before, tuned.get(spec.name) ?? Buffer.alloc(0)) === 0;
    if (isFrozen(spec, 'fine-tune')) expect(same, spec.name).toBe(true);
    else if (!same) moved++;
  }
  expect(moved).toBeGreaterThan(5);

  // A damaged copy is refused with a clear message.
  const damaged = JSON.parse(text) as { weights: string };
  const bytes = Buffer.from(damaged.weights, 'base64');
  bytes[123] = (bytes[123] ?? 0) ^ 0x10;
  await models.importFile(
    'damaged.homnet.json',
    JSON.stringify({ ...file, weights: bytes.toString('base64') }),
  );
  await expect(models.notice).toContainText('damaged.homnet.json was refused');
  await expect(models.notice).toContainText('checksum mismatch');

  // Back to the shipped model: the case is analysed again and says so.
  await models.use(APP_MODEL_ID);
  await models.backToCase();
  await page.getByRole('button', { name: `Re-analyse with ${APP_MODEL_ID}` }).click();
  await expect(page.getByTestId('case-model')).toHaveText(APP_MODEL_ID, { timeout: 60_000 });
  expect(await caseScores(app)).not.toEqual(tunedScores);

  // Another workstation's copy: delete ours, import the file, use it; the case scores exactly as before.
  await models.open();
  await models
    .row(candidate)
    .getByRole('button', { name: `delete ${candidate}` })
    .click();
  await expect(models.row(candidate)).toHaveCount(0);
  await models.importFile(download.suggestedFilename(), text);
  // Nothing is stored before the lab has seen what the file claims.
  const review = page.getByTestId('import-review');
  await expect(review.getByTestId('claim-parent')).toHaveText(APP_MODEL_ID);
  await review.getByRole('button', { name: `Import ${candidate}` }).click();
  await expect(models.notice).toContainText(`Imported ${candidate}`);
  await models.use(candidate);
  await models.backToCase();
  await page.getByRole('button', { name: `Re-analyse with ${candidate}` }).click();
  await expect(page.getByTestId('case-model')).toHaveText(candidate, { timeout: 60_000 });
  expect(await caseScores(app)).toEqual(tunedScores);
});
