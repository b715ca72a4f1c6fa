// Benchmark 1: how long an embedded node takes to listen, on a new data folder and on a reused one.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { systemClock } from '../src/domain/clock.js';
import { createApp } from '../src/http/app.js';
import { startBoss } from '../src/jobs/boss.js';
import { startWorker } from '../src/jobs/worker.js';
import { createLogger } from '../src/logger.js';
import { createWithdrawalBlockerRegistry } from '../src/modules/identity/index.js';
import { mailTransportFor, smsTransportFor, systemHostResolver } from '../src/modules/notifications/index.js';
import { startNode } from '../src/runtime.js';
import { resolveSecret } from '../src/secret.js';
import {
  embeddedConfig,
  median,
  progress,
  type ResultRow,
  round,
  type Section,
  scratchDir,
  timed,
} from './support.js';

const RUNS = 3;

interface Sample {
  freshMs: number;
  freshStopMs: number;
  reuseMs: number;
  reuseStopMs: number;
}

/** One fresh start (initdb + migrations + pg-boss schema) and one restart on the same folder. */
async function oneRun(run: number): Promise<Sample> {
  const dir = scratchDir('cold');
  try {
    const config = embeddedConfig(dir.path);
    const fresh = await timed(() => startNode({ config, role: 'all' }));
    const freshStop = await timed(() => fresh.result.stop());
    const reuse = await timed(() => startNode({ config, role: 'all' }));
    const reuseStop = await timed(() => reuse.result.stop());
    progress(
      `cold start run ${run}: new folder ${Math.round(fresh.ms)} ms, same folder ${Math.round(reuse.ms)} ms`,
    );
    return { freshMs: fresh.ms, freshStopMs: freshStop.ms, reuseMs: reuse.ms, reuseStopMs: reuseStop.ms };
  } finally {
    dir.remove();
  }
}

/**
 * The same steps `startNode` takes, timed one by one on a new folder, so a slow start can be
 * pinned on initdb, migrations, pg-boss or the HTTP listener. Kept in step with src/runtime.ts by hand.
 */
async function phases(): Promise<Record<string, number>> {
  const dir = scratchDir('phases');
  const config = embeddedConfig(dir.path);
  if (config.database.kind !== 'pglite') throw new Error('expected an embedded config');
  const { dataDir } = config.database;
  const logger = createLogger('silent');
  const open = await timed(() => openDatabase({ kind: 'pglite', dataDir }));
  const database = open.result;
  try {
    const migrate = await timed(() => migrateDatabase(database));
    const boss = await timed(() => startBoss({ database, logger, supervise: true }));
    const context: AppContext = {
      config: { ...config, secret: resolveSecret(config) },
      clock: systemClock,
      withdrawalBlockers: createWithdrawalBlockerRegistry(),
      hostResolver: systemHostResolver,
      database,
      db: database.db,
      logger,
      mail: mailTransportFor(undefined),
      sms: smsTransportFor(undefined),
    };
    const worker = await timed(() => startWorker(context, boss.result));
    const listen = await timed(async () => {
      const app = createApp(context);
      const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
        s.once('error', reject);
      });
      return server;
    });
    const port = (listen.result.address() as AddressInfo).port;
    await new Promise<void>((resolve) => listen.result.close(() => resolve()));
    await worker.result.stop();
    await boss.result.stop({ graceful: false, wait: true, close: false });
    return {
      openPgliteMs: open.ms,
      migrateMs: migrate.ms,
      startBossMs: boss.ms,
      startWorkerMs: worker.ms,
      createAppAndListenMs: listen.ms,
      listenedOnPort: port,
    };
  } finally {
    await database.close();
    dir.remove();
  }
}

/** Median of three runs each, plus one run split into phases. */
export async function coldStart(): Promise<Section[]> {
  const samples: Sample[] = [];
  for (let run = 1; run <= RUNS; run++) samples.push(await oneRun(run));
  const split = await phases();
  progress(
    `phases on a new folder: open ${Math.round(split.openPgliteMs!)} ms, migrate ${Math.round(split.migrateMs!)} ms, pg-boss ${Math.round(split.startBossMs!)} ms`,
  );

  const pick = (key: keyof Sample) => samples.map((s) => s[key]);
  const spread = (values: number[]) =>
    `median of ${values.length}: ${values.map((v) => Math.round(v)).join(', ')} ms`;
  const rows: ResultRow[] = [
    {
      metric: 'start, new folder (initdb + migrate)',
      value: round(median(pick('freshMs'))),
      unit: 'ms',
      note: spread(pick('freshMs')),
    },
    {
      metric: 'start, same folder (reuse)',
      value: round(median(pick('reuseMs'))),
      unit: 'ms',
      note: spread(pick('reuseMs')),
    },
    {
      metric: 'stop()',
      value: round(median([...pick('freshStopMs'), ...pick('reuseStopMs')])),
      unit: 'ms',
      note: 'median of every stop',
    },
    {
      metric: '  phase: open PGlite (initdb)',
      value: round(split.openPgliteMs!),
      unit: 'ms',
      note: '1 run, new folder',
    },
    { metric: '  phase: migrations', value: round(split.migrateMs!), unit: 'ms' },
    { metric: '  phase: pg-boss start (schema)', value: round(split.startBossMs!), unit: 'ms' },
    { metric: '  phase: worker start', value: round(split.startWorkerMs!), unit: 'ms' },
    { metric: '  phase: createApp + listen', value: round(split.createAppAndListenMs!), unit: 'ms' },
  ];
  return [
    {
      benchmark: 'cold start',
      target: 'pglite (disk)',
      rows,
      details: { runs: samples, phases: split },
    },
  ];
}
