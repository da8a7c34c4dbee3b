/**
 * Long operations (exports, imports, reports, re-indexing) run as jobs: they report progress as
 * `job.progress` events, which the UI shows as a progress bar, and they can be cancelled.
 */
import { ApiFailure } from '../shared/api/envelope';
import type { Job } from '../shared/domain/lab';
import type { Clock, IdSource } from './deps';
import type { EventHub } from './event-hub';
import { errorData, type Logger } from './logger';

export interface JobContext {
  /** Aborted when the user cancels; work checks it between steps and stops cleanly. */
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** How often a job may report progress; more would flood the event stream for no visible gain. */
const PROGRESS_INTERVAL_MS = 100;

export function createJobRunner(deps: { ids: IdSource; clock: Clock; events: EventHub; logger: Logger }) {
  const running = new Map<string, { job: Job; controller: AbortController }>();

  const publish = (job: Job) => deps.events.emit({ type: 'job.progress', payload: { ...job } });

  return {
    /** Starts `work` and returns at once; `result` settles when the job ends (rejects if it failed or was cancelled). */
    start<T>(kind: string, work: (ctx: JobContext) => Promise<T>): { id: string; result: Promise<T> } {
      const job: Job = { id: deps.ids.next(), kind, state: 'running', done: 0, total: 0 };
      const controller = new AbortController();
      running.set(job.id, { job, controller });
      publish(job);
      let lastReport = 0;
      const ctx: JobContext = {
        signal: controller.signal,
        progress(done, total) {
          job.done = done;
          job.total = total;
          const now = deps.clock.now().getTime();
          if (now - lastReport >= PROGRESS_INTERVAL_MS || done >= total) {
            lastReport = now;
            publish(job);
          }
        },
      };
      const result = (async () => {
        try {
          const value = await work(ctx);
          if (controller.signal.aborted) throw new ApiFailure('cancelled', 'The job was cancelled.');
          job.state = 'done';
          return value;
        } catch (error) {
          job.state = controller.signal.aborted ? 'cancelled' : 'failed';
          if (job.state === 'failed') deps.logger.error(`Job ${kind} failed`, errorData(error));
          throw error;
        } finally {
          running.delete(job.id);
          publish(job);
        }
      })();
      // The caller may only watch events; an unobserved rejection must not crash the process.
      result.catch(() => undefined);
      return { id: job.id, result };
    },

    list: (): Job[] => [...running.values()].map(({ job }) => ({ ...job })),

    cancel(id: string): Job {
      const entry = running.get(id);
      if (!entry) throw new ApiFailure('not_found', `No running job with id ${id}.`);
      entry.controller.abort();
      return { ...entry.job };
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
