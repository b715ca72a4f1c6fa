// Contracts end to end: opened by the start of an order line (exact dates, number, price snapshot, history, event), My Page list and detail, console search, suspend/resume, withdrawal blockers.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { catalogPlans, catalogPlanTerms, catalogProducts } from '../../src/db/schema/catalog.js';
import { contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import type { OrderLinePricingRow } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { type Browser, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: SignedInOperator;
let billing: SignedInOperator;
let catalogStaff: SignedInOperator;
let memberA: { memberId: string; browser: Browser };
let memberB: { memberId: string; browser: Browser };

/** Mirai Groupware business, 12 months, 10 users, with the helpdesk option: as the estimate engine priced it. */
const groupwarePricing: OrderLinePricingRow = {
  lines: [
    {
      kind: 'plan',
      code: 'business',
      labelJa: 'ビジネス',
      labelEn: 'Business',
      quantity: 10,
      unitPrice: 8800,
      amount: 88000,
      taxRate: 10,
      recurring: true,
    },
    {
      kind: 'option',
      code: 'helpdesk',
      labelJa: 'ヘルプデスク',
      labelEn: 'Helpdesk',
      quantity: 1,
      unitPrice: 55000,
      amount: 55000,
      taxRate: 10,
      recurring: true,
    },
  ],
  monthlyAmount: null,
  termAmount: 143000,
  oneTimeAmount: 0,
};

/** Cloud server large, monthly, 3-month minimum with the remaining months as the fee. */
const largePricing: OrderLinePricingRow = {
  lines: [
    {
      kind: 'plan',
      code: 'large',
      labelJa: 'ラージ（8vCPU / 32GB）',
      labelEn: 'Large (8 vCPU / 32 GB)',
      quantity: 1,
      unitPrice: 19800,
      amount: 19800,
      taxRate: 10,
      recurring: true,
    },
  ],
  monthlyAmount: 19800,
  termAmount: 19800,
  oneTimeAmount: 0,
};

async function startLine(lineId: string, date: string): Promise<Response> {
  return owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', { serviceStartDate: date });
}

let groupwareLine: string;
let largeLine: string;
let trialLine: string;
let contractA: string;
let largeContract: string;
let trialContract: string;

beforeAll(async () => {
  t = await createTestApp();
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  t.clock.travelTo('2026-04-01T09:00:00+09:00');
  vi.setSystemTime(new Date(t.clock.now().epochMilliseconds));
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'ctr.owner', ['owner']);
  billing = await operatorSignedIn(t, 'ctr.billing', ['billing']);
  catalogStaff = await operatorSignedIn(t, 'ctr.catalog', ['catalog']);
  memberA = await registerAndSignIn(t, {
    loginId: 'ctr-alpha',
    name: '青木 一郎',
    email: 'ctr-a@example.jp',
  });
  memberB = await registerAndSignIn(t, {
    loginId: 'ctr-bravo',
    name: '馬場 二郎',
    email: 'ctr-b@example.jp',
  });
  const order = await insertTestOrder(t, {
    memberId: memberA.memberId,
    paymentMethod: 'card',
    lines: [
      {
        productSlug: 'mirai-groupware',
        plan: 'business',
        term: '12m',
        quantity: 10,
        options: [{ code: 'helpdesk' }],
        pricing: groupwarePricing,
      },
      { productSlug: 'cloud-server', plan: 'large', term: 'monthly', pricing: largePricing },
    ],
  });
  [groupwareLine, largeLine] = order.lineIds as [string, string];
  const trial = await insertTestOrder(t, {
    memberId: memberB.memberId,
    paymentMethod: 'none',
    lines: [{ productSlug: 'mirai-groupware', plan: 'business', term: 'monthly', trialDays: 30 }],
  });
  trialLine = trial.lineIds[0]!;
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('opening a contract when the service starts', () => {
  it('opens one contract per started line with its number, dates, price snapshot and history', async () => {
    expect((await startLine(groupwareLine, '2026-04-15')).status).toBe(200);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, groupwareLine));
    contractA = row!.id;
    expect(row).toMatchObject({
      number: 'C2026-000001',
      memberId: memberA.memberId,
      plan: 'business',
      term: '12m',
      termMonths: 12,
      quantity: 10,
      options: [{ code: 'helpdesk' }],
      pricing: groupwarePricing,
      termAmount: 143000n,
      paymentMethod: 'card',
      status: 'active',
      startDate: '2026-04-15',
      currentTermStart: '2026-04-15',
      currentTermEnd: '2027-04-14',
      minimumTermMonths: 0,
      minimumTermEnd: null,
      earlyTermination: 'none',
      renewalMode: 'auto',
      trialEnd: null,
      endDate: null,
      locale: 'ja',
    });
    const events = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'contract.started'), eq(domainEvents.subjectId, contractA)));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      contractId: contractA,
      contractNumber: 'C2026-000001',
      orderLineId: groupwareLine,
      startDate: '2026-04-15',
      currentTermStart: '2026-04-15',
      currentTermEnd: '2027-04-14',
      minimumTermEnd: null,
      pricing: groupwarePricing,
      renewalMode: 'auto',
      paymentMethod: 'card',
    });
  });

  it('keeps the minimum term and the early-termination rule of the plan, and numbers in order', async () => {
    expect((await startLine(largeLine, '2026-04-16')).status).toBe(200);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, largeLine));
    largeContract = row!.id;
    expect(row).toMatchObject({
      number: 'C2026-000002',
      term: 'monthly',
      termMonths: 1,
      currentTermStart: '2026-04-16',
      currentTermEnd: '2026-05-15',
      minimumTermMonths: 3,
      minimumTermEnd: '2026-07-15',
      earlyTermination: 'remaining_months',
      earlyTerminationFee: null,
      renewalMode: 'auto',
    });
  });

  it('opens a trial as a trial ending on its 30th day, without a payment method', async () => {
    expect((await startLine(trialLine, '2026-04-20')).status).toBe(200);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, trialLine));
    trialContract = row!.id;
    expect(row).toMatchObject({
      number: 'C2026-000003',
      memberId: memberB.memberId,
      status: 'trial',
      startDate: '2026-04-20',
      trialEnd: '2026-05-19',
      currentTermEnd: '2026-05-19',
      paymentMethod: null,
    });
  });

  it('does not open a second contract when the start is refused as a repeat', async () => {
    const again = await startLine(groupwareLine, '2026-04-16');
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('order_line_transition_not_allowed');
    expect(
      await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, groupwareLine)),
    ).toHaveLength(1);
  });

  it('keeps the price it started with when the catalog price changes', async () => {
    const [product] = await t.ctx.db
      .select()
      .from(catalogProducts)
      .where(eq(catalogProducts.slug, 'mirai-groupware'));
    const [plan] = await t.ctx.db
      .select()
      .from(catalogPlans)
      .where(and(eq(catalogPlans.productId, product!.id), eq(catalogPlans.code, 'business')));
    await t.ctx.db
      .update(catalogPlanTerms)
      .set({ price: 9900n })
      .where(and(eq(catalogPlanTerms.planId, plan!.id), eq(catalogPlanTerms.term, '12m')));
    const res = await memberA.browser.send(`/api/mypage/contracts/${contractA}`, 'GET');
    const body = await res.json();
    expect(body.pricing).toEqual(groupwarePricing);
    expect(body.termAmount).toBe(143000);
  });
});

describe('My Page contracts', () => {
  it("lists the member's own contracts, newest start first, with labels", async () => {
    const res = await memberA.browser.send('/api/mypage/contracts', 'GET');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(2);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    expect(body.contracts.map((c: { number: string }) => c.number)).toEqual(['C2026-000002', 'C2026-000001']);
    expect(body.contracts[1]).toMatchObject({
      id: contractA,
      status: 'active',
      statusLabel: { ja: '契約中', en: 'Active' },
      productName: { ja: 'ミライ グループウェア', en: 'Mirai Groupware' },
      planName: { ja: 'ビジネス', en: 'Business' },
      term: '12m',
      termLabel: { ja: '12ヶ月', en: '12 months' },
      renewalModeLabel: { ja: '自動更新', en: 'Automatic renewal' },
      startDate: '2026-04-15',
      currentTermEnd: '2027-04-14',
      termAmount: 143000,
    });
    const paged = await (await memberA.browser.send('/api/mypage/contracts?page=2&pageSize=1', 'GET')).json();
    expect(paged.contracts.map((c: { number: string }) => c.number)).toEqual(['C2026-000001']);
    expect(paged.total).toBe(2);
    // A page past the end has no row to carry the count: the total still comes back.
    const past = await (await memberA.browser.send('/api/mypage/contracts?page=3&pageSize=1', 'GET')).json();
    expect([past.contracts, past.total]).toEqual([[], 2]);
  });

  it('shows one contract with options, payment method and history', async () => {
    const res = await memberA.browser.send(`/api/mypage/contracts/${contractA}`, 'GET');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      number: 'C2026-000001',
      options: [{ code: 'helpdesk', quantity: 1, name: { ja: 'ヘルプデスク', en: 'Helpdesk' } }],
      paymentMethod: 'card',
      paymentMethodLabel: { ja: 'クレジットカード', en: 'Credit card' },
      minimumTermEnd: null,
      earlyTermination: { kind: 'none', fee: null },
    });
    expect(body.history).toEqual([
      {
        id: expect.stringMatching(/^cev_/),
        kind: 'opened',
        fromStatus: null,
        toStatus: 'active',
        toStatusLabel: { ja: '契約中', en: 'Active' },
        actorKind: 'operator',
        reason: null,
        at: '2026-04-01T00:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(owner.operatorId);
  });

  it("answers 404 for another member's contract and an unknown id, 422 for a bad page", async () => {
    const other = await memberB.browser.send(`/api/mypage/contracts/${contractA}`, 'GET');
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'contract_not_found' });
    const unknown = await memberA.browser.send('/api/mypage/contracts/ctr_unknown', 'GET');
    expect((await unknown.json()).code).toBe('contract_not_found');
    const bad = await memberA.browser.send('/api/mypage/contracts?page=0', 'GET');
    expect(bad.status).toBe(422);
  });
});

describe('cancellation quote', () => {
  const quote = (member: { browser: Browser }, id: string, endDate?: string) =>
    member.browser.send(
      `/api/mypage/contracts/${id}/cancellation-quote${endDate ? `?endDate=${endDate}` : ''}`,
      'GET',
    );

  it('charges the remaining months of a 3-month minimum term × ¥19,800, rounded up, and nothing after it', async () => {
    // Wed 1 Apr 2026; the cloud server's lead time is 1 business day.
    const oneMonthServed = await quote(memberA, largeContract, '2026-05-15');
    expect(oneMonthServed.status).toBe(200);
    expect(await oneMonthServed.json()).toEqual({
      contractId: largeContract,
      endDate: '2026-05-15',
      earliestDate: '2026-04-02',
      leadBusinessDays: 1,
      withinLeadTime: false,
      minimumTermEnd: '2026-07-15',
      remainingMinimumTermMonths: 2,
      feeKind: 'remaining_months',
      earlyTerminationFee: 39600,
    });
    const partMonth = await (await quote(memberA, largeContract, '2026-06-20')).json();
    expect([partMonth.remainingMinimumTermMonths, partMonth.earlyTerminationFee]).toEqual([1, 19800]);
    const after = await (await quote(memberA, largeContract, '2026-07-15')).json();
    expect([after.remainingMinimumTermMonths, after.earlyTerminationFee]).toEqual([0, 0]);
  });

  it('quotes the earliest date by default and marks a wish inside the lead time', async () => {
    // Mirai Groupware needs 3 business days: Thu 2, Fri 3, Mon 6 April.
    const byDefault = await (await quote(memberA, contractA)).json();
    expect([byDefault.endDate, byDefault.earliestDate, byDefault.withinLeadTime]).toEqual([
      '2026-04-06',
      '2026-04-06',
      false,
    ]);
    const early = await (await quote(memberA, contractA, '2026-04-03')).json();
    expect([early.endDate, early.withinLeadTime, early.earlyTerminationFee]).toEqual(['2026-04-03', true, 0]);
  });

  it('is free during a trial', async () => {
    const trial = await (await quote(memberB, trialContract, '2026-05-01')).json();
    expect([trial.earlyTerminationFee, trial.remainingMinimumTermMonths]).toEqual([0, 0]);
  });

  it('refuses today or a past date, a date that does not exist, an ended contract and another member', async () => {
    const today = await quote(memberA, largeContract, '2026-04-01');
    expect(today.status).toBe(422);
    expect(await today.json()).toMatchObject({
      code: 'cancellation_date_in_past',
      messages: {
        ja: '解約日（サービス最終日）は明日（2026-04-02）以降の日付を指定してください。',
        en: 'The last day of service must be tomorrow (2026-04-02) or later.',
      },
    });
    const unreal = await quote(memberA, largeContract, '2026-02-30');
    expect([unreal.status, (await unreal.json()).code]).toEqual([422, 'invalid_date']);
    const other = await quote(memberB, largeContract, '2026-05-15');
    expect([other.status, (await other.json()).code]).toEqual([404, 'contract_not_found']);
    await t.ctx.db.update(contracts).set({ status: 'ended' }).where(eq(contracts.id, largeContract));
    const ended = await quote(memberA, largeContract, '2026-05-15');
    expect([ended.status, (await ended.json()).code]).toEqual([409, 'contract_not_cancellable']);
    await t.ctx.db.update(contracts).set({ status: 'active' }).where(eq(contracts.id, largeContract));
  });
});

describe('withdrawal blockers', () => {
  it('names contracts not ended and trials in use', async () => {
    const a = await (await memberA.browser.send('/api/mypage/withdrawal', 'GET')).json();
    expect(a.reasons).toEqual([
      {
        ja: 'ご契約 C2026-000001「ミライ グループウェア」（契約中）が終了していません',
        en: 'contract C2026-000001 (Mirai Groupware, Active) has not ended',
      },
      {
        ja: 'ご契約 C2026-000002「けいやくクラウド 仮想サーバー」（契約中）が終了していません',
        en: 'contract C2026-000002 (keiyaku Cloud Virtual Server, Active) has not ended',
      },
    ]);
    const b = await (await memberB.browser.send('/api/mypage/withdrawal', 'GET')).json();
    expect(b.reasons).toEqual([
      {
        ja: '無料トライアル「ミライ グループウェア」（ご契約 C2026-000003）をご利用中です',
        en: 'the free trial of Mirai Groupware (contract C2026-000003) is in use',
      },
    ]);
  });
});

describe('console contracts', () => {
  it('searches by number, member, product, status and renewal month', async () => {
    const search = async (query: string) => {
      const res = await billing.browser.send(`/api/admin/contracts?${query}`, 'GET');
      expect(res.status).toBe(200);
      const body = await res.json();
      return { total: body.total, numbers: body.contracts.map((c: { number: string }) => c.number) };
    };
    expect(await search('')).toEqual({ total: 3, numbers: ['C2026-000003', 'C2026-000002', 'C2026-000001'] });
    expect(await search('number=000002')).toEqual({ total: 1, numbers: ['C2026-000002'] });
    expect(await search('member=ctr-bravo')).toEqual({ total: 1, numbers: ['C2026-000003'] });
    expect(await search(`member=${memberA.memberId}`)).toEqual({
      total: 2,
      numbers: ['C2026-000002', 'C2026-000001'],
    });
    expect(await search('product=グループウェア')).toEqual({
      total: 2,
      numbers: ['C2026-000003', 'C2026-000001'],
    });
    expect(await search('status=trial')).toEqual({ total: 1, numbers: ['C2026-000003'] });
    expect(await search('renewalMonth=2027-04')).toEqual({ total: 1, numbers: ['C2026-000001'] });
    expect(await search('renewalMonth=2026-05')).toEqual({
      total: 2,
      numbers: ['C2026-000003', 'C2026-000002'],
    });
    const bad = await billing.browser.send('/api/admin/contracts?renewalMonth=2026-13', 'GET');
    expect(bad.status).toBe(422);
  });

  it('refuses a role without the permission', async () => {
    const res = await catalogStaff.browser.send('/api/admin/contracts', 'GET');
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('operator_forbidden');
  });

  it('suspends with a reason, refuses an illegal step, resumes to the status before, and audits both', async () => {
    t.clock.travelTo('2026-05-01T10:00:00+09:00');
    const noReason = await billing.browser.send(`/api/admin/contracts/${contractA}/suspend`, 'POST', {
      reason: ' ',
    });
    expect(noReason.status).toBe(422);
    const notSuspended = await billing.browser.send(`/api/admin/contracts/${contractA}/resume`, 'POST', {
      reason: '確認',
    });
    expect(notSuspended.status).toBe(409);
    expect((await notSuspended.json()).code).toBe('contract_not_suspended');

    const suspended = await billing.browser.send(`/api/admin/contracts/${contractA}/suspend`, 'POST', {
      reason: '請求書 INV-2026-000123 の未払い',
    });
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ status: 'suspended', statusLabel: { ja: '停止中' } });
    const twice = await billing.browser.send(`/api/admin/contracts/${contractA}/suspend`, 'POST', {
      reason: '再度',
    });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({
      code: 'contract_transition_not_allowed',
      messages: {
        ja: '契約の状態を「停止中」から「停止中」に変えることはできません。',
        en: 'A contract cannot go from "Suspended" to "Suspended".',
      },
    });

    t.clock.travelTo('2026-05-02T11:00:00+09:00');
    const resumed = await billing.browser.send(`/api/admin/contracts/${contractA}/resume`, 'POST', {
      reason: '入金確認',
    });
    expect(resumed.status).toBe(200);
    const body = await resumed.json();
    expect(body.status).toBe('active');
    expect(
      body.history.map((h: { toStatus: string; reason: string | null; actorId: string | null }) => [
        h.toStatus,
        h.reason,
        h.actorId,
      ]),
    ).toEqual([
      ['active', null, owner.operatorId],
      ['suspended', '請求書 INV-2026-000123 の未払い', billing.operatorId],
      ['active', '入金確認', billing.operatorId],
    ]);
    expect(body.history.map((h: { at: string }) => h.at)).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T01:00:00.000Z',
      '2026-05-02T02:00:00.000Z',
    ]);
    const audits = await t.ctx.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.targetId, contractA));
    expect(audits.sort((x, y) => x.action.localeCompare(y.action))).toEqual([
      { action: 'contract.active', actorId: billing.operatorId, reason: '入金確認' },
      {
        action: 'contract.suspended',
        actorId: billing.operatorId,
        reason: '請求書 INV-2026-000123 の未払い',
      },
    ]);
    const unknown = await billing.browser.send('/api/admin/contracts/ctr_unknown/suspend', 'POST', {
      reason: 'x',
    });
    expect(unknown.status).toBe(404);
  });
});
