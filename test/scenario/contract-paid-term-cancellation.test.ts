// A manual renewal paid ahead, then a cancellation: a paid term that begins on or before the chosen last day is served (the contract moves into it and ends inside it, nothing refunded), whichever sweep runs first; one that begins after the last day is refunded in full.
import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contractRenewals, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { outbox } from '../../src/db/schema/notifications.js';
import { renewDue } from '../../src/flows/contract-renewals-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  applyForCancellation,
  endDueContracts,
  recordRenewalPayment,
  requestRenewal,
} from '../../src/modules/contracts/index.js';
import { contractCancellationCompleteTemplate } from '../../src/modules/notifications/templates/contract-cancellation-complete.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const cli = { kind: 'cli' as const, id: 'test' };
const quoteDay = Temporal.Instant.from('2026-02-02T10:00:00+09:00');
const cancelDay = Temporal.Instant.from('2026-02-10T10:00:00+09:00');
const termBegins = Temporal.Instant.from('2026-04-01T00:30:00+09:00');
const afterLastDay = Temporal.Instant.from('2026-06-01T00:30:00+09:00');

let t: TestApp;
let memberId: string;
/** Accounting desktop package, 6 months, bank transfer: 2025-10-01 – 2026-03-31; renewed for 2026-04-01 – 2027-03-31, paid ahead. */
let servedId: string;
/** The same, but the ending sweep runs on 1 June before any renewal sweep since March. */
let endFirstId: string;
/** The same, cancelled for 31 March, the last day of its current term. */
let refundedId: string;

async function renewals(id: string) {
  return (
    await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, id))
      .orderBy(asc(contractRenewals.termStart))
  ).map((r) => ({
    status: r.status,
    termStart: r.termStart,
    termEnd: r.termEnd,
    total: r.totalAmount,
    refund: r.refundAmount,
    applied: r.appliedAt?.toISOString() ?? null,
  }));
}

async function contract(id: string) {
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, id));
  return row!;
}

async function events(id: string, type: string) {
  return t.ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.subjectId, id), eq(domainEvents.type, type)))
    .orderBy(asc(domainEvents.id));
}

async function completeMail(number: string) {
  const mails = await t.ctx.db
    .select()
    .from(outbox)
    .where(eq(outbox.template, 'contract-cancellation-complete'))
    .orderBy(asc(outbox.id));
  const mine = mails
    .map((m) => contractCancellationCompleteTemplate.payload.parse(m.payload))
    .filter((p) => p.contractNumber === number);
  expect(mine).toHaveLength(1);
  return mine[0]!;
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: cli, now: t.clock.now() });
  ({ memberId } = await registerAndSignIn(t, {
    loginId: 'paid-term-cancel',
    name: '解約 次郎',
    email: 'paid.term@example.jp',
  }));
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod: 'bank_transfer',
      lines: [{ productSlug: 'mirai-accounting-desktop', plan: 'package', term: '6m', options: [] }],
    });
    await confirmLineStart(t.ctx.db, {
      orderLineId: order.lineIds[0]!,
      serviceStartDate: '2025-10-01',
      actor: cli,
      now: t.clock.now(),
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, order.lineIds[0]!));
    ids.push(row!.id);
  }
  [servedId, endFirstId, refundedId] = ids as [string, string, string];
  for (const id of ids) {
    const taken = await requestRenewal(t.ctx.db, {
      contractId: id,
      memberId,
      choice: { term: '12m', options: [] },
      actor: { kind: 'member', id: memberId },
      now: quoteDay,
    });
    await t.ctx.db.transaction((tx) =>
      recordRenewalPayment(tx, {
        contractId: id,
        renewalId: taken.renewalId,
        actor: cli,
        reason: null,
        now: quoteDay,
      }),
    );
  }
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('a manual renewal paid ahead, then cancelled', () => {
  it('each contract has its 12-month term 2026-04-01 – 2027-03-31 paid, ¥26,400, before 31 March', async () => {
    for (const id of [servedId, endFirstId, refundedId]) {
      expect(await contract(id)).toMatchObject({
        status: 'active',
        currentTermStart: '2025-10-01',
        currentTermEnd: '2026-03-31',
      });
      expect(await renewals(id)).toEqual([
        {
          status: 'paid',
          termStart: '2026-04-01',
          termEnd: '2027-03-31',
          total: 26400n,
          refund: null,
          applied: null,
        },
      ]);
    }
  });

  it('accepts cancellations on 10 February for 31 May (inside the paid term) and 31 March (before it)', async () => {
    for (const [id, endDate] of [
      [servedId, '2026-05-31'],
      [endFirstId, '2026-05-31'],
      [refundedId, '2026-03-31'],
    ] as const) {
      const view = await applyForCancellation(t.ctx.db, {
        contractId: id,
        memberId,
        endDate,
        actor: { kind: 'member', id: memberId },
        now: cancelDay,
      });
      expect(view).toMatchObject({ state: 'scheduled', effectiveDate: endDate });
    }
  });

  it('on 1 April the renewal sweep moves the contract cancelled for 31 May into its paid term; the one ending 31 March stays', async () => {
    // Only servedId is swept here: endFirstId is left for the ending sweep alone (below), so it is moved back after.
    await t.ctx.db.update(contracts).set({ endDate: '2026-03-31' }).where(eq(contracts.id, endFirstId));
    expect(await renewDue(t.ctx, termBegins)).toBe(1);
    await t.ctx.db.update(contracts).set({ endDate: '2026-05-31' }).where(eq(contracts.id, endFirstId));
    expect(await contract(servedId)).toMatchObject({
      status: 'cancellation_scheduled',
      currentTermStart: '2026-04-01',
      currentTermEnd: '2027-03-31',
      endDate: '2026-05-31',
    });
    expect(await renewals(servedId)).toEqual([
      {
        status: 'paid',
        termStart: '2026-04-01',
        termEnd: '2027-03-31',
        total: 26400n,
        refund: null,
        applied: '2026-03-31T15:30:00.000Z',
      },
    ]);
    expect(await events(servedId, 'contract.renewed')).toHaveLength(1);
  });

  it('ends the contract cancelled for 31 March on 1 April and refunds its paid term ¥26,400 in full', async () => {
    expect(await endDueContracts(t.ctx.db, { now: termBegins })).toBe(1);
    expect(await contract(refundedId)).toMatchObject({
      status: 'ended',
      currentTermEnd: '2026-03-31',
      endDate: '2026-03-31',
    });
    expect(await renewals(refundedId)).toEqual([
      {
        status: 'cancelled',
        termStart: '2026-04-01',
        termEnd: '2027-03-31',
        total: 26400n,
        refund: 26400n,
        applied: null,
      },
    ]);
    expect((await events(refundedId, 'contract.renewal_refunded')).map((e) => e.payload)).toMatchObject([
      { how: 'manual', amount: 26400, termStart: '2026-04-01', termEnd: '2027-03-31', endDate: '2026-03-31' },
    ]);
    const mail = await completeMail((await contract(refundedId)).number);
    expect(mail.refunds).toEqual([
      { how: 'manual', amount: 26400, termStart: '2026-04-01', termEnd: '2027-03-31' },
    ]);
  });

  it('on 1 June ends both contracts cancelled for 31 May inside their paid terms, refunding nothing', async () => {
    // No renewal sweep since March: the ending sweep moves endFirstId into its paid term itself.
    expect(await endDueContracts(t.ctx.db, { now: afterLastDay })).toBe(2);
    for (const id of [servedId, endFirstId]) {
      expect(await contract(id)).toMatchObject({
        status: 'ended',
        currentTermStart: '2026-04-01',
        currentTermEnd: '2027-03-31',
        endDate: '2026-05-31',
      });
      const [paid] = await renewals(id);
      expect(paid).toMatchObject({ status: 'paid', refund: null, termStart: '2026-04-01', total: 26400n });
      expect(paid!.applied).not.toBeNull();
      expect(await events(id, 'contract.renewal_refunded')).toEqual([]);
      expect(await events(id, 'contract.renewed')).toHaveLength(1);
      expect((await events(id, 'contract.ended')).map((e) => e.payload)).toMatchObject([
        { endDate: '2026-05-31', currentTermStart: '2026-04-01', currentTermEnd: '2027-03-31' },
      ]);
      expect((await completeMail((await contract(id)).number)).refunds).toEqual([]);
    }
    expect((await renewals(endFirstId))[0]!.applied).toBe('2026-05-31T15:30:00.000Z');
    expect(await renewDue(t.ctx, afterLastDay)).toBe(0);
    expect(await endDueContracts(t.ctx.db, { now: afterLastDay })).toBe(0);
  });
});
