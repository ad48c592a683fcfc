import type { BrowserContext, Page } from '@playwright/test';
import { DEFAULT_ARCHITECTURE } from '../../src/model/architecture';
import { initialValues } from '../../src/model/parameters';
import type { ModelArtifacts } from '../../src/model/weights/manifest';
import { packWeights } from '../../src/model/weights/manifest';

/** Id of the model the app specs ship through page.route (an untrained, seeded HomNet). */
export const APP_MODEL_ID = 'homnet-e2e-app';

let packed: Promise<ModelArtifacts> | null = null;

/** The seeded test model's manifest and binary (made once per worker process). */
export function appModelArtifacts(): Promise<ModelArtifacts> {
  packed ??= packWeights(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 7), { id: APP_MODEL_ID });
  return packed;
}

/**
 * Serves a model as the shipped default: `models/index.json` names it and its folder holds the manifest
 * and the binary, all on the page's own origin, exactly as public/models/ will. Route on the context when
 * a service worker runs: only context routes see the requests it makes.
 */
export async function shipTestModel(page: Page | BrowserContext): Promise<ModelArtifacts> {
  const artifacts = await appModelArtifacts();
  await page.route('**/models/index.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ default: APP_MODEL_ID }) }),
  );
  await page.route(`**/models/${APP_MODEL_ID}/manifest.json`, (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify(artifacts.manifest) }),
  );
  await page.route(`**/models/${APP_MODEL_ID}/weights.bin`, (route) =>
    route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(artifacts.weightData.slice(0)) }),
  );
  return artifacts;
}
