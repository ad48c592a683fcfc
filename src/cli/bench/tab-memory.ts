import { readFile } from 'node:fs/promises';
import type { Browser, CDPSession, Page } from '@playwright/test';

/** JS memory of one V8 isolate, bytes (CDP `Runtime.getHeapUsage`). */
export interface HeapUsage {
  /** Live objects on the V8 heap. */
  readonly usedSize: number;
  /** ArrayBuffer backing stores (pixels, WASM memory, transferred files): outside the heap, still ours. */
  readonly backingStorageSize: number;
}

/** A moment of the tab's memory, bytes. */
export interface TabMemorySample {
  readonly page: HeapUsage;
  readonly worker: HeapUsage | null;
  /** page + worker, heap and backing stores: what the tab's JavaScript holds. */
  readonly totalBytes: number;
}

/** The worker's tf.memory() as the model service reports it. */
export interface WorkerTensorMemory {
  readonly numTensors: number;
  readonly numBytes: number;
  readonly numBytesInGPU?: number;
}

/** The app's worker script is built as assets/homnet.worker-<hash>.js. */
const WORKER_URL_PART = 'homnet.worker';

/** Target ids of the HomNet workers running now. */
export async function workerTargetIds(browser: Browser): Promise<string[]> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos
      .filter((t) => t.type === 'worker' && t.url.includes(WORKER_URL_PART))
      .map((t) => t.targetId);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

function heapOf(result: Partial<HeapUsage>): HeapUsage {
  return { usedSize: result.usedSize ?? 0, backingStorageSize: result.backingStorageSize ?? 0 };
}

/**
 * Reads the JS memory of a page and of its dedicated worker over CDP. Playwright opens CDP sessions on
 * pages and frames only, so the worker is reached from a browser session with the (non-flattened)
 * `Target.attachToTarget` + `Target.sendMessageToTarget` pair; `performance.measureUserAgentSpecificMemory`
 * would need cross-origin isolation, which the app does not have.
 */
export class TabMemory {
  private nextId = 1;

  private constructor(
    private readonly pageSession: CDPSession,
    private readonly browserSession: CDPSession,
    private readonly workerSessionId: string | null,
  ) {}

  /**
   * Attaches to `page` and to one of its HomNet workers: the first one, or the first not in `skip` (target
   * ids from {@link workerTargetIds}, to reach a worker started after them). No worker: page only.
   */
  static async attach(browser: Browser, page: Page, skip: readonly string[] = []): Promise<TabMemory> {
    const pageSession = await page.context().newCDPSession(page);
    const browserSession = await browser.newBrowserCDPSession();
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const worker = targetInfos.find(
      (t) => t.type === 'worker' && t.url.includes(WORKER_URL_PART) && !skip.includes(t.targetId),
    );
    const sessionId = worker
      ? (await browserSession.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false }))
          .sessionId
      : null;
    return new TabMemory(pageSession, browserSession, sessionId);
  }

  /** One CDP call inside the worker, through the browser session. */
  private callWorker(method: string): Promise<Record<string, unknown>> {
    const sessionId = this.workerSessionId;
    if (sessionId === null) return Promise.reject(new Error('no worker attached'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (event: { sessionId?: string; message: string }): void => {
        const reply = JSON.parse(event.message) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        if (reply.id !== id) return;
        this.browserSession.off('Target.receivedMessageFromTarget', onMessage);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      };
      this.browserSession.on('Target.receivedMessageFromTarget', onMessage);
      this.browserSession
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(reject);
    });
  }

  /** Forces a full garbage collection in the page and the worker, so that what is left is live. */
  async collectGarbage(): Promise<void> {
    await this.pageSession.send('HeapProfiler.collectGarbage');
    if (this.workerSessionId !== null) await this.callWorker('HeapProfiler.collectGarbage');
  }

  async sample(): Promise<TabMemorySample> {
    const page = heapOf(await this.pageSession.send('Runtime.getHeapUsage'));
    const worker =
      this.workerSessionId === null ? null : heapOf(await this.callWorker('Runtime.getHeapUsage'));
    const total = (h: HeapUsage | null): number => (h ? h.usedSize + h.backingStorageSize : 0);
    return { page, worker, totalBytes: total(page) + total(worker) };
  }

  async detach(): Promise<void> {
    await this.pageSession.detach().catch(() => undefined);
    await this.browserSession.detach().catch(() => undefined);
  }
}

/**
 * Resident memory of the largest Chromium renderer process, bytes (Linux `/proc`; null elsewhere). With
 * one app page open that renderer is the tab: page, worker, WASM and decoded images together.
 */
export async function largestRendererRssBytes(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let largest: number | null = null;
    for (const process of processInfo.filter((p) => p.type === 'renderer')) {
      const status = await readFile(`/proc/${process.id}/status`, 'utf8').catch(() => '');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      if (kb !== undefined) largest = Math.max(largest ?? 0, Number(kb) * 1024);
    }
    return largest;
  } catch {
    return null;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Samples `read` every `periodMs` until `stop` is called; resolves with the largest value seen. */
export function peakWhile(
  read: () => Promise<number | null>,
  periodMs = 250,
): { stop(): Promise<number | null> } {
  let peak: number | null = null;
  // An object, so that the loop reads the flag stop() sets (a plain let looks constant to the linter).
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const value = await read().catch(() => null);
      if (value !== null) peak = Math.max(peak ?? 0, value);
      await new Promise((resolve) => setTimeout(resolve, periodMs));
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
      const last = await read().catch(() => null);
      return last === null ? peak : Math.max(peak ?? 0, last);
    },
  };
}
