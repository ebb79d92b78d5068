import type { WorkflowService } from './types.js';

export interface TimerWorkerOptions {
  /** Pause between polls when nothing was due, in milliseconds. */
  readonly idleMs?: number;
  /** Timers fired before the worker yields to the event loop. */
  readonly batch?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Fires due timers and queued invocations in the background of a serving process. Every process
 * runs one; SKIP LOCKED in fireDueTimers keeps them from firing the same timer twice, so the
 * worker needs no leader and a crashed process leaves nothing claimed behind.
 */
export function startTimerWorker(workflows: Pick<WorkflowService, 'fireDueTimers'>, options: TimerWorkerOptions = {}): { stop(): Promise<void> } {
  const idleMs = options.idleMs ?? 1000;
  const batch = options.batch ?? 50;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      let fired = 0;
      try {
        fired = await workflows.fireDueTimers(batch);
      } catch (error) {
        options.onError?.(error);
      }
      // A full batch means more may be due: keep draining; otherwise wait for the next poll.
      if (fired < batch && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
