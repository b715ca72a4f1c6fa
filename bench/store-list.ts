// The storefront reads against a bare Hono + pg server on the same database, interleaved, as ratios; catalogs of 20 to 100,000 products.
import { Hono } from 'hono';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { startNode } from '../src/runtime.js';
import { growBenchCatalog } from './catalog-generator.js';
import {
  type Ceiling,
  interleavedLoad,
  type LoadProbe,
  loadProbe,
  rowsAgainstCeiling,
  serveCeiling,
  withScratchDatabase,
} from './interleaved-load.js';
import { onScratch, postgresConfig, progress, type ResultRow, round, type Section } from './support.js';

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
function startBaseline(url: string): Promise<Ceiling> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = new Hono();
  app.get('/products', async (c) => {
    const result = await pool.query(
      `select id, slug, name_ja, name_en, summary_ja, summary_en, category, price_from
       from catalog_products where status = 'published' order by sort_order, name_rank, id limit 20`,
    );
    return c.json({ items: result.rows });
  });
  return serveCeiling(app, pool);
}

/** The store reads on PostgreSQL (the baseline needs a pg server, so there is no embedded variant). */
export async function storePostgres(serverUrl: string): Promise<Section> {
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {
    sizes: SIZES,
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
  };
  await withScratchDatabase(serverUrl, 'store', async (url) => {
    const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
    await migrateDatabase(handle, url);
    const baseline = await startBaseline(url);
    try {
      for (const size of SIZES) {
        const grown = performance.now();
        await growBenchCatalog(handle, size);
        progress(`catalog of ${size} products ready in ${Math.round(performance.now() - grown)} ms`);
        await onScratch(
          'store-pg',
          (dir) => postgresConfig(url, dir),
          async (config) => {
            const node = await startNode({ config, role: 'web' });
            try {
              const origin = new URL(config.publicUrl).origin;
              const probes: LoadProbe[] = [
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
                const r = await loadProbe(probe, {
                  concurrency: 1,
                  roundMs: 10_000,
                  maxRequests: ONE_CLIENT_REQUESTS,
                });
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
                const results = await interleavedLoad(probes, {
                  rounds: ROUNDS,
                  concurrency: CONCURRENCY,
                  roundMs: ROUND_MS,
                  maxRequests: 100_000,
                });
                rows.push(
                  ...rowsAgainstCeiling(
                    results,
                    'bare list',
                    (label) => `${size} products, ${CONCURRENCY} connections, ${label}`,
                  ),
                );
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
  });
  return { benchmark: 'store', target: 'postgres', rows, details };
}
