import { expect, test } from '@playwright/test';
import { ReviewPage } from './support/review-page';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test('a Content-Security-Policy allows only the app’s origin, and a whole session breaks none of it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/https?:|\*/);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);

  // A session: the demo analysed in the worker with the shipped model, a pair view, a JSON export.
  const app = new ReviewPage(page);
  await app.waitForVerdicts();
  await app.selectType('5');
  await expect(app.heatmap.locator('rect.cell')).toHaveCount(256);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  await download;

  expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
  expect(consoleViolations).toEqual([]);
  // The policy really is enforced: an inline script injected now must not run.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
});

test('the page and its worker scripts are sent with headers that forbid framing and sniffing', async ({
  page,
  baseURL,
}) => {
  const worker = page.waitForEvent('worker');
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("worker-src 'self' blob:");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  // The worker scripts have no <meta> of their own: the header is their only policy.
  const workerUrl = (await worker).url();
  expect(workerUrl).toMatch(/\/assets\/homnet\.worker-[\w-]+\.js$/);
  const workerHeaders = (await page.request.get(workerUrl)).headers();
  expect(workerHeaders['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(workerHeaders['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(workerHeaders['x-content-type-options']).toBe('nosniff');
  // The <meta> policy leaves frame-ancestors out: a browser ignores it there, with a console error.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).not.toHaveAttribute(
    'content',
    /frame-ancestors/,
  );

  // Another page that frames the app (here about:blank, an opaque origin) gets the browser's error page.
  const framer = await page.context().newPage();
  const framerConsole: string[] = [];
  framer.on('console', (message) => framerConsole.push(message.text()));
  await framer.setContent(`<iframe src="${baseURL ?? ''}/" width="800" height="600"></iframe>`);
  const frame = framer.frames().find((f) => f !== framer.mainFrame());
  await expect.poll(() => frame?.url()).toBe('chrome-error://chromewebdata/');
  expect(await frame?.locator('#root').count()).toBe(0);
  expect(framerConsole.join('\n')).toContain(`Framing '${baseURL ?? ''}/' violates`);
  await framer.close();
});
