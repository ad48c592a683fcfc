import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { DEFAULT_ARCHITECTURE } from '../src/model/architecture';
import { initialValues } from '../src/model/parameters';
import type { ModelArtifacts } from '../src/model/weights/manifest';
import { packWeights } from '../src/model/weights/manifest';
import { encodeModelFile } from '../src/model/weights/model-file';
import { sha256Hex } from '../src/model/weights/sha256';
import { APP_MODEL_ID, shipTestModel } from './support/app-fixtures';
import { readEntry, storeKeys } from './support/indexeddb';
import { ModelsPage } from './support/models-page';
import { ReviewPage } from './support/review-page';

const LAB_ID = 'homnet-1ab000000001';

/** What an app fine-tuning writes into a model it makes: counts and figures, no case names. */
const TRAINING = {
  fineTunedFrom: APP_MODEL_ID,
  cases: { tuning: 12, heldBack: 4 },
  cells: { tuning: 230, heldBack: 80 },
  labelledTypes: { abnormal: 9, normal: 31 },
  steps: 400,
  bestStep: 320,
  stoppedEarly: true,
  learningRate: 1e-4,
  backend: 'webgpu',
  seconds: 600,
  heldBack: { before: { auc: 0.81, f1: 0.5 }, after: { auc: 0.9, f1: 0.6 } },
};

/** A seeded model as another workstation of the lab would export it. */
async function labModel(id: string, seed: number): Promise<ModelArtifacts> {
  return packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, seed), {
    id,
    parentId: APP_MODEL_ID,
    threshold: 0.61,
    createdAt: '2026-11-30T09:15:00.000Z',
    training: TRAINING,
  });
}

/** The same file with one weight edited and the checksum computed again: intact, but not the lab's model. */
async function edited(artifacts: ModelArtifacts, id = artifacts.manifest.id): Promise<ModelArtifacts> {
  const bytes = new Uint8Array(artifacts.weightData.slice(0));
  bytes[4000] = (bytes[4000] ?? 0) ^ 0x40;
  return {
    manifest: { ...artifacts.manifest, id, sha256: await sha256Hex(bytes) },
    weightData: bytes.buffer,
  };
}

/** The checksum of the weights stored under a key of the model database, or null when there are none. */
async function storedSha(page: Page, key: string): Promise<string | null> {
  const entry = (await readEntry(page, 'models', key, 'homnet-models')) as
    { manifest: { sha256: string } } | undefined;
  return entry?.manifest.sha256 ?? null;
}

const labKeys = async (page: Page): Promise<string[]> =>
  (await storeKeys(page, 'models', 'homnet-models')).filter((key) => key.startsWith('lab/'));

test('a model file never replaces a model without the lab choosing, the shipped id is refused, and every stored model can be deleted', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  const models = new ModelsPage(page);
  await models.open();
  const review = page.getByTestId('import-review');

  // Before anything is stored, the import shows what the file claims and what its checksum does not prove.
  const original = await labModel(LAB_ID, 11);
  await models.importFile('lab.homnet.json', encodeModelFile(original));
  await expect(review).toBeVisible();
  await expect(review).toContainText('the checksum only shows that the file arrived intact');
  await expect(review).toContainText('not who made it');
  await expect(review.getByTestId('claim-id')).toHaveText(LAB_ID);
  await expect(review.getByTestId('claim-parent')).toHaveText(APP_MODEL_ID);
  await expect(review.getByTestId('claim-made')).toContainText('2026');
  await expect(review.getByTestId('claim-threshold')).toHaveText('0.610');
  await expect(review.getByTestId('claim-training')).toContainText('on 12 cases (230 cells');
  expect(await labKeys(page)).toEqual([]);
  await review.getByRole('button', { name: `Import ${LAB_ID}` }).click();
  await expect(models.notice).toContainText(`Imported ${LAB_ID} from lab.homnet.json`);
  await models.use(LAB_ID);

  // The same id with an edited weight (checksum recomputed): the lab is asked, and Cancel changes nothing.
  const impostor = await edited(original);
  await models.importFile('impostor.homnet.json', encodeModelFile(impostor));
  await expect(review).toContainText(`The lab already has a model named ${LAB_ID}`);
  // The model analysing now cannot be replaced under the lab's feet.
  await expect(review.getByRole('button', { name: `Replace ${LAB_ID}` })).toBeDisabled();
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toHaveCount(0);
  expect(await storedSha(page, `lab/${LAB_ID}`)).toBe(original.manifest.sha256);
  expect(await labKeys(page)).toEqual([`lab/${LAB_ID}`]);

  // Keep both: the file is stored under a new id, the adopted model is untouched and still in use.
  await models.importFile('impostor.homnet.json', encodeModelFile(impostor));
  await review.getByRole('button', { name: `Keep both (import as ${LAB_ID}-2)` }).click();
  await expect(models.notice).toContainText(`Imported impostor.homnet.json as ${LAB_ID}-2`);
  await expect(models.row(`${LAB_ID}-2`)).toHaveCount(1);
  expect(await storedSha(page, `lab/${LAB_ID}`)).toBe(original.manifest.sha256);
  expect(await storedSha(page, `lab/${LAB_ID}-2`)).toBe(impostor.manifest.sha256);
  await page.reload();
  await expect(page.getByTestId('model-id')).toHaveText(LAB_ID, { timeout: 120_000 });
  expect(await storedSha(page, `lab/${LAB_ID}`)).toBe(original.manifest.sha256);

  // Replace, chosen explicitly once the model is no longer in use.
  await models.open();
  await models.use(APP_MODEL_ID);
  await models.importFile('impostor.homnet.json', encodeModelFile(impostor));
  await review.getByRole('button', { name: `Replace ${LAB_ID}` }).click();
  await expect(models.notice).toContainText(`Replaced ${LAB_ID} with the model in impostor.homnet.json`);
  expect(await storedSha(page, `lab/${LAB_ID}`)).toBe(impostor.manifest.sha256);

  // The shipped model's id is refused outright, and nothing is stored.
  const keysBefore = await labKeys(page);
  await models.importFile('shipped.homnet.json', encodeModelFile(await edited(original, APP_MODEL_ID)));
  await expect(models.notice).toContainText(
    `shipped.homnet.json uses the id of the model shipped with the app (${APP_MODEL_ID})`,
  );
  await expect(review).toHaveCount(0);
  expect(await labKeys(page)).toEqual(keysBefore);

  // A file whose architecture numbers are absurd (checksum correct) is refused by name, not a crashed tab.
  const absurd = await labModel('homnet-absurd000001', 12);
  await models.importFile(
    'absurd.homnet.json',
    encodeModelFile({
      ...absurd,
      manifest: {
        ...absurd.manifest,
        architecture: { ...absurd.manifest.architecture, alignmentLayers: 1e8 },
      },
    }),
  );
  await expect(models.notice).toContainText(
    'absurd.homnet.json: architecture.alignmentLayers 100000000 is above the limit of 16',
  );
  await expect(review).toHaveCount(0);
  expect(await labKeys(page)).toEqual(keysBefore);

  // A copy stored under the shipped id by an older version is listed and can be deleted, as can the rest.
  const planted = await edited(original, APP_MODEL_ID);
  await page.evaluate(
    ({ manifest, weights }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('homnet-models');
        open.onsuccess = () => {
          const tx = open.result.transaction('models', 'readwrite');
          const weightData = new Uint8Array(weights).buffer;
          tx.objectStore('models').put({ manifest, weightData }, `lab/${manifest.id}`);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => {
            reject(new Error('could not plant the old copy'));
          };
        };
      }),
    { manifest: planted.manifest, weights: [...new Uint8Array(planted.weightData)] },
  );
  await page.reload();
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID, { timeout: 120_000 });
  await models.open();
  const copy = page.getByTestId('stored-copy-row');
  await expect(copy).toContainText(APP_MODEL_ID);
  await copy.getByRole('button', { name: `delete the stored copy of ${APP_MODEL_ID}` }).click();
  await expect(copy).toHaveCount(0);
  for (const id of [LAB_ID, `${LAB_ID}-2`]) {
    await models
      .row(id)
      .getByRole('button', { name: `delete ${id}` })
      .click();
    await expect(models.row(id)).toHaveCount(0);
  }
  expect(await labKeys(page)).toEqual([]);
  await expect(page.getByTestId('model-id')).toHaveText(APP_MODEL_ID);
});
