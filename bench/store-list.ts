// The storefront reads against a bare Hono + pg server on the same database, interleaved, as ratios; catalogs of 20 to 100,000 products.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { startNode } from '../src/runtime.js';
import { growBenchCatalog } from './catalog-generator.js';
import type { LoadResult } from './http-load.js';
import { loadInChild } from './http-throughput.js';
import {
  median,
  onScratch,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
} from './support.js';

/** Catalog sizes; `BENCH_STORE_SIZES=20,1000` narrows a run. */
const SIZES = (process.env.BENCH_STORE_SIZES ?? '20,1000,10000,100000').split(',').map(Number);
const CONCURRENCY = 50;
const ROUND_MS = 3_000;
const ROUNDS = 2;
const ONE_CLIENT_REQUESTS = 40;

/**
 * The ceiling: Hono and pg answering a raw 20-row product list from the same tables, no ORM, no
 * validation, no derived data. Anything keiyaku does beyond this is the price of its features.
 */
function startBaseline(url: string): Promise<{ url: string; stop(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = new Hono();
  app.get('/products', async (c) => {
    const result = await pool.query(
      `select id, slug, name_ja, name_en, summary_ja, summary_en, category, price_from
       from catalog_products where status = 'published' order by sort_order, name_rank, id limit 20`,
    );
    return c.json({ items: result.rows });
  });
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

interface Probe {
  label: string;
  url: string;
  body?: string;
  origin?: string;
}

function load(
  probe: Probe,
  concurrency: number,
  durationMs: number,
  maxRequests: number,
): Promise<LoadResult> {
  return loadInChild({
    url: probe.url,
    ...(probe.body === undefined ? {} : { body: probe.body, origin: probe.origin }),
    concurrency,
    maxRequests,
    durationMs,
    warmupRequests: concurrency === 1 ? 5 : 200,
  });
}

/** Runs every probe `ROUNDS` times in turn (baseline, then each keiyaku read), so drift hits all alike. */
async function interleaved(probes: Probe[]): Promise<Map<string, LoadResult[]>> {
  const results = new Map<string, LoadResult[]>(probes.map((p) => [p.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const probe of probes) {
      const result = await load(probe, CONCURRENCY, ROUND_MS, 100_000);
      results.get(probe.label)!.push(result);
      progress(
        `${probe.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99.toFixed(1)} ms`,
      );
    }
  }
  return results;
}

async function storeOnPostgres(serverUrl: string): Promise<Section> {
  // A database of its own on the given server, dropped afterwards.
  const name = `keiyaku_bench_store_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {
    sizes: SIZES,
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
  };
  try {
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 2 });
    await migrateDatabase(handle, url.toString());
    const baseline = await startBaseline(url.toString());
    try {
      for (const size of SIZES) {
        const grown = performance.now();
        await growBenchCatalog(handle, size);
        progress(`catalog of ${size} products ready in ${Math.round(performance.now() - grown)} ms`);
        await onScratch(
          'store-pg',
          (dir) => postgresConfig(url.toString(), dir),
          async (config) => {
            const node = await startNode({ config, role: 'web' });
            try {
              const origin = new URL(config.publicUrl).origin;
              const probes: Probe[] = [
                { label: 'bare list', url: `${baseline.url}/products` },
                { label: 'keiyaku list', url: `${node.url}/api/store/products` },
                {
                  label: 'keiyaku search',
                  url: `${node.url}/api/store/products?keyword=${encodeURIComponent('product 12')}&sort=price_asc`,
                },
                { label: 'keiyaku product', url: `${node.url}/api/store/products/bench-7` },
                {
                  label: 'keiyaku estimate',
                  url: `${node.url}/api/store/estimates`,
                  body: JSON.stringify({ product: 'bench-7', plan: 'standard', term: '12m' }),
                  origin,
                },
              ];
              // One client, sequential: the latency of one request at this catalog size.
              for (const probe of probes) {
                const r = await load(probe, 1, 10_000, ONE_CLIENT_REQUESTS);
                const failures = r.non2xx + r.errors;
                rows.push({
                  metric: `${size} products, one client, ${probe.label} p50`,
                  value: round(r.p50),
                  unit: 'ms',
                  note: `p99 ${round(r.p99)} ms${failures ? `; ${failures} failed (${r.firstError ?? 'non-2xx'})` : ''}`,
                });
                progress(`${size}: one client ${probe.label} p50 ${r.p50.toFixed(1)} ms`);
              }
              // 50 connections, interleaved with the baseline, at the smallest and the largest size.
              if (size === SIZES[0] || size === SIZES.at(-1)) {
                const results = await interleaved(probes);
                const bare = median(results.get('bare list')!.map((r) => r.requestsPerSecond));
                for (const [label, runs] of results) {
                  const rps = median(runs.map((r) => r.requestsPerSecond));
                  const p99 = median(runs.map((r) => r.p99));
                  const failures = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
                  rows.push({
                    metric: `${size} products, ${CONCURRENCY} connections, ${label}`,
                    value: round(rps),
                    unit: 'req/s',
                    note: `${round((rps / bare) * 100)}% of bare; p50 ${round(median(runs.map((r) => r.p50)))} ms, p99 ${round(p99)} ms${failures ? `; ${failures} failed` : ''}`,
                  });
                }
                details[`load-${size}`] = Object.fromEntries(results);
              }
            } finally {
              await node.stop();
            }
          },
        );
      }
    } finally {
      await baseline.stop();
      await handle.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return { benchmark: 'store', target: 'postgres', rows, details };
}

/** The store reads on PostgreSQL (the baseline needs a pg server, so there is no embedded variant). */
export async function storePostgres(url: string): Promise<Section> {
  return storeOnPostgres(url);
}
