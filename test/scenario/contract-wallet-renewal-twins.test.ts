// Wallet renewals under concurrency: two sweeps at once charge each contract once on its renewal day and move it once after its term, the unique index stops a sweep that read before the other committed, and the SQL renewal date is the domain rule's.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contractRenewals, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { walletAutoRenewalDate } from '../../src/domain/contract-rules.js';
import { renewDue } from '../../src/flows/contract-renewals-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { queryRows } from '../../src/modules/contracts/query-rows.js';
import { recordWalletRenewals } from '../../src/modules/contracts/record-wallet-renewals.js';
import { walletRenewalDateSql } from '../../src/modules/contracts/wallet-renewal-date-sql.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
/** Wallet contracts renewing on the 5th, their terms 2025-09-16 – 2025-12-15. */
const COUNT = 12;
const chargeDay = Temporal.Instant.from('2025-12-05T09:00:00+09:00');
const firstDay = Temporal.Instant.from('2025-12-16T00:00:00+09:00');

let t: TestApp;
let ids: string[] = [];

async function autoRenewals() {
  return t.ctx.db
    .select()
    .from(contractRenewals)
    .where(and(inArray(contractRenewals.contractId, ids), eq(contractRenewals.how, 'auto')))
    .orderBy(asc(contractRenewals.contractId), asc(contractRenewals.termStart));
}

async function renewedEvents() {
  return t.ctx.db
    .select()
    .from(domainEvents)
    .where(and(inArray(domainEvents.subjectId, ids), eq(domainEvents.type, 'contract.renewed')))
    .orderBy(asc(domainEvents.subjectId), asc(domainEvents.id));
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  const { memberId } = await registerAndSignIn(t, {
    loginId: 'wallet-twins',
    name: '前払 次郎',
    email: 'wallet.twins@example.jp',
  });
  for (let i = 0; i < COUNT; i++) {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod: 'wallet',
      lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '3m', options: [] }],
    });
    await confirmLineStart(t.ctx.db, {
      orderLineId: order.lineIds[0]!,
      serviceStartDate: '2025-09-16',
      actor: { kind: 'cli', id: 'test' },
      now: t.clock.now(),
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, order.lineIds[0]!));
    ids.push(row!.id);
  }
  ids = ids.sort();
  await t.ctx.db.update(contracts).set({ walletRenewalDay: 5 }).where(inArray(contracts.id, ids));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the renewal date in SQL', () => {
  it('is walletAutoRenewalDate for every term end of 2025–2028 and every renewal day', async () => {
    const rows = await queryRows<{ term_end: string; day: number; renewal: string }>(
      t.ctx.db,
      sql`select d::date::text as term_end, day,
                 ${walletRenewalDateSql(sql`d::date`, sql`day`)}::text as renewal
          from generate_series('2025-01-01'::date, '2028-12-31'::date, interval '1 day') as d,
               unnest(array[5, 10, 15, 20, 25]) as day
          order by d, day`,
    );
    expect(rows).toHaveLength(1461 * 5);
    const wrong = rows.filter(
      (r) => walletAutoRenewalDate(Temporal.PlainDate.from(r.term_end), r.day).toString() !== r.renewal,
    );
    expect(wrong).toEqual([]);
  });
});

describe('two sweeps at once', () => {
  it.skipIf(!onPostgres)(
    'charge each contract once on 5 Dec and move it once on 16 Dec (PostgreSQL only: PGlite has one connection)',
    async () => {
      const charged = await Promise.all([renewDue(t.ctx, chargeDay, 3), renewDue(t.ctx, chargeDay, 3)]);
      expect(charged[0] + charged[1]).toBe(COUNT);
      expect((await autoRenewals()).map((r) => [r.contractId, r.termStart, r.totalAmount])).toEqual(
        ids.map((id) => [id, '2025-12-16', 4356n]),
      );
      const moved = await Promise.all([renewDue(t.ctx, firstDay, 3), renewDue(t.ctx, firstDay, 3)]);
      expect(moved[0] + moved[1]).toBe(COUNT);
      const rows = await t.ctx.db
        .select()
        .from(contracts)
        .where(inArray(contracts.id, ids))
        .orderBy(asc(contracts.id));
      expect(rows.map((r) => [r.id, r.currentTermStart, r.currentTermEnd])).toEqual(
        ids.map((id) => [id, '2025-12-16', '2026-03-15']),
      );
      expect((await renewedEvents()).map((e) => e.subjectId)).toEqual(ids);
    },
  );
});

describe('a sweep that read the contracts before another sweep committed their charge', () => {
  it('writes and publishes nothing: one renewal per contract and term is the unique index’s last word', async () => {
    // On PGlite the charge happens here; on PostgreSQL the twins above did it and this finds nothing.
    expect(await renewDue(t.ctx, chargeDay)).toBe(onPostgres ? 0 : COUNT);
    const charged = await autoRenewals();
    expect(charged).toHaveLength(COUNT);
    const late = await t.ctx.db.transaction(async (tx) =>
      recordWalletRenewals(tx, {
        pricings: [charged[0]!.pricing],
        now: chargeDay,
        rows: ids.map((contractId) => ({
          contractId,
          term: '3m',
          termMonths: 3,
          options: [],
          pricing: 0,
          total: 4356,
          start: '2025-12-16',
          end: '2026-03-15',
        })),
      }),
    );
    expect(late).toEqual([]);
    expect((await autoRenewals()).map((r) => r.id)).toEqual(charged.map((r) => r.id));
    expect(await renewDue(t.ctx, firstDay)).toBe(onPostgres ? 0 : COUNT);
    const events = await renewedEvents();
    expect(events.map((e) => [e.subjectId, e.occurredAt.toISOString()])).toEqual(
      ids.map((id) => [id, '2025-12-05T00:00:00.000Z']),
    );
  });
});
