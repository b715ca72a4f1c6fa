// The licence API's validate (desktop products asking at start-up) with 1M licences on PostgreSQL, against a bare Hono + pg lookup of the same rows, interleaved, as validations/s and latency.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { startNode } from '../src/runtime.js';
import {
  type Ceiling,
  interleavedLoad,
  type LoadProbe,
  rowsAgainstCeiling,
  serveCeiling,
  withScratchDatabase,
} from './interleaved-load.js';
import { BENCH_SECRET, onScratch, progress, type ResultRow, type Section } from './support.js';

const TOTAL_LICENCES = Number(process.env.BENCH_LICENCES ?? 1_000_000);
/** Licences asked in turn: enough that none passes its per-number limit (60 / 10 min) in a run. */
const ASKED_LICENCES = Math.min(TOTAL_LICENCES, 20_000);
const CONCURRENCY = 50;
const ROUND_MS = 4_000;
const ROUNDS = 3;

function numberOf(n: number): string {
  const digits = String(n).padStart(12, '0');
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
}

function keyOf(n: number): string {
  return `BK${String(n).padStart(10, '0')}`;
}

/**
 * The ceiling: Hono and pg finding the licence by its number and comparing the key's hash, with no
 * validation, no rate limit, no row lock, no machine row, no verdict and no signature.
 */
function startBaseline(url: string): Promise<Ceiling> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = new Hono();
  app.post('/validate', async (c) => {
    const body = (await c.req.json()) as { registrationNumber: string; installKey: string };
    const rows = await pool.query(
      'select id, install_key_hash, valid_until, edition from licences where registration_number = $1',
      [body.registrationNumber],
    );
    const hash = createHash('sha256').update(body.installKey).digest('hex');
    const row = rows.rows[0];
    return c.json({
      code: row && row.install_key_hash === hash ? 'valid' : 'not_found',
      validUntil: row?.valid_until,
    });
  });
  return serveCeiling(app, pool);
}

/** Writes `TOTAL_LICENCES` imported package licences of the demo software product in one statement. */
async function growLicences(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const product = await client.query<{ id: string }>(
      `select id from catalog_products where slug = 'mirai-accounting-desktop'`,
    );
    await client.query(
      `insert into licences (id, contract_id, member_id, product_id, registration_number, install_key_hash,
         edition, machine_limit, contract_status, valid_until, updates_allowed_until, created_at, updated_at)
       select 'lic_bench_' || g, null, null, $1,
         substr(lpad(g::text, 12, '0'), 1, 4) || '-' || substr(lpad(g::text, 12, '0'), 5, 4) || '-' || substr(lpad(g::text, 12, '0'), 9, 4),
         encode(sha256(convert_to('BK' || lpad(g::text, 10, '0'), 'UTF8')), 'hex'),
         case when g % 5 = 0 then 'download' else 'package' end, 2, 'active',
         date '2099-03-31', date '2099-03-31', now(), now()
       from generate_series(1, $2::int) g`,
      [product.rows[0]!.id, TOTAL_LICENCES],
    );
    await client.query('analyze licences');
  } finally {
    await client.end();
  }
}

/** Validation bodies for `ASKED_LICENCES` licences spread over the whole table, one machine each. */
function bodies(): string[] {
  const step = Math.max(1, Math.floor(TOTAL_LICENCES / ASKED_LICENCES));
  return Array.from({ length: ASKED_LICENCES }, (_, i) => {
    const n = 1 + i * step;
    return JSON.stringify({
      registrationNumber: numberOf(n),
      installKey: keyOf(n),
      machineFingerprint: `bench-machine-${n}`,
      productVersion: '2026.1.0',
    });
  });
}

/** Validate on PostgreSQL (the baseline needs a pg server, so there is no embedded variant). */
export async function licencesPostgres(serverUrl: string): Promise<Section> {
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {
    totalLicences: TOTAL_LICENCES,
    askedLicences: ASKED_LICENCES,
    concurrency: CONCURRENCY,
    roundMs: ROUND_MS,
    rounds: ROUNDS,
  };
  await withScratchDatabase(serverUrl, 'licences', async (url) => {
    const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
    await migrateDatabase(handle, url);
    await seedDemoCatalog(handle.db, { actor: { kind: 'cli', id: 'bench' }, now: Temporal.Now.instant() });
    await handle.close();
    const grown = performance.now();
    await growLicences(url);
    progress(`${TOTAL_LICENCES} licences ready in ${Math.round(performance.now() - grown)} ms`);
    const baseline = await startBaseline(url);
    try {
      await onScratch(
        'licences-pg',
        // Products ask from many addresses: the node takes each request's address from X-Forwarded-For.
        (dir) =>
          loadConfig({
            DATABASE_URL: url,
            SECRET: BENCH_SECRET,
            DATA_DIR: dir,
            PORT: '0',
            LOG_LEVEL: 'silent',
            TRUST_PROXY: 'true',
          }),
        async (config) => {
          const node = await startNode({ config, role: 'all' });
          try {
            if (!node.url) throw new Error('node did not listen');
            const asked = bodies();
            const first = await fetch(`${node.url}/api/license/v1/validate`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: asked[0],
            });
            const answer = (await first.json()) as { code?: string };
            if (answer.code !== 'valid') throw new Error(`expected valid, got ${JSON.stringify(answer)}`);
            const probes: LoadProbe[] = [
              { label: 'bare lookup', url: `${baseline.url}/validate`, bodies: asked },
              {
                label: 'keiyaku validate',
                url: `${node.url}/api/license/v1/validate`,
                bodies: asked,
                spreadAddresses: true,
              },
            ];
            const results = await interleavedLoad(probes, {
              rounds: ROUNDS,
              concurrency: CONCURRENCY,
              roundMs: ROUND_MS,
              maxRequests: 200_000,
            });
            rows.push(
              ...rowsAgainstCeiling(
                results,
                'bare lookup',
                (label) => `validate among ${TOTAL_LICENCES} licences, ${CONCURRENCY} connections, ${label}`,
              ),
            );
            details.load = Object.fromEntries(results);
          } finally {
            await node.stop();
          }
        },
      );
    } finally {
      await baseline.stop();
    }
  });
  return { benchmark: 'licences', target: 'postgres', rows, details };
}
