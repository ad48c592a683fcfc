let ready = false;

/**
 * tfjs-core registers gradients only on request. Its ESM build (browsers, workers) has a module for
 * that; in Node only the CJS bundle of @tensorflow/tfjs carries them. Both write into tfjs' global
 * registry, so whichever runs serves every copy of tfjs-core in the process.
 */
export async function enableTraining(): Promise<void> {
  if (ready) return;
  const runtime = globalThis as { process?: { versions?: { node?: string } } };
  const isNode = runtime.process?.versions?.node !== undefined;
  if (isNode) await import('@tensorflow/tfjs');
  else await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  ready = true;
}

/** Throws unless enableTraining() has completed: a missing gradient would otherwise fail deep inside tfjs. */
export function assertTrainingEnabled(): void {
  if (!ready) throw new Error('call enableTraining() before computing gradients');
}
