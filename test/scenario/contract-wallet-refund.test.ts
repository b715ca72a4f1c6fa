// A wallet contract cancelled after its next term was charged (seed 002: the renewal is charged on the renewal day, before the term ends): the term it never reaches is refunded in full when it ends, once, even when two cancellations and two end sweeps run at once.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { contractEvents, contractRenewals, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { renewDue } from '../../src/flows/contract-renewals-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { applyForCancellation, endDueContracts } from '../../src/modules/contracts/index.js';
import { contractCancellationCompleteTemplate } from '../../src/modules/notifications/templates/contract-cancellation-complete.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const chargeDay = Temporal.Instant.from('2025-12-05T09:00:00+09:00');
const applyDay = Temporal.Instant.from('2025-12-06T10:00:00+09:00');
const firstDay = Temporal.Instant.from('2025-12-16T00:30:00+09:00');

let t: TestApp;
let memberId: string;
/** Wallet, renewal day 5, term 2025-09-16 – 2025-12-15: charged 5 Dec, cancelled on 6 Dec for 15 Dec. */
let cancelledId: string;
/** The same, cancelled by two applications at once (PostgreSQL) and ended by two sweeps at once. */
let twinId: string;
/** The same, not cancelled: moves into its paid term and keeps it. */
let keptId: string;

async function paidTerms(id: string) {
  return (
    await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, id))
      .orderBy(asc(contractRenewals.termStart))
  ).map((r) => ({
    how: r.how,
    status: r.status,
    termStart: r.termStart,
    termEnd: r.termEnd,
    total: r.totalAmount,
    refund: r.refundAmount,
    refundedAt: r.refundedAt?.toISOString() ?? null,
    applied: r.appliedAt !== null,
  }));
}

async function refundEvents(id: string) {
  return t.ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.subjectId, id), eq(domainEvents.type, 'contract.renewal_refunded')))
    .orderBy(asc(domainEvents.id));
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  ({ memberId } = await registerAndSignIn(t, {
    loginId: 'wallet-refund',
    name: '返金 花子',
    email: 'wallet.refund@example.jp',
  }));
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
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
  [cancelledId, twinId, keptId] = ids as [string, string, string];
  await t.ctx.db.update(contracts).set({ walletRenewalDay: 5 }).where(inArray(contracts.id, ids));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('a wallet contract cancelled after its renewal charge', () => {
  it('is charged ¥4,356 for 2025-12-16 – 2026-03-15 on 5 Dec, like every wallet contract', async () => {
    expect(await renewDue(t.ctx, chargeDay)).toBe(3);
    for (const id of [cancelledId, twinId, keptId]) {
      expect(await paidTerms(id)).toEqual([
        {
          how: 'auto',
          status: 'paid',
          termStart: '2025-12-16',
          termEnd: '2026-03-15',
          total: 4356n,
          refund: null,
          refundedAt: null,
          applied: false,
        },
      ]);
    }
  });

  it('applies for cancellation on 6 Dec with 15 Dec as the last day: the paid term stays paid until the end', async () => {
    const view = await applyForCancellation(t.ctx.db, {
      contractId: cancelledId,
      memberId,
      endDate: '2025-12-15',
      actor: { kind: 'member', id: memberId },
      now: applyDay,
    });
    expect(view).toMatchObject({ state: 'scheduled', effectiveDate: '2025-12-15' });
    expect((await paidTerms(cancelledId))[0]).toMatchObject({ status: 'paid', refund: null });
  });

  it('two applications at once for the twin make one (PostgreSQL: PGlite has one connection)', async () => {
    const apply = () =>
      applyForCancellation(t.ctx.db, {
        contractId: twinId,
        memberId,
        endDate: '2025-12-15',
        actor: { kind: 'member', id: memberId },
        now: applyDay,
      }).then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      );
    const results = onPostgres ? await Promise.all([apply(), apply()]) : [await apply(), await apply()];
    expect(results.sort()).toEqual(['contract_cancellation_already_applied', 'ok']);
  });

  it('on 16 Dec ends both cancelled contracts, refunds each ¥4,356 once, and moves the other into its paid term', async () => {
    // Renewals first (as the store clock runs them): the cancelled contracts do not move into the paid term.
    expect(await renewDue(t.ctx, firstDay)).toBe(1);
    const ended = onPostgres
      ? await Promise.all([
          endDueContracts(t.ctx.db, { now: firstDay }),
          endDueContracts(t.ctx.db, { now: firstDay }),
        ])
      : [
          await endDueContracts(t.ctx.db, { now: firstDay }),
          await endDueContracts(t.ctx.db, { now: firstDay }),
        ];
    expect(ended[0]! + ended[1]!).toBe(2);
    for (const id of [cancelledId, twinId]) {
      const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, id));
      expect(row).toMatchObject({ status: 'ended', currentTermEnd: '2025-12-15', endDate: '2025-12-15' });
      expect(await paidTerms(id)).toEqual([
        {
          how: 'auto',
          status: 'cancelled',
          termStart: '2025-12-16',
          termEnd: '2026-03-15',
          total: 4356n,
          refund: 4356n,
          refundedAt: '2025-12-15T15:30:00.000Z',
          applied: false,
        },
      ]);
      const events = await refundEvents(id);
      expect(events).toHaveLength(1);
      expect(events[0]!.payload).toMatchObject({
        contractId: id,
        how: 'auto',
        amount: 4356,
        termStart: '2025-12-16',
        termEnd: '2026-03-15',
        endDate: '2025-12-15',
        paymentMethod: 'wallet',
      });
      const steps = await t.ctx.db
        .select()
        .from(contractEvents)
        .where(and(eq(contractEvents.contractId, id), eq(contractEvents.kind, 'renewal_refunded')));
      expect(steps).toHaveLength(1);
      const audits = await t.ctx.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'contract.renewal_refunded')));
      expect(audits.map((a) => [a.actorKind, (a.after as { amount: number }).amount])).toEqual([
        ['system', 4356],
      ]);
    }
    const [kept] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, keptId));
    expect(kept).toMatchObject({
      status: 'active',
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-03-15',
    });
    expect(await paidTerms(keptId)).toMatchObject([{ status: 'paid', refund: null, applied: true }]);
    expect(await refundEvents(keptId)).toEqual([]);
  });

  it('tells the member in the 解約完了 mail what is refunded, in exact yen', async () => {
    const mails = await t.ctx.db
      .select()
      .from(outbox)
      .where(eq(outbox.template, 'contract-cancellation-complete'))
      .orderBy(asc(outbox.id));
    expect(mails).toHaveLength(2);
    const payload = contractCancellationCompleteTemplate.payload.parse(mails[0]!.payload);
    expect(payload.refunds).toEqual([
      { how: 'auto', amount: 4356, termStart: '2025-12-16', termEnd: '2026-03-15' },
    ]);
    const store = {
      name: 'デモストア',
      email: 'a@example.jp',
      phone: '0',
      businessHours: '-',
      publicUrl: 'http://x',
    };
    expect(contractCancellationCompleteTemplate.render('ja', payload, store).text).toContain(
      'お支払い済みの次回契約期間（2025年12月16日〜2026年3月15日）はご利用前のため、¥4,356（税込）をポイント（ウォレット）へ返金いたします。',
    );
    expect(contractCancellationCompleteTemplate.render('en', payload, store).text).toContain(
      '¥4,356 (tax included) is refunded to your prepaid wallet.',
    );
  });

  it('a second end sweep finds nothing and refunds nothing again', async () => {
    expect(await endDueContracts(t.ctx.db, { now: firstDay.add({ hours: 24 }) })).toBe(0);
    expect(await refundEvents(cancelledId)).toHaveLength(1);
    expect(await refundEvents(twinId)).toHaveLength(1);
  });
});
