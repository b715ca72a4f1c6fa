// My Page's contract list for a member with 50 contracts among 100,000, against a bare Hono + pg server on the same rows, interleaved, as ratios.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { startNode } from '../src/runtime.js';
import type { LoadResult } from './http-load.js';
import { loadInChild } from './http-throughput.js';
import { Client, signedInMember } from './member-client.js';
import {
  median,
  onScratch,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
} from './support.js';

const TOTAL_CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 100_000);
const MEMBER_CONTRACTS = 50;
const OTHER_MEMBERS = 2_000;
const CONCURRENCY = 50;
const ROUND_MS = 4_000;
const ROUNDS = 3;

/**
 * The ceiling: Hono and pg answering the same page (the member's 50 rows in index order and their
 * count) with no session, no ORM, no validation and no shaping. The member comes in the query string.
 */
function startBaseline(url: string): Promise<{ url: string; stop(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = new Hono();
  app.get('/contracts', async (c) => {
    const member = c.req.query('member') ?? '';
    const rows = await pool.query(
      'select * from contracts where member_id = $1 order by start_date desc, id desc limit 50',
      [member],
    );
    const total = await pool.query('select count(*)::int as n from contracts where member_id = $1', [member]);
    return c.json({ contracts: rows.rows, total: total.rows[0].n });
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

/**
 * Copies the signed-in member into `OTHER_MEMBERS` look-alikes and writes 100,000 contracts in one
 * statement each: 50 for the member, the rest spread over the others, starts over three years.
 */
async function growContracts(url: string, memberId: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into auth_user
       select (jsonb_populate_record(null::auth_user, to_jsonb(u) || jsonb_build_object(
         'id', 'mem_bench_' || g, 'email', 'mem_bench_' || g || '@members.keiyaku.invalid', 'username', null))).*
       from auth_user u, generate_series(1, $2::int) g where u.id = $1`,
      [memberId, OTHER_MEMBERS],
    );
    await client.query(
      `insert into members
       select (jsonb_populate_record(null::members, to_jsonb(m) || jsonb_build_object(
         'id', 'mem_bench_' || g, 'login_id', 'bench-other-' || g, 'email', 'other' || g || '@example.jp'))).*
       from members m, generate_series(1, $2::int) g where m.id = $1`,
      [memberId, OTHER_MEMBERS],
    );
    const product = await client.query<{ id: string; provider_id: string }>(
      `select id, provider_id from catalog_products where slug = 'cloud-server'`,
    );
    const { id: productId, provider_id: providerId } = product.rows[0]!;
    await client.query(
      `insert into contracts (id, number, member_id, order_id, order_number, order_line_id, product_id,
         provider_id, product_name_ja, product_name_en, plan, term, term_months, quantity, options, pricing,
         term_amount, payment_method, status, start_date, current_term_start, current_term_end,
         minimum_term_months, early_termination, renewal_mode, locale, started_at, updated_at)
       select 'ctr_bench_' || lpad(g::text, 7, '0'), 'C2026-' || lpad(g::text, 7, '0'),
         case when g <= $2 then $1 else 'mem_bench_' || (1 + g % $3) end,
         'ord_bench_' || g, 'K2026-' || lpad(g::text, 7, '0'), 'oln_bench_' || g, $4, $5,
         'クラウドサーバー', 'Cloud server', 'large', 'monthly', 1, 1, '[]'::jsonb,
         '{"lines":[{"kind":"plan","code":"large","labelJa":"ラージ","labelEn":"Large","quantity":1,"unitPrice":19800,"amount":19800,"taxRate":10,"recurring":true}],"monthlyAmount":19800,"termAmount":19800,"oneTimeAmount":0}'::jsonb,
         19800, 'card', 'active', d, d, (d + interval '1 month' - interval '1 day')::date, 0, 'none', 'auto', 'ja', now(), now()
       from generate_series(1, $6::int) g, lateral (select date '2024-01-01' + (g % 1000) as d) s`,
      [memberId, MEMBER_CONTRACTS, OTHER_MEMBERS, productId, providerId, TOTAL_CONTRACTS],
    );
    await client.query('analyze contracts');
  } finally {
    await client.end();
  }
}

interface Probe {
  label: string;
  url: string;
  headers?: Record<string, string>;
}

async function interleaved(probes: Probe[]): Promise<Map<string, LoadResult[]>> {
  const results = new Map<string, LoadResult[]>(probes.map((p) => [p.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const probe of probes) {
      const result = await loadInChild({
        url: probe.url,
        ...(probe.headers ? { headers: probe.headers } : {}),
        concurrency: CONCURRENCY,
        maxRequests: 200_000,
        durationMs: ROUND_MS,
        warmupRequests: 200,
      });
      results.get(probe.label)!.push(result);
      progress(
        `${probe.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99.toFixed(1)} ms`,
      );
    }
  }
  return results;
}

/** The contract list on PostgreSQL (the baseline needs a pg server, so there is no embedded variant). */
export async function contractsPostgres(serverUrl: string): Promise<Section> {
  const name = `keiyaku_bench_contracts_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {
    totalContracts: TOTAL_CONTRACTS,
    memberContracts: MEMBER_CONTRACTS,
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
  };
  try {
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 2 });
    await migrateDatabase(handle, url.toString());
    await seedDemoCatalog(handle.db, { actor: { kind: 'cli', id: 'bench' }, now: Temporal.Now.instant() });
    await handle.close();
    const baseline = await startBaseline(url.toString());
    try {
      await onScratch(
        'contracts-pg',
        (dir) => postgresConfig(url.toString(), dir),
        async (config) => {
          const node = await startNode({ config, role: 'all' });
          try {
            if (!node.url) throw new Error('node did not listen');
            const client = new Client(node.url, new URL(config.publicUrl).origin);
            const memberId = await signedInMember(node, client);
            const grown = performance.now();
            await growContracts(url.toString(), memberId);
            progress(`${TOTAL_CONTRACTS} contracts ready in ${Math.round(performance.now() - grown)} ms`);
            const first = (await client.send('/api/mypage/contracts', 'GET')) as { total?: number };
            if (first.total !== MEMBER_CONTRACTS)
              throw new Error(`expected ${MEMBER_CONTRACTS}, got ${first.total}`);
            const probes: Probe[] = [
              { label: 'bare list', url: `${baseline.url}/contracts?member=${encodeURIComponent(memberId)}` },
              {
                label: 'keiyaku My Page list',
                url: `${node.url}/api/mypage/contracts`,
                headers: { cookie: client.cookieHeader() },
              },
            ];
            const results = await interleaved(probes);
            const bare = median(results.get('bare list')!.map((r) => r.requestsPerSecond));
            for (const [label, runs] of results) {
              const rps = median(runs.map((r) => r.requestsPerSecond));
              const failures = runs.reduce((n, r) => n + r.non2xx + r.errors, 0);
              rows.push({
                metric: `${MEMBER_CONTRACTS} of ${TOTAL_CONTRACTS} contracts, ${CONCURRENCY} connections, ${label}`,
                value: round(rps),
                unit: 'req/s',
                note: `${round((rps / bare) * 100)}% of bare; p50 ${round(median(runs.map((r) => r.p50)))} ms, p99 ${round(median(runs.map((r) => r.p99)))} ms${failures ? `; ${failures} failed` : ''}`,
              });
            }
            details.load = Object.fromEntries(results);
          } finally {
            await node.stop();
          }
        },
      );
    } finally {
      await baseline.stop();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return { benchmark: 'contracts', target: 'postgres', rows, details };
}
