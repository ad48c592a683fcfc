import type { SampledBag } from '../../model/train/bag-sampler';
import type { TrainingCases } from './training-data';
import { drawTrainingBatch, loadTrainingCases } from './training-data';
import type { TrainConfig } from './train-options';

/** Messages from the training process to this one. */
export type BatchRequest =
  { readonly kind: 'load'; readonly config: TrainConfig } | { readonly kind: 'draw'; readonly step: number };

/** Messages from this process to the training process. */
export type BatchReply =
  | { readonly kind: 'listening' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'batch'; readonly step: number; readonly bags: SampledBag[] }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * The batch drawer of a training run, a child process (prefetched-batches.ts starts it): it loads the
 * run's cases itself, then draws the batches of the steps it is asked for, in the order asked. Drawing a
 * batch cuts changes into crop images and profiles them again (about a second for both labs), work that
 * runs here on the second core while the training process runs the previous step's gradients.
 */
function serve(): void {
  let cases: Promise<TrainingCases> | null = null;
  let config: TrainConfig | null = null;
  // One request at a time, in order: the replies come back in the order the steps were asked for.
  let queue: Promise<void> = Promise.resolve();
  const reply = (message: BatchReply): void => {
    process.send?.(message);
  };
  process.on('message', (message: BatchRequest) => {
    queue = queue.then(async () => {
      try {
        if (message.kind === 'load') {
          config = message.config;
          cases = loadTrainingCases(message.config, true);
          await cases;
          reply({ kind: 'ready' });
        } else if (cases && config) {
          const bags = drawTrainingBatch(config, await cases, message.step);
          reply({ kind: 'batch', step: message.step, bags });
        } else {
          reply({ kind: 'failed', message: `asked for step ${message.step} before the cases were loaded` });
        }
      } catch (error) {
        reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    });
  });
  // The training process is gone (finished, stopped or killed): nothing is left to draw for.
  process.on('disconnect', () => process.exit(0));
  // Messages sent before a listener exists would be lost: the training process waits for this one.
  reply({ kind: 'listening' });
}

serve();
