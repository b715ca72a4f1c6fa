// The monthly billing close over N generated contracts on PostgreSQL, as invoices per second next to a raw COPY of the same rows (invoice + lines + ledger entry) in the same run, and peak RSS.
import os from 'node:os';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { closeBillingMonth } from '../src/modules/billing/index.js';
import { withScratchDatabase } from './interleaved-load.js';
import { progress, type ResultRow, round, type Section, timed } from './support.js';

/** `--contracts N` on the command line, else BENCH_BILLING_CONTRACTS, else 100,000. */
export function billingContractCount(argv: readonly string[]): number {
  const at = argv.indexOf('--contracts');
  const given = at >= 0 ? argv[at + 1] : process.env.BENCH_BILLING_CONTRACTS;
  const n = Number(given ?? 100_000);
  return Number.isSafeInteger(n) && n > 0 ? n : 100_000;
}

/** One member per contract, written set-based (what a store with N single-contract members holds). */
async function generate(client: pg.Client, count: number): Promise<void> {
  const [product] = (
    await client.query(`select id, provider_id from catalog_products where slug = 'cloud-server'`)
  ).rows as {
    id: string;
    provider_id: string;
  }[];
  await client.query(
    `insert into auth_user (id, name, email, email_verified, created_at, updated_at)
     select 'mem_b' || lpad(g::text, 8, '0'), '請求', 'b' || g || '@members.keiyaku.invalid', true, now(), now()
     from generate_series(1, $1::int) g`,
    [count],
  );
  await client.query(
    `insert into members (id, login_id, name, name_kana, email, locale, status, terms_version, terms_accepted_at, created_at)
     select 'mem_b' || lpad(g::text, 8, '0'), 'b' || g, '請求', 'セイキュウ', 'b' || g || '@example.jp', 'ja', 'active',
       '2026-04-01', now(), now()
     from generate_series(1, $1::int) g`,
    [count],
  );
  // Monthly contracts starting on a day of March, so each has a term beginning in April; two rates.
  await client.query(
    `insert into contracts (id, number, member_id, order_id, order_number, order_line_id, product_id, provider_id,
       product_name_ja, product_name_en, plan, term, term_months, quantity, options, pricing, term_amount, payment_method,
       status, start_date, current_term_start, current_term_end, minimum_term_months, early_termination, renewal_mode,
       locale, started_at, updated_at)
     select 'ctr_b' || lpad(g::text, 8, '0'), 'CB' || g, 'mem_b' || lpad(g::text, 8, '0'), 'ord_b' || g, 'KB' || g,
       'oln_b' || g, $2, $3, 'クラウドサーバー', 'Cloud server', 'large', '1m', 1, 1, '[]'::jsonb,
       '{"lines":[{"kind":"plan","code":"large","labelJa":"ラージ","labelEn":"Large","quantity":1,"unitPrice":19800,"amount":19800,"taxRate":10,"recurring":true},{"kind":"option","code":"news","labelJa":"ニュース","labelEn":"News","quantity":1,"unitPrice":1255,"amount":1255,"taxRate":8,"recurring":true}],"monthlyAmount":21055,"termAmount":21055,"oneTimeAmount":0}'::jsonb,
       21055, 'card', 'active', date '2026-03-01' + (g % 28), date '2026-03-01' + (g % 28), date '2026-03-31' + (g % 28),
       0, 'none', 'auto', 'ja', now(), now()
     from generate_series(1, $1::int) g`,
    [count, product!.id, product!.provider_id],
  );
  await client.query('analyze');
}

/**
 * The ceiling: the rows the close wrote, exported to files by the server and loaded with COPY into
 * tables shaped like invoices, invoice_lines and receivable_entries (same indexes, no triggers).
 */
async function rawCopy(client: pg.Client): Promise<number> {
  const dir = `/tmp/keiyaku-bench-billing-${String(process.pid)}`;
  await client.query(`copy (select 1) to program 'mkdir -p ${dir}'`);
  for (const table of ['invoices', 'invoice_lines', 'receivable_entries']) {
    await client.query(`copy ${table} to '${dir}/${table}.copy'`);
    await client.query(
      `create table bare_${table} (like ${table} including defaults including indexes including constraints)`,
    );
  }
  const { ms } = await timed(async () => {
    await client.query('begin');
    for (const table of ['invoices', 'invoice_lines', 'receivable_entries']) {
      await client.query(`copy bare_${table} from '${dir}/${table}.copy'`);
    }
    await client.query('commit');
  });
  await client.query(`copy (select 1) to program 'rm -rf ${dir}'`);
  return ms;
}

/** Runs the bench in a scratch database on the server at `serverUrl`. */
export async function billingPostgres(serverUrl: string, count: number): Promise<Section> {
  return withScratchDatabase(serverUrl, 'billing', async (url) => {
    const database = await openDatabase({ kind: 'postgres', url, maxConnections: 4 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await migrateDatabase(database, url);
      const at = Temporal.Instant.from('2026-03-01T00:00:00Z');
      await seedDemoCatalog(database.db, { actor: { kind: 'cli', id: 'bench' }, now: at });
      await client.query(
        `update store_settings set issuer_name = '株式会社キーヤク', registration_number = 'T1020001071491', tax_rounding = 'floor'`,
      );
      progress(`billing: generating ${count.toLocaleString('en-US')} contracts`);
      const generated = await timed(() => generate(client, count));
      progress(`billing: closing 2026-04`);
      const close = await timed(() =>
        closeBillingMonth(database.db, {
          month: '2026-04',
          dryRun: false,
          actor: { kind: 'cli', id: 'bench' },
          now: Temporal.Instant.from('2026-04-01T00:00:00Z'),
          chunkSize: 5000,
        }),
      );
      const invoices = close.result.run.invoiceCount;
      if (invoices !== count)
        throw new Error(`the close wrote ${String(invoices)} invoices for ${String(count)} contracts`);
      const copyMs = await rawCopy(client);
      const closeRate = invoices / (close.ms / 1000);
      const copyRate = invoices / (copyMs / 1000);
      const rssMiB = process.resourceUsage().maxRSS / 1024;
      const rows: ResultRow[] = [
        {
          metric: 'contracts generated',
          value: count,
          unit: 'contracts',
          note: `${round(generated.ms / 1000)} s`,
        },
        {
          metric: 'close',
          value: round(close.ms / 1000),
          unit: 's',
          note: `${String(invoices)} invoices, ${String(close.result.run.lineCount)} lines`,
        },
        { metric: 'close rate', value: Math.round(closeRate), unit: 'invoices/s', note: 'target ≥ 25,000' },
        {
          metric: 'raw COPY rate',
          value: Math.round(copyRate),
          unit: 'invoices/s',
          note: 'same rows: invoice + 2 lines + ledger entry',
        },
        {
          metric: 'close / COPY',
          value: round((closeRate / copyRate) * 100),
          unit: '%',
          note: 'target ≥ 40%',
        },
        {
          metric: 'peak RSS',
          value: Math.round(rssMiB),
          unit: 'MiB',
          note: `load ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')}`,
        },
      ];
      return { benchmark: 'billing close', target: 'postgres', rows };
    } finally {
      await client.end();
      await database.close();
    }
  });
}
