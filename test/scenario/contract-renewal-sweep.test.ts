// The automatic-renewal sweep as a batch: contract.renewed reaches in-process subscribers with an audit entry per contract, and a contract the catalog no longer prices is switched to renewal by hand while the rest renew.
import { and, asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogPlans, catalogPlanTerms, catalogProducts } from '../../src/db/schema/catalog.js';
import { contractEvents, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import { renewDue } from '../../src/flows/contract-renewals-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { changePaymentMethod } from '../../src/modules/contracts/index.js';
import {
  type ContractRenewedPayload,
  type RecordedDomainEvent,
  registerDomainEventSubscriber,
} from '../../src/modules/events/index.js';
import { confirmLineStart } from '../../src/modules/ordering/index.js';
import { travel } from '../helpers/member-browser.js';
import { registerAndSignIn } from '../helpers/member-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let memberId: string;
/** Rental server x10, 3 months, card, 2025-09-01 – 2025-11-30: renews as it is. */
let keptId: string;
/** The same, whose next term is 6 months, a term the catalog stops offering before the renewal. */
let staleId: string;
/** The same, whose member chose 12 months for the next term and then moved to bank transfer. */
let movedId: string;
/** What the test's subscriber saw of `contract.renewed`, with whether the contract row was already renewed in that transaction. */
const seen: { subjectId: string; how: string; newTerm: unknown; rowTermEnd: string }[] = [];

async function contract(id: string) {
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, id));
  return row!;
}

async function startCard(): Promise<string> {
  const order = await insertTestOrder(t, {
    memberId,
    paymentMethod: 'card',
    lines: [{ productSlug: 'rental-server-x10', plan: 'x10', term: '3m', options: [] }],
  });
  await confirmLineStart(t.ctx.db, {
    orderLineId: order.lineIds[0]!,
    serviceStartDate: '2025-09-01',
    actor: { kind: 'cli', id: 'test' },
    now: t.clock.now(),
  });
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, order.lineIds[0]!));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  memberId = (
    await registerAndSignIn(t, { loginId: 'sweep-member', name: '更新 花子', email: 'sweep@example.jp' })
  ).memberId;
  keptId = await startCard();
  staleId = await startCard();
  movedId = await startCard();
  await t.ctx.db
    .update(contracts)
    .set({ nextTerm: { term: '12m', options: [] } })
    .where(eq(contracts.id, movedId));
  await t.ctx.db
    .update(contracts)
    .set({ nextTerm: { term: '6m', options: [] } })
    .where(eq(contracts.id, staleId));
  registerDomainEventSubscriber({
    name: 'test.contract-renewal-sweep',
    type: 'contract.renewed',
    async handle(tx, event: RecordedDomainEvent<'contract.renewed'>) {
      const payload: ContractRenewedPayload = event.payload;
      const [row] = await tx.select().from(contracts).where(eq(contracts.id, event.subjectId));
      seen.push({
        subjectId: event.subjectId,
        how: payload.how,
        newTerm: payload.newTerm,
        rowTermEnd: row!.currentTermEnd,
      });
    },
  });
  // The 6-month term of x10 is withdrawn from the catalog after the member chose it.
  const [product] = await t.ctx.db
    .select()
    .from(catalogProducts)
    .where(eq(catalogProducts.slug, 'rental-server-x10'));
  const [plan] = await t.ctx.db
    .select()
    .from(catalogPlans)
    .where(and(eq(catalogPlans.productId, product!.id), eq(catalogPlans.code, 'x10')));
  await t.ctx.db
    .delete(catalogPlanTerms)
    .where(and(eq(catalogPlanTerms.planId, plan!.id), eq(catalogPlanTerms.term, '6m')));
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('a card contract with a next-term change moving to bank transfer', () => {
  it('drops the change, which only instructs the automatic renewal, and does not bring it back with the card', async () => {
    const actor = { kind: 'member' as const, id: memberId };
    const input = { contractId: movedId, memberId, actor, now: t.clock.now() };
    expect(await changePaymentMethod(t.ctx.db, { ...input, method: 'bank_transfer' })).toMatchObject({
      paymentMethod: 'bank_transfer',
      renewalMode: 'manual',
      nextTerm: null,
    });
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, movedId), eq(auditLog.action, 'contract.payment_method_changed')));
    expect([audit!.before, audit!.after]).toEqual([
      { paymentMethod: 'card', renewalMode: 'auto', nextTerm: { term: '12m', options: [] } },
      { paymentMethod: 'bank_transfer', renewalMode: 'manual', nextTerm: null },
    ]);
    expect(await changePaymentMethod(t.ctx.db, { ...input, method: 'card' })).toMatchObject({
      paymentMethod: 'card',
      renewalMode: 'auto',
      nextTerm: null,
    });
    // Renewed by hand from here, so the batch below is about the other two.
    await t.ctx.db
      .update(contracts)
      .set({ paymentMethod: 'bank_transfer', renewalMode: 'manual' })
      .where(eq(contracts.id, movedId));
  });
});

describe('the automatic-renewal batch of 1 December 2025', () => {
  it('renews the priceable contract and switches the stale one to renewal by hand, in one pass', async () => {
    const now = Temporal.Instant.from('2025-12-01T00:00:00+09:00');
    expect(await renewDue(t.ctx, now)).toBe(2);
    expect(await contract(keptId)).toMatchObject({
      renewalMode: 'auto',
      term: '3m',
      currentTermStart: '2025-12-01',
      currentTermEnd: '2026-02-28',
    });
    expect(await contract(staleId)).toMatchObject({
      status: 'active',
      renewalMode: 'manual',
      term: '3m',
      nextTerm: null,
      currentTermStart: '2025-09-01',
      currentTermEnd: '2025-11-30',
    });
    // Nothing left to do on a second pass.
    expect(await renewDue(t.ctx, now)).toBe(0);
  });

  it('publishes contract.renewed through the events module, so subscribers run in the renewing transaction', () => {
    expect(seen).toEqual([
      {
        subjectId: keptId,
        how: 'auto',
        newTerm: { term: '3m', start: '2025-12-01', end: '2026-02-28' },
        rowTermEnd: '2026-02-28',
      },
    ]);
  });

  it('audits the renewal with the terms before and after (the order’s price, then the catalog’s ¥3,960)', async () => {
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, keptId), eq(auditLog.action, 'contract.renewed')));
    expect(
      audits.map((a) => [a.actorKind, a.actorId, a.before, a.after, a.reason, a.at.toISOString()]),
    ).toEqual([
      [
        'system',
        null,
        { term: '3m', currentTermStart: '2025-09-01', currentTermEnd: '2025-11-30', termAmount: 8800 },
        { term: '3m', currentTermStart: '2025-12-01', currentTermEnd: '2026-02-28', termAmount: 3960 },
        'automatic renewal',
        '2025-11-30T15:00:00.000Z',
      ],
    ]);
  });

  it('records why the stale contract stopped renewing: history, contract.auto_renewal_stopped and audit', async () => {
    const history = await t.ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, staleId))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id));
    expect(history.at(-1)).toMatchObject({
      kind: 'auto_renewal_stopped',
      actorKind: 'system',
      reason: 'estimate_term_not_offered',
    });
    const events = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.subjectId, staleId))
      .orderBy(asc(domainEvents.id));
    expect(events.map((e) => e.type)).toEqual(['contract.started', 'contract.auto_renewal_stopped']);
    expect(events[1]!.payload).toMatchObject({
      contractId: staleId,
      renewalMode: 'manual',
      currentTermEnd: '2025-11-30',
      attempted: { term: '6m', options: [] },
      reason: 'estimate_term_not_offered',
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, staleId), eq(auditLog.action, 'contract.auto_renewal_stopped')));
    expect(audits.map((a) => [a.actorKind, a.before, a.after, a.reason])).toEqual([
      [
        'system',
        { renewalMode: 'auto', nextTerm: { term: '6m', options: [] } },
        { renewalMode: 'manual', nextTerm: null },
        'estimate_term_not_offered',
      ],
    ]);
  });
});
