// Contracts under concurrency on PostgreSQL: twins of one start make one contract and take one number; twins of one cancellation make one.
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contractNumberCounters, contractRequests, contracts } from '../../src/db/schema/contracts.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { applyForCancellation, openContract } from '../../src/modules/contracts/index.js';
import type { OrderLineStartedPayload, RecordedDomainEvent } from '../../src/modules/events/index.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let memberId: string;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  ({ memberId } = await registerAndSignIn(t, {
    loginId: 'twin-member',
    name: '双子 一郎',
    email: 'twin@example.jp',
  }));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

/** Waits until at least `n` other backends of this database wait for a lock. */
async function waitForLockWaiters(holder: pg.Client, n: number): Promise<number> {
  let waiting = 0;
  for (let i = 0; i < 2400 && waiting < n; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const { rows } = await holder.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    waiting = Number(rows[0]!.n);
  }
  return waiting;
}

describe.skipIf(!process.env.DATABASE_URL)(
  'concurrent openings (PostgreSQL only: PGlite runs one transaction at a time, so it would prove nothing)',
  () => {
    it('opens one contract for four deliveries of the same start at once, and takes one number', async () => {
      const order = await insertTestOrder(t, {
        memberId,
        paymentMethod: 'card',
        lines: [{ productSlug: 'mirai-groupware', plan: 'business', term: '12m', quantity: 5 }],
      });
      const payload: OrderLineStartedPayload = {
        orderId: order.orderId,
        orderLineId: order.lineIds[0]!,
        memberId,
        serviceStartDate: '2026-04-15',
        orderNumber: order.number,
        productId: (await t.ctx.db.query.catalogProducts.findFirst({
          where: (p, { eq: is }) => is(p.slug, 'mirai-groupware'),
        }))!.id,
        providerId: 'prv_x',
        productNameJa: 'ミライ グループウェア',
        productNameEn: 'Mirai Groupware',
        plan: 'business',
        term: '12m',
        quantity: 5,
        options: [],
        pricing: { lines: [], monthlyAmount: null, termAmount: 44000, oneTimeAmount: 0 },
        paymentMethod: 'card',
        isTrial: false,
        trialDays: null,
        locale: 'ja',
        startedBy: { kind: 'operator', id: null },
      };
      const event: RecordedDomainEvent<'order.line.started'> = {
        id: 'evt_twin',
        type: 'order.line.started',
        subjectId: payload.orderLineId,
        payload,
        at: t.clock.now(),
      };
      await t.ctx.db
        .insert(contractNumberCounters)
        .values({ year: 2026, lastSequence: 0 })
        .onConflictDoNothing();
      const holder = new pg.Client({ connectionString: t.database.url! });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM contract_number_counters WHERE year = $1 FOR UPDATE', [2026]);
      const twins = Array.from({ length: 4 }, () => t.ctx.db.transaction((tx) => openContract(tx, event)));
      expect(await waitForLockWaiters(holder, 2)).toBeGreaterThanOrEqual(2);
      await holder.query('COMMIT');
      await holder.end();
      const results = await Promise.all(twins);
      expect(results.filter((r) => r.opened)).toHaveLength(1);
      expect(new Set(results.map((r) => r.contractId)).size).toBe(1);
      const rows = await t.ctx.db
        .select()
        .from(contracts)
        .where(eq(contracts.orderLineId, payload.orderLineId));
      expect(rows.map((r) => r.number)).toEqual(['C2026-000001']);
      const [counter] = await t.ctx.db
        .select()
        .from(contractNumberCounters)
        .where(eq(contractNumberCounters.year, 2026));
      expect(counter!.lastSequence).toBe(1);
    });

    it('opens one contract when three operators start the same line at once', async () => {
      const order = await insertTestOrder(t, {
        memberId,
        lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '12m' }],
      });
      const lineId = order.lineIds[0]!;
      const starts = Array.from({ length: 3 }, () =>
        confirmLineStart(t.ctx.db, {
          orderLineId: lineId,
          serviceStartDate: '2026-04-15',
          actor: { kind: 'operator', id: null },
          now: t.clock.now(),
        }).then(
          () => 'started',
          (error: { code?: string }) => error.code ?? 'error',
        ),
      );
      const outcomes = (await Promise.all(starts)).sort();
      expect(outcomes).toEqual([
        'order_line_transition_not_allowed',
        'order_line_transition_not_allowed',
        'started',
      ]);
      const rows = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, lineId));
      expect(rows.map((r) => [r.number, r.renewalMode, r.currentTermEnd])).toEqual([
        ['C2026-000002', 'manual', '2027-04-14'],
      ]);
    });

    it('makes one cancellation of two applications at once: the other is refused as already applied', async () => {
      const order = await insertTestOrder(t, {
        memberId,
        lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '12m' }],
      });
      await confirmLineStart(t.ctx.db, {
        orderLineId: order.lineIds[0]!,
        serviceStartDate: '2026-04-02',
        actor: { kind: 'operator', id: null },
        now: t.clock.now(),
      });
      const [contract] = await t.ctx.db
        .select()
        .from(contracts)
        .where(eq(contracts.orderLineId, order.lineIds[0]!));
      const holder = new pg.Client({ connectionString: t.database.url! });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM contracts WHERE id = $1 FOR UPDATE', [contract!.id]);
      const twins = Array.from({ length: 2 }, () =>
        applyForCancellation(t.ctx.db, {
          contractId: contract!.id,
          memberId,
          endDate: '2026-10-31',
          actor: { kind: 'member', id: memberId },
          now: t.clock.now(),
        }).then(
          (request) => request.state,
          (error: { code?: string }) => error.code ?? 'error',
        ),
      );
      expect(await waitForLockWaiters(holder, 2)).toBeGreaterThanOrEqual(2);
      await holder.query('COMMIT');
      await holder.end();
      expect((await Promise.all(twins)).sort()).toEqual([
        'contract_cancellation_already_applied',
        'scheduled',
      ]);
      const requests = await t.ctx.db
        .select({ state: contractRequests.state, effectiveDate: contractRequests.effectiveDate })
        .from(contractRequests)
        .where(eq(contractRequests.contractId, contract!.id));
      expect(requests).toEqual([{ state: 'scheduled', effectiveDate: '2026-10-31' }]);
      const [after] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, contract!.id));
      expect([after!.status, after!.endDate]).toEqual(['cancellation_scheduled', '2026-10-31']);
    });
  },
);
