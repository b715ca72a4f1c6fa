// Prepaid wallet renewals through the store clock (seed 002: 自動更新日 5/10/15/20/25, changes until 4 days before): the next term is charged on the renewal day, before the term ends, and begins the day after the term ends.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogPlans, catalogPlanTerms, catalogProducts } from '../../src/db/schema/catalog.js';
import { contractEvents, contractRenewals, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import type { OrderLinePricingRow } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { listDevMailbox } from '../../src/modules/notifications/index.js';
import { travel } from '../helpers/member-browser.js';
import { Browser, memberTestPassword, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const email = 'wallet.member@example.jp';
const loginId = 'wallet-member';

let t: TestApp;
let owner: SignedInOperator;
let memberId: string;
/** The member's browser, signed in again after each move (a move of weeks outlives the session). */
let member: Browser | null = null;

/** Rental server x10, 3 months, prepaid points, 2025-09-16 – 2025-12-15; the member moves its renewal day to the 5th. */
let fifthId: string;
/** The same, keeping the default renewal day, the 25th: after the 15th, so it renews on 25 November. */
let twentyFifthId: string;
/** Rental server x10, 3 months, card, 2025-09-16 – 2025-12-15: renewed the day after its term, as before. */
let cardId: string;

const x10ThreeMonths: OrderLinePricingRow = {
  lines: [
    {
      kind: 'plan',
      code: 'x10',
      labelJa: 'x10',
      labelEn: 'x10',
      quantity: 1,
      unitPrice: 3960,
      amount: 3960,
      taxRate: 10,
      recurring: true,
    },
  ],
  monthlyAmount: null,
  termAmount: 3960,
  oneTimeAmount: 0,
};

async function move(to: string): Promise<Record<string, number>> {
  const res = await owner.browser.send('/api/admin/test-clock', 'POST', { to });
  expect(res.status).toBe(200);
  member = null;
  const body = (await res.json()) as { sweeps: { name: string; count: number }[] };
  return Object.fromEntries(body.sweeps.map((s) => [s.name, s.count]));
}

const codePattern = /(?:コード|code is): (\d{6})/;

/** The member's browser, signing in with the password and the mailed code when the last move ended the session. */
async function me(): Promise<Browser> {
  if (member) return member;
  const browser = new Browser(t);
  const codeMails = async () =>
    (await listDevMailbox(t.ctx.db, 1000)).filter((m) => m.to === email && codePattern.test(m.text));
  const seen = new Set((await codeMails()).map((m) => m.outboxId));
  expect(
    (await browser.send('/api/sessions', 'POST', { loginId, password: memberTestPassword })).status,
  ).toBe(202);
  // Other mails reach the address meanwhile: wait for the new one with a code.
  let code: string | undefined;
  for (let i = 0; i < 1200 && code === undefined; i++) {
    const fresh = (await codeMails()).find((m) => !seen.has(m.outboxId));
    if (fresh) code = codePattern.exec(fresh.text)![1]!;
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (code === undefined) throw new Error(`expected a sign-in code mail to ${email}`);
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
  member = browser;
  return browser;
}

async function call(
  path: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await (await me()).send(path, method, body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function contract(id: string) {
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, id));
  return row!;
}

async function renewals(id: string) {
  return (
    await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, id))
      .orderBy(asc(contractRenewals.termStart))
  ).map((r) => ({
    how: r.how,
    status: r.status,
    term: r.term,
    termStart: r.termStart,
    termEnd: r.termEnd,
    total: r.totalAmount,
    termAmount: r.pricing.termAmount,
    paidAt: r.paidAt?.toISOString() ?? null,
    applied: r.appliedAt?.toISOString() ?? null,
  }));
}

async function renewedEvents(id: string) {
  return t.ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.subjectId, id), eq(domainEvents.type, 'contract.renewed')))
    .orderBy(asc(domainEvents.occurredAt), asc(domainEvents.id));
}

async function history(id: string) {
  return (
    await t.ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, id))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id))
  ).map((e) => ({ kind: e.kind, actor: e.actorKind, at: e.at.toISOString() }));
}

async function setPlanPrice(productSlug: string, planCode: string, term: string, price: bigint) {
  const [product] = await t.ctx.db
    .select()
    .from(catalogProducts)
    .where(eq(catalogProducts.slug, productSlug));
  const [plan] = await t.ctx.db
    .select()
    .from(catalogPlans)
    .where(and(eq(catalogPlans.productId, product!.id), eq(catalogPlans.code, planCode)));
  await t.ctx.db
    .update(catalogPlanTerms)
    .set({ price })
    .where(and(eq(catalogPlanTerms.planId, plan!.id), eq(catalogPlanTerms.term, term)));
}

beforeAll(async () => {
  t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2025-04-25T09:00:00+09:00');
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'wallet.owner', ['owner']);
  const signedIn = await registerAndSignIn(t, { loginId, name: '前払 花子', email });
  memberId = signedIn.memberId;
  member = signedIn.browser;
  // The base clock stands still from here; the store clock moves only through the owner's moves.
  travel(t, '2025-04-25T09:00:00+09:00');
  const started: string[] = [];
  for (const paymentMethod of ['wallet', 'wallet', 'card'] as const) {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod,
      lines: [
        { productSlug: 'rental-server-x10', plan: 'x10', term: '3m', pricing: x10ThreeMonths, options: [] },
      ],
    });
    const lineId = order.lineIds[0]!;
    const res = await owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
      serviceStartDate: '2025-09-16',
    });
    expect(res.status).toBe(200);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, lineId));
    started.push(row!.id);
  }
  [fifthId, twentyFifthId, cardId] = started as [string, string, string];
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the renewal day and the next-term change deadline (seed 002)', () => {
  it('moves the renewal day to the 5th on 4 Nov: the deadline becomes 1 Dec, 4 days before 5 Dec', async () => {
    await move('2025-11-04T10:00:00+09:00');
    expect(await contract(fifthId)).toMatchObject({
      currentTermStart: '2025-09-16',
      currentTermEnd: '2025-12-15',
      walletRenewalDay: 25,
    });
    const res = await call(`/api/mypage/contracts/${fifthId}/next-term`, 'PUT', { walletRenewalDay: 5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ walletRenewalDay: 5, nextTermChangeDeadline: '2025-12-01' });
  });

  it('refuses a renewal day whose own deadline has passed (the 25th: 21 Nov) on 22 Nov, naming it', async () => {
    await move('2025-11-22T10:00:00+09:00');
    const res = await call(`/api/mypage/contracts/${fifthId}/next-term`, 'PUT', { walletRenewalDay: 25 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'next_term_change_deadline_passed',
      messages: {
        ja: '次回契約内容の変更期限（2025年11月21日）を過ぎています。',
        en: 'Changes to the next term were accepted until 21 November 2025.',
      },
    });
    expect((await contract(fifthId)).walletRenewalDay).toBe(5);
  });
});

describe('the contract renewing on the 25th, after its term end on the 15th', () => {
  it('is charged on 25 Nov, the 25th of the month before, not before', async () => {
    expect((await move('2025-11-24T23:59:59+09:00'))['contracts.renewals']).toBe(0);
    expect(await renewals(twentyFifthId)).toEqual([]);
    expect((await move('2025-11-25T00:00:00+09:00'))['contracts.renewals']).toBe(1);
    expect(await renewals(twentyFifthId)).toEqual([
      {
        how: 'auto',
        status: 'paid',
        term: '3m',
        termStart: '2025-12-16',
        termEnd: '2026-03-15',
        total: 4356n,
        termAmount: 3960,
        paidAt: '2025-11-24T15:00:00.000Z',
        applied: null,
      },
    ]);
    // Still in its term until 15 December.
    expect(await contract(twentyFifthId)).toMatchObject({
      term: '3m',
      currentTermStart: '2025-09-16',
      currentTermEnd: '2025-12-15',
    });
  });
});

describe('the contract renewing on the 5th, its term ending on the 15th', () => {
  it('accepts a change to 6 months on 1 Dec and refuses one on 2 Dec with the deadline', async () => {
    await move('2025-12-01T12:00:00+09:00');
    const onTime = await call(`/api/mypage/contracts/${fifthId}/next-term`, 'PUT', { term: '6m' });
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({
      nextTerm: { term: '6m', options: [] },
      nextTermChangeDeadline: '2025-12-01',
    });
    await move('2025-12-02T00:00:00+09:00');
    const late = await call(`/api/mypage/contracts/${fifthId}/next-term`, 'PUT', { term: '12m' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'next_term_change_deadline_passed',
      messages: { en: 'Changes to the next term were accepted until 1 December 2025.' },
    });
    expect((await contract(fifthId)).nextTerm).toEqual({ term: '6m', options: [] });
  });

  it('is not charged through 4 Dec', async () => {
    expect((await move('2025-12-04T23:59:59+09:00'))['contracts.renewals']).toBe(0);
    expect(await renewals(fifthId)).toEqual([]);
    expect(await renewedEvents(fifthId)).toEqual([]);
  });

  it('is charged on 5 Dec for 2025-12-16 – 2026-06-15 at ¥7,320 + tax = ¥8,052, publishing contract.renewed then', async () => {
    expect((await move('2025-12-05T09:00:00+09:00'))['contracts.renewals']).toBe(1);
    expect(await renewals(fifthId)).toEqual([
      {
        how: 'auto',
        status: 'paid',
        term: '6m',
        termStart: '2025-12-16',
        termEnd: '2026-06-15',
        total: 8052n,
        termAmount: 7320,
        paidAt: '2025-12-05T00:00:00.000Z',
        applied: null,
      },
    ]);
    const row = await contract(fifthId);
    expect(row).toMatchObject({
      status: 'active',
      term: '3m',
      currentTermStart: '2025-09-16',
      currentTermEnd: '2025-12-15',
      termAmount: 3960n,
    });
    const [renewal] = await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, fifthId));
    const events = await renewedEvents(fifthId);
    expect(events).toHaveLength(1);
    expect(events[0]!.occurredAt.toISOString()).toBe('2025-12-05T00:00:00.000Z');
    expect(events[0]!.payload).toEqual({
      contractId: fifthId,
      contractNumber: row.number,
      memberId,
      productId: row.productId,
      plan: 'x10',
      term: '6m',
      quantity: 1,
      options: [],
      pricing: renewal!.pricing,
      paymentMethod: 'wallet',
      renewalMode: 'auto',
      startDate: '2025-09-16',
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-06-15',
      minimumTermEnd: null,
      trialEnd: null,
      status: 'active',
      how: 'auto',
      renewalId: renewal!.id,
      previousTerm: { term: '3m', start: '2025-09-16', end: '2025-12-15' },
      previousPricing: x10ThreeMonths,
      newTerm: { term: '6m', start: '2025-12-16', end: '2026-06-15' },
    });
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, fifthId), eq(auditLog.action, 'contract.renewal_paid')));
    expect(audits.map((a) => [a.actorKind, a.after, a.reason, a.at.toISOString()])).toEqual([
      [
        'system',
        {
          renewalId: renewal!.id,
          status: 'paid',
          term: '6m',
          termStart: '2025-12-16',
          termEnd: '2026-06-15',
          total: 8052,
        },
        'automatic renewal (wallet)',
        '2025-12-05T00:00:00.000Z',
      ],
    ]);
    // Charged once: a later sweep the same day finds nothing due.
    expect((await move('2025-12-05T18:00:00+09:00'))['contracts.renewals']).toBe(0);
  });

  it('keeps the price it was charged when the catalog’s 6-month price rises to ¥9,000 on 10 Dec', async () => {
    await move('2025-12-10T09:00:00+09:00');
    await setPlanPrice('rental-server-x10', 'x10', '6m', 9000n);
    expect((await move('2025-12-15T23:59:59+09:00'))['contracts.renewals']).toBe(0);
    expect(await contract(fifthId)).toMatchObject({ term: '3m', currentTermEnd: '2025-12-15' });
    expect(await contract(cardId)).toMatchObject({ term: '3m', currentTermEnd: '2025-12-15' });
  });

  it('begins the new term on 16 Dec, the day after its term end, with no second contract.renewed', async () => {
    // The wallet contracts move into their paid terms; the card contract renews now.
    expect((await move('2025-12-16T00:00:00+09:00'))['contracts.renewals']).toBe(3);
    expect(await contract(fifthId)).toMatchObject({
      status: 'active',
      term: '6m',
      termMonths: 6,
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-06-15',
      termAmount: 7320n,
      nextTerm: null,
      walletRenewalDay: 5,
    });
    expect(await contract(twentyFifthId)).toMatchObject({
      term: '3m',
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-03-15',
      termAmount: 3960n,
    });
    expect(await contract(cardId)).toMatchObject({
      term: '3m',
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-03-15',
    });
    expect((await renewals(fifthId)).map((r) => r.applied)).toEqual(['2025-12-15T15:00:00.000Z']);
    expect((await renewedEvents(fifthId)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2025-12-05T00:00:00.000Z',
    ]);
    expect((await renewedEvents(twentyFifthId)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2025-11-24T15:00:00.000Z',
    ]);
    // The card contract is charged as its term begins, as before.
    expect((await renewedEvents(cardId)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2025-12-15T15:00:00.000Z',
    ]);
    expect((await history(fifthId)).slice(-2)).toEqual([
      { kind: 'renewal_paid', actor: 'system', at: '2025-12-05T00:00:00.000Z' },
      { kind: 'renewed', actor: 'system', at: '2025-12-15T15:00:00.000Z' },
    ]);
    const [renewal] = await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, fifthId));
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, fifthId), eq(auditLog.action, 'contract.renewed')));
    expect(audits.map((a) => [a.before, a.after, a.reason])).toEqual([
      [
        { term: '3m', currentTermStart: '2025-09-16', currentTermEnd: '2025-12-15', termAmount: 3960 },
        { term: '6m', currentTermStart: '2025-12-16', currentTermEnd: '2026-06-15', termAmount: 7320 },
        `automatic renewal ${renewal!.id} (wallet)`,
      ],
    ]);
  });

  it('is charged the raised price on its next renewal day, 5 June 2026: ¥9,000 + tax = ¥9,900', async () => {
    await move('2026-06-04T23:59:59+09:00');
    expect((await renewals(fifthId)).map((r) => r.termStart)).toEqual(['2025-12-16']);
    await move('2026-06-05T00:00:00+09:00');
    expect(await renewals(fifthId)).toEqual([
      expect.objectContaining({ termStart: '2025-12-16' }),
      {
        how: 'auto',
        status: 'paid',
        term: '6m',
        termStart: '2026-06-16',
        termEnd: '2026-12-15',
        total: 9900n,
        termAmount: 9000,
        paidAt: '2026-06-04T15:00:00.000Z',
        applied: null,
      },
    ]);
    await move('2026-06-16T00:00:00+09:00');
    expect(await contract(fifthId)).toMatchObject({
      term: '6m',
      currentTermStart: '2026-06-16',
      currentTermEnd: '2026-12-15',
      termAmount: 9000n,
    });
    expect((await renewedEvents(fifthId)).map((e) => e.occurredAt.toISOString())).toEqual([
      '2025-12-05T00:00:00.000Z',
      '2026-06-04T15:00:00.000Z',
    ]);
  });
});
