/** Faults the fault-tolerance tests inject into a live worker (see ui/test-hooks.ts). */
export type SimulatedFault = 'crash' | 'gpu-lost';

/** A message the worker posts on its own port (not through comlink) when its GPU device is gone. */
export interface GpuLostMessage {
  readonly homnetHealth: 'gpu-lost';
  readonly reason: string;
}

export function isGpuLostMessage(data: unknown): data is GpuLostMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { homnetHealth?: unknown }).homnetHealth === 'gpu-lost' &&
    typeof (data as { reason?: unknown }).reason === 'string'
  );
}

/** A job failed because the worker's GPU device is gone (the page then replaces the worker). */
export class GpuDeviceLostError extends Error {
  constructor(reason: string) {
    super(reason);
    // The name crosses comlink (messages and names of errors do; classes do not).
    this.name = 'GpuDeviceLostError';
  }
}

/** How the page learns that the worker is gone, without a timeout. */
export interface HealthWorkerApi {
  /**
   * Takes the Web Lock `name` for the worker's whole life and resolves once it is held. The lock is
   * released only when the worker ends (crash, close, terminate), so the page learns of the worker's
   * death by asking for the same lock.
   */
  holdLifeLock(name: string): Promise<void>;
  /** Breaks the worker on purpose: for the fault-tolerance tests only. */
  simulateFault(fault: SimulatedFault): void;
}
