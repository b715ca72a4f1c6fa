// Consumes one pg-boss queue with every database call awaited, so a stop knows when nothing is in flight.
import type PgBoss from 'pg-boss';
import type { Logger } from '../logger.js';

export type JobBatchHandler<T> = (jobs: PgBoss.JobWithMetadata<T>[]) => Promise<void>;

export interface ConsumeQueueOptions {
  batchSize: number;
  /** How long an idle consumer waits before it looks again, unless notified. */
  pollingIntervalMs: number;
}

export interface QueueConsumer {
  /** Looks for jobs now instead of waiting out the polling interval. */
  notify(): void;
  /**
   * Takes no new jobs, then waits up to `graceMs` for the batch in flight to finish and be marked
   * completed or failed. A batch still running after that is failed now, so pg-boss retries it by the
   * queue's policy; whatever the abandoned handler does later is never reported to the queue.
   */
  stop(graceMs: number): Promise<void>;
}

interface Batch {
  queue: string;
  ids: string[];
  /** Set once the batch's outcome has been written (or abandoned); nothing more may be reported. */
  settled: boolean;
}

/**
 * pg-boss 10's own `work()` completes and fails jobs without awaiting the query, and its graceful stop
 * only watches the handler: the completion can reach the pool after the caller closed it, an unhandled
 * rejection. This loop fetches, runs and reports each batch itself, every promise awaited and caught.
 */
export function consumeQueue<T>(
  boss: PgBoss,
  queue: string,
  options: ConsumeQueueOptions,
  handler: JobBatchHandler<T>,
  logger: Logger,
): QueueConsumer {
  let stopping = false;
  let wake: (() => void) | null = null;
  let notified = false;
  let inFlight: Batch | null = null;

  const report = async (batch: Batch, outcome: 'complete' | 'fail', error?: unknown): Promise<void> => {
    if (batch.settled) return;
    batch.settled = true;
    try {
      if (outcome === 'complete') await boss.complete(queue, batch.ids);
      else for (const id of batch.ids) await boss.fail(queue, id, { message: firstLine(error) });
    } catch (reportError) {
      // The job stays active; pg-boss's expiry returns it to the queue. Nothing is lost, only delayed.
      logger.error(
        { err: reportError, queue },
        `marking jobs ${outcome === 'complete' ? 'completed' : 'failed'} failed`,
      );
    }
  };

  const runBatch = async (jobs: PgBoss.JobWithMetadata<T>[]): Promise<void> => {
    const batch: Batch = { queue, ids: jobs.map((job) => job.id), settled: false };
    inFlight = batch;
    try {
      await handler(jobs);
      await report(batch, 'complete');
    } catch (error) {
      await report(batch, 'fail', error);
    } finally {
      inFlight = null;
    }
  };

  const idle = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (notified || stopping) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, options.pollingIntervalMs);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      notified = false;
      let jobs: PgBoss.JobWithMetadata<T>[] = [];
      try {
        jobs = await boss.fetch<T>(queue, { batchSize: options.batchSize, includeMetadata: true });
      } catch (error) {
        logger.error({ err: error, queue }, 'fetching jobs failed');
      }
      // Jobs fetched while a stop was asked for are handled all the same: they are already active.
      if (jobs.length > 0) await runBatch(jobs);
      else await idle();
    }
  })();

  return {
    notify() {
      notified = true;
      wake?.();
    },
    async stop(graceMs) {
      stopping = true;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace_over'>((resolve) => {
        timer = setTimeout(() => resolve('grace_over'), graceMs);
      });
      const outcome = await Promise.race([loop.then(() => 'done' as const), graceOver]);
      clearTimeout(timer);
      const abandoned: Batch | null = inFlight;
      if (outcome === 'grace_over' && abandoned) {
        logger.warn(
          { queue, jobs: abandoned.ids.length },
          'a job ran past the stop; it goes back to the queue',
        );
        await report(abandoned, 'fail', new Error('stopped while running; retried by the queue policy'));
      }
    },
  };
}

/** The error's first line only: a query error's later lines carry its parameters, which may be personal data. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n', 1)[0]!.slice(0, 500);
}
