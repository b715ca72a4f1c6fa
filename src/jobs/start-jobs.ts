// One way to start and stop a node's jobs (server, test app and benchmarks alike): pg-boss plus the worker.
import type PgBoss from 'pg-boss';
import type { AppContext } from '../context.js';
import type { DatabaseHandle } from '../db/client.js';
import { startBoss } from './boss.js';
import { DEFAULT_STOP_GRACE_MS, type RunningWorker, type StartWorkerOptions, startWorker } from './worker.js';

export interface StartJobsInput {
  ctx: AppContext;
  database: DatabaseHandle;
  /** pg-boss maintenance (expiring, archiving) runs on worker nodes only. */
  supervise: boolean;
  worker?: StartWorkerOptions;
}

export interface RunningJobs {
  boss: PgBoss;
  worker: RunningWorker;
  /**
   * Stops taking jobs, lets the handlers in flight finish (or hands their jobs back to the queue after
   * `graceMs`), then stops pg-boss. When it resolves nothing of the jobs touches the database, so the
   * caller may close the pool.
   */
  stop(graceMs?: number): Promise<void>;
}

/** Starts pg-boss and the worker on a database. */
export async function startJobs(input: StartJobsInput): Promise<RunningJobs> {
  const boss = await startBoss({
    database: input.database,
    logger: input.ctx.logger,
    supervise: input.supervise,
  });
  let worker: RunningWorker;
  try {
    worker = await startWorker(input.ctx, boss, input.worker);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true, close: false }).catch(() => {});
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    boss,
    worker,
    stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      stopping ??= (async () => {
        await worker.stop(graceMs);
        // No pg-boss worker of its own runs (the consumers above fetch by hand), so there is nothing for
        // a graceful wait to watch: stop its maintenance timers and return.
        await boss.stop({ graceful: false, wait: true, close: false });
      })();
      return stopping;
    },
  };
}
