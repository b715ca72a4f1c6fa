// Shared steps of the HTTP benches against a bare ceiling: a scratch database, the bare Hono + pg server, probes run in interleaved rounds, and rows as a share of the ceiling.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import pg from 'pg';
import type { LoadResult } from './http-load.js';
import { loadInChild } from './http-throughput.js';
import { median, progress, type ResultRow, round } from './support.js';

/** One URL to load: a GET, or a POST when it has a body. */
export interface LoadProbe {
  label: string;
  url: string;
  body?: string;
  /** Bodies sent in turn (see `LoadRequest.bodies`). */
  bodies?: string[];
  spreadAddresses?: boolean;
  origin?: string;
  headers?: Record<string, string>;
}

/** How long and how hard each interleaved round loads its probe. */
export interface RoundPlan {
  rounds: number;
  concurrency: number;
  roundMs: number;
  maxRequests: number;
}

/** Loads one probe once, in a child process so the load generator does not share the server's event loop. */
export function loadProbe(
  probe: LoadProbe,
  plan: Omit<RoundPlan, 'rounds'>,
  warmupRequests = plan.concurrency === 1 ? 5 : 200,
): Promise<LoadResult> {
  return loadInChild({
    url: probe.url,
    ...(probe.body === undefined ? {} : { body: probe.body, origin: probe.origin }),
    ...(probe.bodies === undefined
      ? {}
      : { bodies: probe.bodies, origin: probe.origin, spreadAddresses: probe.spreadAddresses ?? false }),
    ...(probe.headers ? { headers: probe.headers } : {}),
    concurrency: plan.concurrency,
    maxRequests: plan.maxRequests,
    durationMs: plan.roundMs,
    warmupRequests,
  });
}

/** Runs every probe `rounds` times in turn (the ceiling, then each keiyaku read), so drift hits all alike. */
export async function interleavedLoad(
  probes: LoadProbe[],
  plan: RoundPlan,
): Promise<Map<string, LoadResult[]>> {
  const results = new Map<string, LoadResult[]>(probes.map((p) => [p.label, []]));
  for (let round = 0; round < plan.rounds; round++) {
    for (const probe of probes) {
      const result = await loadProbe(probe, plan);
      results.get(probe.label)!.push(result);
      progress(
        `${probe.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99.toFixed(1)} ms`,
      );
    }
  }
  return results;
}

/** One row a probe: its median throughput and latency, and its share of the ceiling's throughput. */
export function rowsAgainstCeiling(
  results: Map<string, LoadResult[]>,
  ceilingLabel: string,
  metric: (label: string) => string,
): ResultRow[] {
  const bare = median(results.get(ceilingLabel)!.map((r) => r.requestsPerSecond));
  return [...results].map(([label, runs]) => {
    const rps = median(runs.map((r) => r.requestsPerSecond));
    const failures = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
    return {
      metric: metric(label),
      value: round(rps),
      unit: 'req/s',
      note: `${round((rps / bare) * 100)}% of bare; p50 ${round(median(runs.map((r) => r.p50)))} ms, p99 ${round(median(runs.map((r) => r.p99)))} ms${failures ? `; ${failures} failed` : ''}`,
    };
  });
}

/** Runs `work` on a database of its own on the given server, dropped afterwards whatever happens. */
export async function withScratchDatabase<T>(
  serverUrl: string,
  prefix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `keiyaku_bench_${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A running bare server: the ceiling the benches compare keiyaku with. */
export interface Ceiling {
  url: string;
  stop(): Promise<void>;
}

/** Serves a bare Hono app on a free loopback port; stopping it also ends its pool. */
export function serveCeiling(app: Hono, pool: pg.Pool): Promise<Ceiling> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        async stop() {
          await new Promise<void>((done) => server.close(() => done()));
          await pool.end();
        },
      });
    });
  });
}
