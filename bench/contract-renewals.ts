// The automatic-renewal sweep over 20,000 due contracts (wallet charge, wallet move into the paid term, card renewal) against a bare INSERT … SELECT of the same rows, interleaved per round, as contracts per second and ratios.
import os from 'node:os';
import pg from 'pg';
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../src/context.js';
import { systemClock } from '../src/domain/clock.js';
import { renewDue } from '../src/flows/contract-renewals-sweep.js';
import { seedDemoCatalog } from '../src/flows/seed-demo-catalog.js';
import { createLogger } from '../src/logger.js';
import { createWithdrawalBlockerRegistry } from '../src/modules/identity/index.js';
import {
  devMailboxTransport,
  devSmsTransport,
  systemHostResolver,
} from '../src/modules/notifications/index.js';
import { openStore, startNode } from '../src/runtime.js';
import { resolveSecret } from '../src/secret.js';
import { fullRegistration } from '../test/helpers/registration.js';
import { withScratchDatabase } from './interleaved-load.js';
import { Client } from './member-client.js';
import {
  median,
  onScratch,
  postgresConfig,
  progress,
  type ResultRow,
  round,
  type Section,
  timed,
} from './support.js';

const DUE = Number(process.env.BENCH_RENEWALS ?? 20_000);
const ROUNDS = 3;
/** Wallet contracts renewing on the 5th, terms 2025-09-16 – 2025-12-15: charged on 5 Dec, moved on 16 Dec. */
const chargeDay = Temporal.Instant.from('2025-12-05T09:00:00+09:00');
const firstDay = Temporal.Instant.from('2025-12-16T00:00:00+09:00');

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

/** Writes `DUE` rental-server contracts of one payment method in one statement, their ids prefixed. */
async function growContracts(
  client: pg.Client,
  input: {
    prefix: string;
    method: 'wallet' | 'card';
    memberId: string;
    productId: string;
    providerId: string;
  },
): Promise<void> {
  await client.query(
    `insert into contracts (id, number, member_id, order_id, order_number, order_line_id, product_id,
       provider_id, product_name_ja, product_name_en, plan, term, term_months, quantity, options, pricing,
       term_amount, payment_method, status, start_date, current_term_start, current_term_end,
       minimum_term_months, early_termination, renewal_mode, wallet_renewal_day, locale, started_at, updated_at)
     select $1 || lpad(g::text, 6, '0'), 'B' || $1 || lpad(g::text, 6, '0'), $2,
       'ord_' || $1 || g, 'K' || $1 || g, 'oln_' || $1 || g, $3, $4,
       'レンタルサーバー', 'Rental server', 'x10', '3m', 3, 1, '[]'::jsonb,
       '{"lines":[{"kind":"plan","code":"x10","labelJa":"x10","labelEn":"x10","quantity":1,"unitPrice":3960,"amount":3960,"taxRate":10,"recurring":true}],"monthlyAmount":null,"termAmount":3960,"oneTimeAmount":0}'::jsonb,
       3960, $5, 'active', date '2025-09-16', date '2025-09-16', date '2025-12-15', 0, 'none', 'auto',
       case when $5 = 'wallet' then 5 end, 'ja', now(), now()
     from generate_series(1, $6::int) g`,
    [input.prefix, input.memberId, input.productId, input.providerId, input.method, DUE],
  );
  await client.query('analyze contracts');
}

/**
 * The floor: one INSERT … SELECT writing a paid renewal row for each of the same contracts, with no
 * pricing, history, events or audit, in a transaction rolled back so the sweep finds them due.
 */
async function bareInsertSelect(client: pg.Client, prefix: string): Promise<number> {
  await client.query('begin');
  try {
    const { ms } = await timed(() =>
      client.query(
        `insert into contract_renewals (id, contract_id, member_id, status, how, term, term_months, options,
           pricing, total_amount, term_start, term_end, quoted_at, paid_at)
         select 'crn_bare_' || c.id, c.id, c.member_id, 'paid', 'auto', c.term, c.term_months, c.options,
           c.pricing, 4356, c.current_term_end + 1, (c.current_term_end + interval '3 months')::date, now(), now()
         from contracts c where c.id like $1 || '%'`,
        [prefix],
      ),
    );
    return ms;
  } finally {
    await client.query('rollback');
  }
}

/** The renewal sweep on PostgreSQL (set-based SQL; the embedded database is not the target here). */
export async function contractRenewalsPostgres(serverUrl: string): Promise<Section> {
  const samples: Record<string, number[]> = { bare: [], charge: [], move: [], card: [] };
  const details: Record<string, unknown> = { due: DUE, rounds: ROUNDS, loadAverageAtStart: loadAverage() };
  await withScratchDatabase(serverUrl, 'renewals', async (url) => {
    await onScratch(
      'renewals-pg',
      (dir) => postgresConfig(url, dir),
      async (config) => {
        // A node registers the member the contracts belong to, then stops: its worker must not sweep them.
        const node = await startNode({ config, role: 'all' });
        let memberId: string;
        try {
          if (!node.url) throw new Error('node did not listen');
          const client = new Client(node.url, new URL(config.publicUrl).origin);
          const registered = await client.send(
            '/api/members',
            'POST',
            fullRegistration({ loginId: `bench-${Date.now().toString(36)}`, email: 'renewals@example.jp' }),
          );
          memberId = String(registered.memberId);
        } finally {
          await node.stop();
        }
        const store = await openStore(config, 'bench renewals');
        const ctx: AppContext = {
          config: { ...config, secret: resolveSecret(config) },
          clock: systemClock,
          withdrawalBlockers: createWithdrawalBlockerRegistry(),
          hostResolver: systemHostResolver,
          database: store.database,
          db: store.database.db,
          logger: createLogger('silent'),
          mail: devMailboxTransport(),
          sms: devSmsTransport(),
        };
        const sql = new pg.Client({ connectionString: url });
        await sql.connect();
        try {
          await seedDemoCatalog(ctx.db, { actor: { kind: 'cli', id: 'bench' }, now: Temporal.Now.instant() });
          const product = await sql.query<{ id: string; provider_id: string }>(
            `select id, provider_id from catalog_products where slug = 'rental-server-x10'`,
          );
          const { id: productId, provider_id: providerId } = product.rows[0]!;
          for (let r = 1; r <= ROUNDS; r++) {
            const wallet = `ctr_bw${r}_`;
            await growContracts(sql, { prefix: wallet, method: 'wallet', memberId, productId, providerId });
            samples.bare!.push(await bareInsertSelect(sql, wallet));
            const charge = await timed(() => renewDue(ctx, chargeDay));
            if (charge.result !== DUE) throw new Error(`charged ${charge.result}, expected ${DUE}`);
            samples.charge!.push(charge.ms);
            const move = await timed(() => renewDue(ctx, firstDay));
            if (move.result !== DUE) throw new Error(`moved ${move.result}, expected ${DUE}`);
            samples.move!.push(move.ms);
            const card = `ctr_bc${r}_`;
            await growContracts(sql, { prefix: card, method: 'card', memberId, productId, providerId });
            const renewed = await timed(() => renewDue(ctx, firstDay));
            if (renewed.result !== DUE) throw new Error(`renewed ${renewed.result}, expected ${DUE}`);
            samples.card!.push(renewed.ms);
            progress(
              `round ${r}: bare ${Math.round(samples.bare!.at(-1)!)} ms, charge ${Math.round(charge.ms)} ms, move ${Math.round(move.ms)} ms, card ${Math.round(renewed.ms)} ms`,
            );
          }
        } finally {
          await sql.end();
          await store.close();
        }
      },
    );
  });
  details.loadAverageAtEnd = loadAverage();
  details.samplesMs = samples;
  const perSecond = (ms: number) => (DUE / ms) * 1000;
  const bare = perSecond(median(samples.bare!));
  const load = `load ${(details.loadAverageAtStart as number[]).join(' ')} → ${(details.loadAverageAtEnd as number[]).join(' ')}`;
  const rows: ResultRow[] = [
    {
      metric: 'bare INSERT … SELECT',
      value: round(bare),
      unit: 'contracts/s',
      note: `${DUE} rows, one statement, median of ${ROUNDS}; ${load}`,
    },
  ];
  for (const [key, label] of [
    ['charge', 'wallet charged on its renewal day'],
    ['move', 'wallet moved into its paid term'],
    ['card', 'card renewed after its term'],
  ] as const) {
    const rate = perSecond(median(samples[key]!));
    rows.push({
      metric: label,
      value: round(rate),
      unit: 'contracts/s',
      note: `${DUE} due, batches of 2,000, median of ${ROUNDS}; ${round((rate / bare) * 100)}% of the bare INSERT … SELECT`,
    });
  }
  return { benchmark: 'contract-renewals', target: 'postgres', rows, details };
}
