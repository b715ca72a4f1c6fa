// Benchmark 2: requests/s and latency of GET /api/store, GET /healthz and the estimate simulator over real HTTP.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../src/config.js';
import { startNode } from '../src/runtime.js';
import type { LoadRequest, LoadResult } from './http-load.js';
import {
  embeddedConfig,
  onScratch,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
  timed,
} from './support.js';

const CONCURRENCY = 16;
const MAX_REQUESTS = 5_000;
const DURATION_MS = 5_000;
const WARMUP_REQUESTS = 300;
interface Target {
  label: string;
  path: string;
  body?: string;
}
const TARGETS: Target[] = [
  { label: 'GET /api/store', path: '/api/store' },
  { label: 'GET /healthz', path: '/healthz' },
];
/**
 * The simulator prices the seeds' rental server (12 months, EV SSL, backup, three devices) through the
 * one engine. Only the embedded start seeds the demo catalog, so only that run measures it.
 */
const ESTIMATE: Target = {
  label: 'POST /api/store/estimates',
  path: '/api/store/estimates',
  body: JSON.stringify({
    product: 'rental-server-x10',
    plan: 'x10',
    term: '12m',
    options: [{ code: 'ssl-ev' }, { code: 'backup' }, { code: 'device-security', quantity: 3 }],
  }),
};

const loadScript = fileURLToPath(new URL('./http-load.ts', import.meta.url));

/** Runs the load generator in a child process and waits (bounded) for its answer. */
export function loadInChild(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(loadScript, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    // Start-up of tsx in the child plus the run itself; past this the child is stuck and is killed.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error('load generator did not answer in time')));
    }, request.durationMs + 30_000);
    child.on('message', (message: { result?: LoadResult; error?: string }) => {
      if (message.result) finish(() => resolve(message.result!));
      else finish(() => reject(new Error(`load generator: ${message.error}`)));
    });
    child.on('error', (error) => finish(() => reject(error)));
    child.on('exit', (code) =>
      finish(() => reject(new Error(`load generator exited with ${code} before answering`))),
    );
    child.send(request);
  });
}

function rowsFor(label: string, r: LoadResult): ResultRow[] {
  const failures = r.non2xx + r.errors;
  const note = `${r.requests} requests in ${(r.elapsedMs / 1000).toFixed(1)} s${failures ? `; ${r.non2xx} non-2xx, ${r.errors} errors (${r.firstError ?? ''})` : ''}`;
  return [
    { metric: `${label} throughput`, value: round(r.requestsPerSecond), unit: 'req/s', note },
    { metric: `${label} p50`, value: round(r.p50), unit: 'ms' },
    { metric: `${label} p95`, value: round(r.p95), unit: 'ms' },
    { metric: `${label} p99`, value: round(r.p99), unit: 'ms', note: `max ${round(r.max)} ms` },
  ];
}

async function measureOn(target: string, config: Config, targets: Target[]): Promise<Section> {
  const node = await startNode({ config, role: 'all' });
  try {
    if (!node.url) throw new Error('node did not listen');
    const rows: ResultRow[] = [];
    const results: Record<string, LoadResult> = {};
    for (const { label, path, body } of targets) {
      const { result } = await timed(() =>
        loadInChild({
          url: `${node.url}${path}`,
          ...(body === undefined ? {} : { body, origin: new URL(config.publicUrl).origin }),
          concurrency: CONCURRENCY,
          maxRequests: MAX_REQUESTS,
          durationMs: DURATION_MS,
          warmupRequests: WARMUP_REQUESTS,
        }),
      );
      results[label] = result;
      rows.push(...rowsFor(label, result));
      progress(
        `${target} ${label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99.toFixed(1)} ms`,
      );
    }
    return {
      benchmark: 'http',
      target,
      rows,
      details: {
        concurrency: CONCURRENCY,
        maxRequests: MAX_REQUESTS,
        durationMs: DURATION_MS,
        warmupRequests: WARMUP_REQUESTS,
        client: 'node:http keep-alive agent in a forked process',
        results,
      },
    };
  } finally {
    await node.stop();
  }
}

/** Against an embedded node on a new data folder. */
export async function httpEmbedded(): Promise<Section> {
  return onScratch('http', embeddedConfig, (config) =>
    measureOn('pglite (disk)', config, [...TARGETS, ESTIMATE]),
  );
}

/** Against a node on PostgreSQL (migrates the database first, as `keiyaku start` does). */
export async function httpPostgres(url: string): Promise<Section> {
  return onScratch(
    'http-pg',
    (dir) => postgresConfig(url, dir),
    (config) => measureOn('postgres', config, TARGETS),
  );
}
