// Renewals through the store clock: automatic renewal at term end (民法143条 dates, the then-current price, contract.renewed), next-term change deadlines per payment method, manual renewal quotes with their window, unpaid-first, the operator's payment record and expiry after the grace period.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { catalogPlans, catalogPlanTerms, catalogProducts } from '../../src/db/schema/catalog.js';
import { contractEvents, contractRenewals, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { termsDocuments } from '../../src/db/schema/identity.js';
import type { OrderLinePricingRow } from '../../src/db/schema/ordering.js';
import { storeSettings } from '../../src/db/schema/store.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { type DevMail, listDevMailbox } from '../../src/modules/notifications/index.js';
import { travel } from '../helpers/member-browser.js';
import { Browser, memberTestPassword, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
const email = 'renewal.member@example.jp';
const loginId = 'renewal-member';

let t: TestApp;
let owner: SignedInOperator;
let billing: SignedInOperator;
let memberId: string;
/** The member's browser, signed in again after each move (a move of weeks outlives the session). */
let member: Browser | null = null;

/** Rental server x10, 3 months, card: 2025-09-01 – 2025-11-30. */
let cardId: string;
/** Rental server x10, 3 months, prepaid points: 2025-09-16 – 2025-12-15. */
let walletId: string;
/** Accounting desktop package, 6 months, bank transfer (renewed by hand): 2025-10-01 – 2026-03-31. */
let manualId: string;
/** Accounting desktop package, 12 months, bank transfer: 2025-05-01 – 2026-04-30, never paid. */
let unpaidId: string;
/** The same as `unpaidId`, for concurrent twins. */
let twinsId: string;
/** Accounting desktop download edition, 12 months only, options included: 2025-05-01 – 2026-04-30. */
let downloadId: string;
/** The manual contract's second renewal, taken on 1 February 2027. */
let pendingId: string;
/** The manual contract's renewal, taken on 31 January 2026. */
let renewalId: string;

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
  // Other mails (reminders, notices) reach the address meanwhile: wait for the new one with a code.
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

async function history(id: string) {
  return (
    await t.ctx.db
      .select()
      .from(contractEvents)
      .where(eq(contractEvents.contractId, id))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id))
  ).map((e) => ({ kind: e.kind, to: e.toStatus, actor: e.actorKind, reason: e.reason }));
}

async function renewedEvents(id: string) {
  return t.ctx.db
    .select()
    .from(domainEvents)
    .where(and(eq(domainEvents.subjectId, id), eq(domainEvents.type, 'contract.renewed')))
    .orderBy(asc(domainEvents.occurredAt), asc(domainEvents.id));
}

/** The mails of one template about one contract delivered so far, oldest first. */
async function mailsAbout(template: string, number: string): Promise<DevMail[]> {
  return (await listDevMailbox(t.ctx.db, 1000))
    .filter((m) => m.to === email && m.template === template && m.text.includes(number))
    .sort((a, b) => a.outboxId.localeCompare(b.outboxId));
}

/** Waits until the worker has delivered one more mail of the template about the contract. */
async function nextMail(template: string, number: string, count: number): Promise<DevMail> {
  for (let i = 0; i < 1200; i++) {
    const found = await mailsAbout(template, number);
    if (found.length >= count) return found[count - 1]!;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`expected ${count} ${template} mails about ${number}`);
}

function body(mail: DevMail): string {
  return mail.text.split('\n\n―')[0]!;
}

async function setPlanPrice(
  productSlug: string,
  planCode: string,
  term: string,
  price: bigint,
): Promise<void> {
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
  // This store has been open since 2025: its terms of use and privacy policy were published then.
  await t.ctx.db.update(termsDocuments).set({ publishedAt: new Date('2025-01-01T00:00:00+09:00') });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'renewal.owner', ['owner']);
  billing = await operatorSignedIn(t, 'renewal.billing', ['billing']);
  const signedIn = await registerAndSignIn(t, { loginId, name: '更新 太郎', email });
  memberId = signedIn.memberId;
  member = signedIn.browser;
  // The base clock stands still from here; the store clock moves only through the owner's moves.
  travel(t, '2025-04-25T09:00:00+09:00');

  const started: string[] = [];
  for (const [line, paymentMethod, date] of [
    [
      { productSlug: 'rental-server-x10', plan: 'x10', term: '3m', pricing: x10ThreeMonths },
      'card',
      '2025-09-01',
    ],
    [
      { productSlug: 'rental-server-x10', plan: 'x10', term: '3m', pricing: x10ThreeMonths },
      'wallet',
      '2025-09-16',
    ],
    [
      {
        productSlug: 'mirai-accounting-desktop',
        plan: 'package',
        term: '6m',
        options: [{ code: 'payroll' }, { code: 'e-filing' }],
      },
      'bank_transfer',
      '2025-10-01',
    ],
    [
      { productSlug: 'mirai-accounting-desktop', plan: 'package', term: '12m' },
      'bank_transfer',
      '2025-05-01',
    ],
    [
      { productSlug: 'mirai-accounting-desktop', plan: 'package', term: '12m' },
      'bank_transfer',
      '2025-05-01',
    ],
    [
      { productSlug: 'mirai-accounting-desktop', plan: 'download', term: '12m' },
      'bank_transfer',
      '2025-05-01',
    ],
  ] as const) {
    const order = await insertTestOrder(t, {
      memberId,
      paymentMethod,
      lines: [{ ...line, options: 'options' in line ? [...line.options] : [] }],
    });
    const lineId = order.lineIds[0]!;
    const res = await owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
      serviceStartDate: date,
    });
    expect(res.status).toBe(200);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, lineId));
    started.push(row!.id);
  }
  [cardId, walletId, manualId, unpaidId, twinsId, downloadId] = started as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('contracts as they start', () => {
  it('have their first terms by 民法143条 and renew as their payment method says', async () => {
    expect(await contract(cardId)).toMatchObject({
      currentTermStart: '2025-09-01',
      currentTermEnd: '2025-11-30',
      renewalMode: 'auto',
      paymentMethod: 'card',
    });
    expect(await contract(walletId)).toMatchObject({
      currentTermEnd: '2025-12-15',
      renewalMode: 'auto',
      walletRenewalDay: 25,
    });
    expect(await contract(manualId)).toMatchObject({
      currentTermStart: '2025-10-01',
      currentTermEnd: '2026-03-31',
      renewalMode: 'manual',
      renewalWindowMonths: 2,
    });
    expect(await contract(unpaidId)).toMatchObject({ currentTermEnd: '2026-04-30', renewalMode: 'manual' });
  });
});

describe('next-term changes (次回ご契約内容の変更)', () => {
  it('accept a card contract ending 30 Nov 2025 changing on 4 Nov, with the deadline shown', async () => {
    await move('2025-11-04T23:59:59+09:00');
    const state = await call(`/api/mypage/contracts/${cardId}/renewal`, 'GET');
    // The product's methods and the next term's price are asserted below.
    expect(state).toMatchObject({
      status: 200,
      body: {
        contractId: cardId,
        renewalMode: 'auto',
        paymentMethod: 'card',
        walletRenewalDay: null,
        nextTerm: null,
        nextTermChangeDeadline: '2025-11-04',
        paymentMethodLabel: { ja: 'クレジットカード', en: 'Credit card' },
        paymentMethodChange: 'on_contract',
        autoRenewalDate: '2025-12-01',
        trialAtEnd: null,
        window: null,
        renewals: [],
      },
    });
    // What My Page shows beside it: the methods the product offers and the next term priced today.
    const methods = (state.body.paymentMethods as { method: string }[]).map((m) => m.method);
    expect(methods).toContain('card');
    expect(methods).toContain('wallet');
    expect(state.body.paymentMethods).toContainEqual({
      method: 'bank_transfer',
      label: { ja: '銀行振込', en: 'Bank transfer' },
    });
    expect(state.body.nextTermQuote).toMatchObject({
      term: { term: '3m', label: { ja: '3ヶ月', en: '3 months' } },
      termStart: '2025-12-01',
      termEnd: '2026-02-28',
      subtotal: 3960,
      total: 4356,
    });
    const quote = state.body.nextTermQuote as {
      termChoices: { term: string }[];
      options: { code: string; selected: boolean }[];
    };
    expect(quote.termChoices.map((c) => c.term)).toEqual(['3m', '6m', '12m', '24m', '36m']);
    expect(quote.options.map((o) => [o.code, o.selected])).toEqual([
      ['ssl-quick', false],
      ['backup', false],
      ['device-security', false],
    ]);
    const changed = await call(`/api/mypage/contracts/${cardId}/next-term`, 'PUT', {
      term: '12m',
      options: ['backup'],
    });
    expect(changed).toEqual({
      status: 200,
      body: {
        contractId: cardId,
        renewalMode: 'auto',
        paymentMethod: 'card',
        walletRenewalDay: null,
        nextTerm: { term: '12m', options: [{ code: 'backup', quantity: 1 }] },
        nextTermChangeDeadline: '2025-11-04',
      },
    });
    // The wallet member moves the automatic-renewal day from the 25th (deadline 21 Nov) to the 15th.
    const wallet = await call(`/api/mypage/contracts/${walletId}/next-term`, 'PUT', { walletRenewalDay: 15 });
    expect(wallet.status).toBe(200);
    expect(wallet.body).toMatchObject({
      walletRenewalDay: 15,
      nextTerm: { term: '3m', options: [] },
      nextTermChangeDeadline: '2025-12-11',
    });
  });

  it('refuse the card contract’s change on 5 Nov, naming the deadline, and change nothing', async () => {
    await move('2025-11-05T00:00:00+09:00');
    const late = await call(`/api/mypage/contracts/${cardId}/next-term`, 'PUT', { term: '6m' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'next_term_change_deadline_passed',
      messages: {
        ja: '次回契約内容の変更期限（2025年11月4日）を過ぎています。',
        en: 'Changes to the next term were accepted until 4 November 2025.',
      },
    });
    expect((await contract(cardId)).nextTerm).toEqual({
      term: '12m',
      options: [{ code: 'backup', quantity: 1 }],
    });
  });
});

describe('automatic renewal of the card contract', () => {
  it('does nothing through the last day of the term', async () => {
    const sweeps = await move('2025-11-30T23:59:59+09:00');
    expect(sweeps['contracts.renewals']).toBe(0);
    expect((await contract(cardId)).currentTermEnd).toBe('2025-11-30');
  });

  it('renews on 1 Dec 2025 into 2025-12-01 – 2026-11-30 with the next-term choice at the then-current price', async () => {
    // The 12-month price rose from ¥13,200 to ¥14,400 after the member chose it.
    await setPlanPrice('rental-server-x10', 'x10', '12m', 14400n);
    const sweeps = await move('2025-12-01T00:00:00+09:00');
    expect(sweeps['contracts.renewals']).toBe(1);
    const row = await contract(cardId);
    expect(row).toMatchObject({
      status: 'active',
      startDate: '2025-09-01',
      term: '12m',
      termMonths: 12,
      currentTermStart: '2025-12-01',
      currentTermEnd: '2026-11-30',
      options: [{ code: 'backup', quantity: 1 }],
      nextTerm: null,
      termAmount: 18360n,
    });
    expect(row.pricing).toMatchObject({
      lines: [
        { kind: 'plan', code: 'x10', quantity: 1, unitPrice: 14400, amount: 14400, taxRate: 10 },
        { kind: 'option', code: 'backup', quantity: 1, unitPrice: 3960, amount: 3960, taxRate: 10 },
      ],
      termAmount: 18360,
      oneTimeAmount: 0,
    });
    const events = await renewedEvents(cardId);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({
      contractId: cardId,
      contractNumber: row.number,
      memberId,
      productId: row.productId,
      plan: 'x10',
      term: '12m',
      quantity: 1,
      options: [{ code: 'backup', quantity: 1 }],
      pricing: row.pricing,
      paymentMethod: 'card',
      renewalMode: 'auto',
      startDate: '2025-09-01',
      currentTermStart: '2025-12-01',
      currentTermEnd: '2026-11-30',
      minimumTermEnd: null,
      trialEnd: null,
      status: 'active',
      how: 'auto',
      renewalId: null,
      previousTerm: { term: '3m', start: '2025-09-01', end: '2025-11-30' },
      previousPricing: x10ThreeMonths,
      newTerm: { term: '12m', start: '2025-12-01', end: '2026-11-30' },
    });
    expect(events[0]!.occurredAt.toISOString()).toBe('2025-11-30T15:00:00.000Z');
    expect((await history(cardId)).at(-1)).toEqual({
      kind: 'renewed',
      to: 'active',
      actor: 'system',
      reason: null,
    });
    // Nothing renews twice.
    expect((await move('2025-12-01T12:00:00+09:00'))['contracts.renewals']).toBe(0);
  });
});

describe('the wallet contract renewing on the 15th', () => {
  it('accepts a change on the 11th and refuses one on the 12th with the deadline', async () => {
    await move('2025-12-11T12:00:00+09:00');
    const onTime = await call(`/api/mypage/contracts/${walletId}/next-term`, 'PUT', { term: '6m' });
    expect(onTime.status).toBe(200);
    expect(onTime.body).toMatchObject({
      nextTerm: { term: '6m', options: [] },
      nextTermChangeDeadline: '2025-12-11',
    });
    await move('2025-12-12T00:00:00+09:00');
    const late = await call(`/api/mypage/contracts/${walletId}/next-term`, 'PUT', { term: '12m' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'next_term_change_deadline_passed',
      messages: {
        ja: '次回契約内容の変更期限（2025年12月11日）を過ぎています。',
        en: 'Changes to the next term were accepted until 11 December 2025.',
      },
    });
    expect((await contract(walletId)).nextTerm).toEqual({ term: '6m', options: [] });
  });

  it('renews after its term end into the 6-month term chosen in time', async () => {
    await move('2025-12-16T00:00:00+09:00');
    expect(await contract(walletId)).toMatchObject({
      term: '6m',
      currentTermStart: '2025-12-16',
      currentTermEnd: '2026-06-15',
      termAmount: 7320n,
      walletRenewalDay: 15,
    });
  });
});

describe('manual renewal (bank transfer) of a term ending 31 March 2026', () => {
  it('mails the reminder 60 days before and refuses a quote on 30 January, naming 31 January', async () => {
    const sweeps = await move('2026-01-30T23:59:59+09:00');
    // The 60-day reminder of this contract is the only thing due.
    expect(sweeps['contracts.renewals']).toBe(1);
    const number = (await contract(manualId)).number;
    const reminder = await nextMail('contract-renewal-reminder', number, 1);
    expect(body(reminder)).toBe(
      `更新 太郎 様\n\nご契約の有効期限は2026年3月31日です。\n\n契約番号: ${number}\n商品: ミライ会計 Desktop 基本使用サービス\n\n` +
        '更新される場合は、2026年1月31日からマイページで更新見積を作成し、2026年4月14日までにお支払いください。期限までにお支払いがない場合、ご契約は期限切れとなります。',
    );
    const early = await call(`/api/mypage/contracts/${manualId}/renewal-quote`, 'POST', {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'renewal_window_not_open',
      messages: {
        ja: '更新のお申し込みは2026年1月31日から受け付けます。',
        en: 'Renewal opens on 31 January 2026.',
      },
    });
    const request = await call(`/api/mypage/contracts/${manualId}/renewals`, 'POST', {});
    expect([request.status, request.body.code]).toEqual([409, 'renewal_window_not_open']);
    expect(
      await t.ctx.db.select().from(contractRenewals).where(eq(contractRenewals.contractId, manualId)),
    ).toEqual([]);
  });

  it('quotes from 31 January: 6 or 12 months, options to untick, the same engine as the store', async () => {
    await move('2026-01-31T00:00:00+09:00');
    const quote = await call(`/api/mypage/contracts/${manualId}/renewal-quote`, 'POST', {});
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({
      contractId: manualId,
      term: '6m',
      termMonths: 6,
      termStart: '2026-04-01',
      termEnd: '2026-09-30',
      availableTerms: ['6m', '12m'],
      subtotal: 18200,
      tax: 1820,
      total: 20020,
      windowOpens: '2026-01-31',
      graceEnd: '2026-04-14',
    });
    // 見積を変更する: 12 months without the e-filing option.
    const changed = await call(`/api/mypage/contracts/${manualId}/renewal-quote`, 'POST', {
      term: '12m',
      options: ['payroll'],
    });
    expect(changed.body).toMatchObject({
      term: '12m',
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
      subtotal: 29400,
      tax: 2940,
      total: 32340,
    });
    expect(changed.body.lines).toEqual([
      {
        kind: 'plan',
        code: 'package',
        name: expect.any(Object),
        quantity: 1,
        unitPrice: 24000,
        amount: 24000,
      },
      {
        kind: 'option',
        code: 'payroll',
        name: expect.any(Object),
        quantity: 1,
        unitPrice: 5400,
        amount: 5400,
      },
    ]);
  });

  it('takes the renewal as pending, then refuses another quote while it is unpaid, naming it', async () => {
    const taken = await call(`/api/mypage/contracts/${manualId}/renewals`, 'POST', {
      term: '12m',
      options: ['payroll'],
    });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      status: 'pending',
      term: '12m',
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
      total: 32340,
    });
    renewalId = taken.body.renewalId as string;
    const again = await call(`/api/mypage/contracts/${manualId}/renewal-quote`, 'POST', {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'renewal_previous_unpaid',
      messages: {
        ja: `お支払い待ちの更新（2026年4月1日〜2027年3月31日、32,340円、受付番号 ${renewalId}）があります。先にお支払いください。`,
        en: `A renewal awaits payment (1 April 2026 – 31 March 2027, ¥32,340, reference ${renewalId}). Please pay it first.`,
      },
    });
    const second = await call(`/api/mypage/contracts/${manualId}/renewals`, 'POST', {});
    expect([second.status, second.body.code]).toEqual([409, 'renewal_previous_unpaid']);
    const rows = await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, manualId));
    expect(rows.map((r) => [r.id, r.status, r.totalAmount])).toEqual([[renewalId, 'pending', 32340n]]);
    // My Page and the console show the renewal awaiting payment, with its amount and the window's dates.
    const state = await call(`/api/mypage/contracts/${manualId}/renewal`, 'GET');
    expect(state.body).toMatchObject({
      renewalMode: 'manual',
      autoRenewalDate: null,
      nextTermQuote: null,
      window: { opens: '2026-01-31', graceEnd: '2026-04-14' },
    });
    const shown = {
      id: renewalId,
      status: 'pending',
      statusLabel: { ja: 'お支払い待ち', en: 'Awaiting payment' },
      how: 'manual',
      term: { term: '12m', label: { ja: '12ヶ月', en: '12 months' } },
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
      total: 32340,
      paidAt: null,
      applied: false,
    };
    expect(state.body.renewals).toEqual([{ ...shown, quotedAt: expect.any(String) }]);
    const listed = await billing.browser.send(`/api/admin/contracts/${manualId}/renewals`, 'GET');
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ renewals: [{ ...shown, quotedAt: expect.any(String) }] });
  });

  it('is paid when the billing operator records the payment, applied when its term begins', async () => {
    const paid = await billing.browser.send(
      `/api/admin/contracts/${manualId}/renewals/${renewalId}/payment`,
      'POST',
      { reason: '2026-02-02 振込確認' },
    );
    expect(paid.status).toBe(200);
    expect(await paid.json()).toEqual({
      contractId: manualId,
      renewalId,
      status: 'paid',
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
      total: 32340,
      applied: false,
      currentTermStart: '2025-10-01',
      currentTermEnd: '2026-03-31',
    });
    const twice = await billing.browser.send(
      `/api/admin/contracts/${manualId}/renewals/${renewalId}/payment`,
      'POST',
      { reason: null },
    );
    expect([twice.status, ((await twice.json()) as { code: string }).code]).toEqual([
      409,
      'renewal_not_pending',
    ]);
    const paidAgain = await call(`/api/mypage/contracts/${manualId}/renewal-quote`, 'POST', {});
    expect([paidAgain.status, paidAgain.body.code]).toEqual([409, 'renewal_already_paid']);
  });
});

describe('manual renewal of a term ending 30 April 2026', () => {
  it('opens its window on 28 February (no 30 February), not on the 27th', async () => {
    await move('2026-02-27T23:59:59+09:00');
    const early = await call(`/api/mypage/contracts/${unpaidId}/renewal-quote`, 'POST', {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'renewal_window_not_open',
      messages: {
        ja: '更新のお申し込みは2026年2月28日から受け付けます。',
        en: 'Renewal opens on 28 February 2026.',
      },
    });
    await move('2026-02-28T00:00:00+09:00');
    const quote = await call(`/api/mypage/contracts/${unpaidId}/renewal-quote`, 'POST', {});
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({
      term: '12m',
      termStart: '2026-05-01',
      termEnd: '2027-04-30',
      total: 26400,
      windowOpens: '2026-02-28',
      graceEnd: '2026-05-14',
    });
    const pending = await call(`/api/mypage/contracts/${unpaidId}/renewals`, 'POST', {});
    expect(pending.status).toBe(201);
  });

  it('offers the download edition 12 months only, its options included with no removal', async () => {
    const quote = await call(`/api/mypage/contracts/${downloadId}/renewal-quote`, 'POST', { options: [] });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({
      term: '12m',
      availableTerms: ['12m'],
      termStart: '2026-05-01',
      termEnd: '2027-04-30',
      subtotal: 30000,
      tax: 3000,
      total: 33000,
    });
    expect(
      (quote.body.options as { code: string; included: boolean; selected: boolean }[]).map((o) => [
        o.code,
        o.included,
        o.selected,
      ]),
    ).toEqual([
      ['payroll', true, true],
      ['e-filing', true, true],
    ]);
    const sixMonths = await call(`/api/mypage/contracts/${downloadId}/renewal-quote`, 'POST', { term: '6m' });
    expect(sixMonths.status).toBe(422);
    expect(sixMonths.body).toMatchObject({
      code: 'renewal_term_not_offered',
      messages: {
        ja: '契約期間「6ヶ月」はこの商品の更新では選べません。',
        en: 'The term "6 months" cannot be chosen for this product’s renewal.',
      },
    });
  });

  it.skipIf(!onPostgres)(
    'takes one of two renewal requests sent at once (concurrent twins; PostgreSQL only: PGlite runs one connection, so requests never overlap)',
    async () => {
      const browser = await me();
      const [a, b] = await Promise.all([
        browser.send(`/api/mypage/contracts/${twinsId}/renewals`, 'POST', {}),
        browser.send(`/api/mypage/contracts/${twinsId}/renewals`, 'POST', {}),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const refused = (await (a.status === 409 ? a : b).json()) as { code: string };
      expect(refused.code).toBe('renewal_previous_unpaid');
      const rows = await t.ctx.db
        .select()
        .from(contractRenewals)
        .where(eq(contractRenewals.contractId, twinsId));
      expect(rows.map((r) => r.status)).toEqual(['pending']);
    },
  );
});

describe('the paid manual renewal', () => {
  it('moves the contract into its term on 1 April 2026, not before', async () => {
    await move('2026-03-31T23:59:59+09:00');
    expect((await contract(manualId)).currentTermEnd).toBe('2026-03-31');
    await move('2026-04-01T00:00:00+09:00');
    const row = await contract(manualId);
    expect(row).toMatchObject({
      status: 'active',
      term: '12m',
      termMonths: 12,
      currentTermStart: '2026-04-01',
      currentTermEnd: '2027-03-31',
      options: [{ code: 'payroll', quantity: 1 }],
      termAmount: 29400n,
      renewalMode: 'manual',
    });
    const [event] = await renewedEvents(manualId);
    expect(event!.payload).toMatchObject({
      how: 'manual',
      renewalId,
      previousTerm: { term: '6m', start: '2025-10-01', end: '2026-03-31' },
      newTerm: { term: '12m', start: '2026-04-01', end: '2027-03-31' },
    });
    expect((await history(manualId)).slice(1)).toEqual([
      { kind: 'renewal_quoted', to: 'active', actor: 'member', reason: renewalId },
      { kind: 'renewal_paid', to: 'active', actor: 'operator', reason: '2026-02-02 振込確認' },
      { kind: 'renewed', to: 'active', actor: 'system', reason: renewalId },
    ]);
    const [renewal] = await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.id, renewalId));
    expect(renewal!.appliedAt?.toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });
});

describe('an unpaid manual renewal', () => {
  it('expires the day after the grace period (14 days) with the mail, its pending renewal cancelled', async () => {
    const number = (await contract(unpaidId)).number;
    const last = await move('2026-05-14T23:59:59+09:00');
    expect((await contract(unpaidId)).status).toBe('active');
    expect(last['contracts.renewals']).toBe(0);
    await move('2026-05-15T00:00:00+09:00');
    expect(await contract(unpaidId)).toMatchObject({
      status: 'expired',
      endDate: '2026-04-30',
      currentTermEnd: '2026-04-30',
    });
    expect((await history(unpaidId)).at(-1)).toEqual({
      kind: 'status_changed',
      to: 'expired',
      actor: 'system',
      reason: 'renewal_unpaid',
    });
    const renewals = await t.ctx.db
      .select()
      .from(contractRenewals)
      .where(eq(contractRenewals.contractId, unpaidId));
    expect(renewals.map((r) => r.status)).toEqual(['cancelled']);
    const mail = await nextMail('contract-expired', number, 1);
    expect(mail.subject).toContain(`】ご契約期限切れのお知らせ（契約番号 ${number}）`);
    expect(body(mail)).toBe(
      `更新 太郎 様\n\n2026年4月30日に有効期限を迎えたご契約は、期限までに更新のお支払いがなかったため期限切れとなりました。\n\n契約番号: ${number}\n商品: ミライ会計 Desktop 基本使用サービス`,
    );
    const after = await call(`/api/mypage/contracts/${unpaidId}/renewal-quote`, 'POST', {});
    expect([after.status, after.body.code]).toEqual([409, 'contract_not_renewable']);
  });
});

describe('the card contract a year later', () => {
  it('renews again on 1 Dec 2026 into 2026-12-01 – 2027-11-30 at that day’s price', async () => {
    await setPlanPrice('rental-server-x10', 'x10', '12m', 15600n);
    await move('2026-12-01T00:00:00+09:00');
    const row = await contract(cardId);
    expect(row).toMatchObject({
      term: '12m',
      currentTermStart: '2026-12-01',
      currentTermEnd: '2027-11-30',
      termAmount: 19560n,
    });
    const events = await renewedEvents(cardId);
    expect(events.map((e) => (e.payload as { newTerm: unknown }).newTerm)).toEqual([
      { term: '12m', start: '2025-12-01', end: '2026-11-30' },
      { term: '12m', start: '2026-12-01', end: '2027-11-30' },
    ]);
    expect(
      (events[1]!.payload as { previousPricing: { termAmount: number } }).previousPricing.termAmount,
    ).toBe(18360);
  });
});

describe('支払い方法をリセットする: the wallet contract renewed by hand, paid during the grace period', () => {
  it('turns automatic renewal off, so the next term is chosen in the renewal quote only', async () => {
    // The wallet contract is in its 6-month term 2026-06-16 – 2026-12-15 since the sweep of 16 June.
    expect(await contract(walletId)).toMatchObject({
      currentTermStart: '2026-06-16',
      currentTermEnd: '2026-12-15',
    });
    const reset = await call(`/api/mypage/contracts/${walletId}/renewal-reset`, 'POST');
    expect(reset).toEqual({
      status: 200,
      body: {
        contractId: walletId,
        renewalMode: 'manual',
        paymentMethod: 'wallet',
        walletRenewalDay: 15,
        nextTerm: null,
        nextTermChangeDeadline: null,
      },
    });
    const again = await call(`/api/mypage/contracts/${walletId}/renewal-reset`, 'POST');
    expect([again.status, again.body.code]).toEqual([409, 'next_term_change_manual_renewal']);
    const change = await call(`/api/mypage/contracts/${walletId}/next-term`, 'PUT', { term: '12m' });
    expect([change.status, change.body.code]).toEqual([409, 'next_term_change_manual_renewal']);
    const taken = await call(`/api/mypage/contracts/${walletId}/renewals`, 'POST', {});
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      term: '6m',
      termStart: '2026-12-16',
      termEnd: '2027-06-15',
      subtotal: 7320,
      total: 8052,
      graceEnd: '2026-12-29',
    });
    renewalId = taken.body.renewalId as string;
  });

  it('is neither renewed nor expired after its term end while unpaid inside the grace period', async () => {
    await move('2026-12-20T10:00:00+09:00');
    expect(await contract(walletId)).toMatchObject({ status: 'active', currentTermEnd: '2026-12-15' });
  });

  it('moves into the new term at once when the payment is recorded during the grace period', async () => {
    const paid = await billing.browser.send(
      `/api/admin/contracts/${walletId}/renewals/${renewalId}/payment`,
      'POST',
      {},
    );
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({
      applied: true,
      total: 8052,
      currentTermStart: '2026-12-16',
      currentTermEnd: '2027-06-15',
    });
    expect(await contract(walletId)).toMatchObject({
      status: 'active',
      renewalMode: 'manual',
      currentTermStart: '2026-12-16',
      currentTermEnd: '2027-06-15',
      termAmount: 7320n,
    });
    const [event] = (await renewedEvents(walletId)).slice(-1);
    expect(event!.payload).toMatchObject({
      how: 'manual',
      renewalId,
      previousTerm: { term: '6m', start: '2026-06-16', end: '2026-12-15' },
    });
    expect(event!.occurredAt.toISOString()).toBe('2026-12-20T01:00:00.000Z');
  });
});

describe('changing the payment method (store setting)', () => {
  it('moves a card contract to bank transfer on the contract: renewed by hand from then on', async () => {
    const changed = await call(`/api/mypage/contracts/${cardId}/payment-method`, 'PUT', {
      method: 'bank_transfer',
    });
    expect(changed).toEqual({
      status: 200,
      body: {
        contractId: cardId,
        renewalMode: 'manual',
        paymentMethod: 'bank_transfer',
        walletRenewalDay: null,
        nextTerm: null,
        nextTermChangeDeadline: null,
      },
    });
    const notOffered = await call(`/api/mypage/contracts/${cardId}/payment-method`, 'PUT', {
      method: 'agency',
    });
    expect(notOffered.status).toBe(422);
    expect(notOffered.body).toMatchObject({
      code: 'payment_method_not_offered',
      messages: {
        ja: '支払い方法「代理店支払い」はこの商品では使えません。',
        en: 'Payment agency is not offered for this product.',
      },
    });
    expect((await history(cardId)).at(-1)).toEqual({
      kind: 'payment_method_changed',
      to: 'active',
      actor: 'member',
      reason: 'bank_transfer',
    });
  });

  it('refuses a change to an automatic method while a manual renewal awaits payment, naming it', async () => {
    await move('2027-02-01T09:00:00+09:00');
    const taken = await call(`/api/mypage/contracts/${manualId}/renewals`, 'POST', {});
    expect(taken.status).toBe(201);
    pendingId = taken.body.renewalId as string;
    const toCard = await call(`/api/mypage/contracts/${manualId}/payment-method`, 'PUT', { method: 'card' });
    expect(toCard.status).toBe(409);
    expect(toCard.body).toMatchObject({
      code: 'renewal_previous_unpaid',
      messages: {
        ja: `お支払い待ちの更新（2027年4月1日〜2028年3月31日、32,340円、受付番号 ${pendingId}）があります。先にお支払いください。`,
      },
    });
    expect(await contract(manualId)).toMatchObject({ paymentMethod: 'bank_transfer', renewalMode: 'manual' });
  });

  it.skipIf(!onPostgres)(
    'records one payment when two operators record it at once (concurrent twins; PostgreSQL only: PGlite runs one connection, so requests never overlap)',
    async () => {
      const path = `/api/admin/contracts/${manualId}/renewals/${pendingId}/payment`;
      const [a, b] = await Promise.all([
        billing.browser.send(path, 'POST', { reason: null }),
        owner.browser.send(path, 'POST', { reason: null }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect(((await (a.status === 409 ? a : b).json()) as { code: string }).code).toBe(
        'renewal_not_pending',
      );
      const paid = (await history(manualId)).filter((e) => e.kind === 'renewal_paid');
      expect(paid).toHaveLength(2);
      expect(paid[1]!.reason).toBe(pendingId);
      const [renewal] = await t.ctx.db
        .select()
        .from(contractRenewals)
        .where(eq(contractRenewals.id, pendingId));
      expect([renewal!.status, renewal!.appliedAt]).toEqual(['paid', null]);
    },
  );

  it('refuses every change where the store changes payment methods only by re-contracting', async () => {
    await t.ctx.db.update(storeSettings).set({ paymentMethodChange: 'recontract' });
    const refused = await call(`/api/mypage/contracts/${cardId}/payment-method`, 'PUT', { method: 'card' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'payment_method_change_by_recontract',
      messages: {
        ja: 'この店舗では契約の支払い方法を変更できません。変更するには解約して改めてご注文ください。',
        en: 'This store does not change a contract’s payment method: cancel it and order again.',
      },
    });
    expect(await contract(cardId)).toMatchObject({ paymentMethod: 'bank_transfer', renewalMode: 'manual' });
    await t.ctx.db.update(storeSettings).set({ paymentMethodChange: 'on_contract' });
  });
});
