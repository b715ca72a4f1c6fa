// pg-boss on our own database: PGlite through `executeSql`, PostgreSQL through the shared pool.
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.js';
import type { Logger } from '../logger.js';
import { queuePolicies } from './queues.js';

export interface CreateBossInput {
  database: DatabaseHandle;
  logger: Logger;
  /** Maintenance (archiving, expiring) runs on worker nodes only. */
  supervise: boolean;
}

/** Starts pg-boss (installing or upgrading its schema) and makes sure every queue exists. */
export async function startBoss(input: CreateBossInput): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => input.database.executeSql(text, values) },
    supervise: input.supervise,
    // Our schedules are sweeps driven by `due_at` columns and the Clock, not pg-boss cron.
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error) => input.logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const [name, policy] of Object.entries(queuePolicies)) {
    const existing = await boss.getQueue(name);
    if (existing) await boss.updateQueue(name, { name, ...policy, policy: existing.policy });
    else await boss.createQueue(name, { name, ...policy });
  }
  return boss;
}
