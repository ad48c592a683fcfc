import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_ARCHITECTURE } from '../../src/model/architecture';
import { initialValues } from '../../src/model/parameters';
import type { ModelArtifacts } from '../../src/model/weights/manifest';
import { packWeights } from '../../src/model/weights/manifest';

/** Id of the model the app specs ship through page.route (an untrained, seeded HomNet). */
export const APP_MODEL_ID = 'homnet-e2e-app';

const packed = new Map<string, Promise<ModelArtifacts>>();

/** A seeded test model's manifest and binary (made once per id and worker process). */
export function appModelArtifacts(id = APP_MODEL_ID, seed = 7): Promise<ModelArtifacts> {
  const made =
    packed.get(id) ?? packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, seed), { id });
  packed.set(id, made);
  return made;
}

/**
 * Serves a model as the shipped default: `models/index.json` names it and its folder holds the manifest
 * and the binary, all on the page's own origin, exactly as public/models/ will. Route on the context when
 * a service worker runs: only context routes see the requests it makes.
 */
export async function shipTestModel(
  page: Page | BrowserContext,
  id = APP_MODEL_ID,
  seed = 7,
): Promise<ModelArtifacts> {
  const artifacts = await appModelArtifacts(id, seed);
  await page.unroute('**/models/index.json');
  await page.route('**/models/index.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ default: id }) }),
  );
  await page.route(`**/models/${id}/manifest.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(artifacts.manifest) }),
  );
  await page.route(`**/models/${id}/weights.bin`, (route) =>
    route.fulfill({
      contentType: 'application/octet-stream',
      body: Buffer.from(artifacts.weightData.slice(0)),
    }),
  );
  return artifacts;
}
