// Contract changes with a desired date through the store clock: the difference per proration rule (daily, monthly, none) worked out by hand, a wish inside the lead time re-dated by an operator, withdrawal, refusals, and the sweep applying each change on its date with contract.changed and both mails.
import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { contractEvents, contractRequests, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import type { OrderLinePricingRow } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { applyForChange, quoteChange, withdrawChange } from '../../src/modules/contracts/index.js';
import { travel } from '../helpers/member-browser.js';
import { type Browser, mailWithSubject, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: SignedInOperator;
let support: SignedInOperator;
let billing: SignedInOperator;
let member: { memberId: string; browser: Browser };
let other: { memberId: string; browser: Browser };
/** Mirai Groupware business, monthly, 10 users at ¥800: ¥8,000 a month; daily proration, 3 business days' lead time. */
let monthly: string;
/** Mirai Groupware business, 12 months, 15 users at ¥8,800: ¥132,000; ordered in English. */
let yearly: string;
/** Rental Server X10, 12 months, ¥13,200; monthly proration, no lead time. */
let server: string;
/** Accounting desktop package, 12 months, ¥24,000; no proration. */
let desktop: string;
/** Cloud virtual server standard, monthly, ¥4,800; the quantity cannot change. */
let cloud: string;
/** Rental Server X10 whose cancellation is scheduled for 30 September. */
let leaving: string;

const MAIL = 'change-a@example.jp';

const line = (
  kind: string,
  code: string,
  labelJa: string,
  labelEn: string,
  quantity: number,
  unitPrice: number,
) => ({
  kind,
  code,
  labelJa,
  labelEn,
  quantity,
  unitPrice,
  amount: quantity * unitPrice,
  taxRate: 10,
  recurring: true,
});

function pricing(lines: ReturnType<typeof line>[], monthlyAmount: number | null): OrderLinePricingRow {
  const termAmount = lines.reduce((sum, l) => sum + l.amount, 0);
  return { lines, monthlyAmount, termAmount, oneTimeAmount: 0 };
}

const monthlyPricing = pricing([line('plan', 'business', 'ビジネス', 'Business', 10, 800)], 8000);
const yearlyPricing = pricing([line('plan', 'business', 'ビジネス', 'Business', 15, 8800)], null);
const serverPricing = pricing([line('plan', 'x10', 'X10プラン', 'X10 plan', 1, 13200)], null);
const desktopPricing = pricing([line('plan', 'package', 'パッケージ版', 'Package edition', 1, 24000)], null);
const cloudPricing = pricing(
  [line('plan', 'standard', 'スタンダード（2vCPU / 4GB）', 'Standard (2 vCPU / 4 GB)', 1, 4800)],
  4800,
);

async function contractOf(lineId: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.orderLineId, lineId));
  return row!.id;
}

async function startLine(lineId: string, date: string): Promise<void> {
  const res = await owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
    serviceStartDate: date,
  });
  expect(res.status).toBe(200);
}

const body = (text: string) => text.split('\n\n--')[0]!.split('\n\n―')[0]!;

const send = (who: { browser: Browser }, path: string, method: string, payload?: unknown) =>
  who.browser.send(`/api/mypage/contracts/${path}`, method, payload);

async function requestsOf(contractId: string) {
  return t.ctx.db
    .select({ state: contractRequests.state, effectiveDate: contractRequests.effectiveDate })
    .from(contractRequests)
    .where(and(eq(contractRequests.contractId, contractId), eq(contractRequests.kind, 'change')))
    .orderBy(asc(contractRequests.requestedAt), asc(contractRequests.id));
}

beforeAll(async () => {
  t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  // Tuesday 1 September 2026: Mirai Groupware needs 3 business days, so the earliest date is Friday the 4th.
  travel(t, '2026-09-01T09:00:00+09:00');
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'change.owner', ['owner']);
  support = await operatorSignedIn(t, 'change.support', ['support']);
  billing = await operatorSignedIn(t, 'change.billing', ['billing']);
  member = await registerAndSignIn(t, { loginId: 'change-alpha', name: '青木 一郎', email: MAIL });
  other = await registerAndSignIn(t, {
    loginId: 'change-bravo',
    name: '馬場 二郎',
    email: 'change-b@example.jp',
  });
  const ja = await insertTestOrder(t, {
    memberId: member.memberId,
    paymentMethod: 'card',
    lines: [
      {
        productSlug: 'mirai-groupware',
        plan: 'business',
        term: 'monthly',
        quantity: 10,
        pricing: monthlyPricing,
      },
      { productSlug: 'rental-server-x10', plan: 'x10', term: '12m', pricing: serverPricing },
      { productSlug: 'mirai-accounting-desktop', plan: 'package', term: '12m', pricing: desktopPricing },
      { productSlug: 'cloud-server', plan: 'standard', term: 'monthly', pricing: cloudPricing },
      { productSlug: 'rental-server-x10', plan: 'x10', term: '12m', pricing: serverPricing },
    ],
  });
  const en = await insertTestOrder(t, {
    memberId: member.memberId,
    locale: 'en',
    paymentMethod: 'card',
    lines: [
      { productSlug: 'mirai-groupware', plan: 'business', term: '12m', quantity: 15, pricing: yearlyPricing },
    ],
  });
  for (const id of [...ja.lineIds, ...en.lineIds]) await startLine(id, '2026-09-01');
  [monthly, server, desktop, cloud, leaving] = (await Promise.all(ja.lineIds.map(contractOf))) as [
    string,
    string,
    string,
    string,
    string,
  ];
  yearly = await contractOf(en.lineIds[0]!);
  const cancelled = await send(member, `${leaving}/cancellation`, 'POST', { endDate: '2026-09-30' });
  expect(cancelled.status).toBe(201);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

let owners = 0;

/** Moves the store clock as an owner; a fresh owner each time, as a session idles out over the days moved. */
async function moveStoreClock(to: string): Promise<Record<string, number>> {
  owners += 1;
  const mover = await operatorSignedIn(t, `change.clock${owners}`, ['owner']);
  const res = await mover.browser.send('/api/admin/test-clock', 'POST', { to });
  expect(res.status).toBe(200);
  vi.setSystemTime(new Date(to));
  const { sweeps } = (await res.json()) as { sweeps: { name: string; count: number }[] };
  return Object.fromEntries(sweeps.map((s) => [s.name, s.count]));
}

describe('daily proration: 5 more users and the help desk on a monthly contract', () => {
  const wish = { effectiveDate: '2026-09-11', quantity: 15, options: [{ code: 'helpdesk' }] };

  it('quotes ¥17,000 × 20/30 − ¥8,000 × 20/30 = ¥6,000 and a next invoice of ¥23,000, changing nothing', async () => {
    const res = await send(member, `${monthly}/change-quote`, 'POST', wish);
    expect(res.status).toBe(200);
    const quote = await res.json();
    expect(quote).toMatchObject({
      contractId: monthly,
      effectiveDate: '2026-09-11',
      earliestDate: '2026-09-04',
      leadBusinessDays: 3,
      withinLeadTime: false,
      proration: 'daily',
      current: { plan: 'business', quantity: 10, options: [], termAmount: 8000, pricing: monthlyPricing },
      proposed: {
        plan: 'business',
        quantity: 15,
        options: [{ code: 'helpdesk' }],
        termAmount: 17000,
        pricing: { termAmount: 17000, monthlyAmount: 17000 },
      },
    });
    // 11 to 30 September is 20 of September's 30 days; each side is rounded down on its own:
    // 17,000 × 20 ÷ 30 = 11,333.3… → 11,333 and 8,000 × 20 ÷ 30 = 5,333.3… → 5,333.
    expect(quote.difference).toEqual({
      periodStart: '2026-09-01',
      periodEnd: '2026-09-30',
      charged: 20,
      total: 30,
      unit: 'days',
      oldAmount: 5333,
      newAmount: 11333,
      amount: 6000,
      workings: {
        ja: '日割り（円未満切り捨て）: 変更後 ¥17,000 × 20/30日 = ¥11,333 − 変更前 ¥8,000 × 20/30日 = ¥5,333 → 差額 ¥6,000（2026-09-11〜2026-09-30、税抜）',
        en: 'Daily proration, rounded down: new ¥17,000 × 20/30 days = ¥11,333 − old ¥8,000 × 20/30 days = ¥5,333 → difference ¥6,000 (2026-09-11 – 2026-09-30, excl. tax)',
      },
    });
    expect(quote.nextInvoice).toEqual({
      lines: [
        {
          kind: 'adjustment',
          label: { ja: '契約変更による差額', en: 'Difference for the change' },
          periodStart: '2026-09-11',
          periodEnd: '2026-09-30',
          amount: 6000,
        },
        {
          kind: 'term',
          label: { ja: '変更後のご利用料金', en: 'Charge after the change' },
          periodStart: '2026-10-01',
          periodEnd: '2026-10-31',
          amount: 17000,
        },
      ],
      subtotal: 23000,
    });
    expect(await requestsOf(monthly)).toEqual([]);
  });

  it('schedules it for 11 September, records history and audit, mails 契約変更受付', async () => {
    const applied = await send(member, `${monthly}/changes`, 'POST', wish);
    expect(applied.status).toBe(201);
    const request = await applied.json();
    expect(request).toMatchObject({
      contractId: monthly,
      kind: 'change',
      state: 'scheduled',
      stateLabel: { ja: '受付済み', en: 'Accepted' },
      desiredDate: '2026-09-11',
      effectiveDate: '2026-09-11',
      fee: 0,
      change: {
        plan: 'business',
        quantity: 15,
        options: [{ code: 'helpdesk' }],
        termAmount: 17000,
        previous: { plan: 'business', quantity: 10, options: [], termAmount: 8000 },
        proration: 'daily',
        difference: { amount: 6000, charged: 20, total: 30 },
        summary: {
          ja: ['数量: 10 → 15', 'オプション追加: ヘルプデスク'],
          en: ['Quantity: 10 → 15', 'Option added: Help desk'],
        },
      },
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, monthly));
    // Nothing changes before the date.
    expect([row!.quantity, row!.options, Number(row!.termAmount)]).toEqual([10, [], 8000]);
    const history = await t.ctx.db
      .select({ kind: contractEvents.kind, actorKind: contractEvents.actorKind })
      .from(contractEvents)
      .where(eq(contractEvents.contractId, monthly))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id));
    expect(history.at(-1)).toEqual({ kind: 'change_scheduled', actorKind: 'member' });
    const audits = await t.ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, monthly), eq(auditLog.action, 'contract.change_scheduled')));
    expect(audits).toEqual([{ action: 'contract.change_scheduled' }]);
    const mail = await mailWithSubject(
      t,
      MAIL,
      `【keiyaku デモストア】契約変更受付のお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(mail.text)).toBe(
      `青木 一郎 様\n\n契約変更のお申し込みを受け付けました。2026年9月11日より変更後の内容でご利用いただけます。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア\n数量: 10 → 15\nオプション追加: ヘルプデスク\nご希望の変更日: 2026年9月11日\n変更日: 2026年9月11日\n今期の差額（税抜）: ¥6,000\n変更後のご利用料金（1契約期間・税抜）: ¥17,000\n\n変更日の前日までは、マイページからお申し込みを取り消せます。`,
    );
    const open = await send(member, `${monthly}/changes/open`, 'GET');
    expect((await open.json()).change).toMatchObject({ id: request.id, state: 'scheduled' });
    const again = await send(member, `${monthly}/changes`, 'POST', { ...wish, quantity: 20 });
    expect([again.status, (await again.json()).code]).toEqual([409, 'contract_change_already_applied']);
    expect(await requestsOf(monthly)).toEqual([{ state: 'scheduled', effectiveDate: '2026-09-11' }]);
  });
});

describe('monthly proration: backup and two device-security licences on a 12-month contract', () => {
  it('quotes ¥24,360 × 10/12 − ¥13,200 × 10/12 = ¥9,300 from 15 November and schedules it', async () => {
    const wish = {
      effectiveDate: '2026-11-15',
      options: [{ code: 'backup' }, { code: 'device-security', quantity: 2 }],
    };
    const res = await send(member, `${server}/change-quote`, 'POST', wish);
    expect(res.status).toBe(200);
    const quote = await res.json();
    // 13,200 + backup 330 × 12 + device security 300 × 12 × 2 = 24,360 a term. 15 November to 31 August is
    // 9 months and 17 days: 10 months, a started month in full, of the term's 12.
    expect(quote).toMatchObject({
      earliestDate: '2026-09-01',
      leadBusinessDays: 0,
      withinLeadTime: false,
      proration: 'monthly',
      proposed: { termAmount: 24360 },
    });
    expect(quote.difference).toEqual({
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      charged: 10,
      total: 12,
      unit: 'months',
      oldAmount: 11000,
      newAmount: 20300,
      amount: 9300,
      workings: {
        ja: '月割り（開始月は1か月分）（円未満切り捨て）: 変更後 ¥24,360 × 10/12か月 = ¥20,300 − 変更前 ¥13,200 × 10/12か月 = ¥11,000 → 差額 ¥9,300（2026-11-15〜2027-08-31、税抜）',
        en: 'Monthly (a started month in full) proration, rounded down: new ¥24,360 × 10/12 months = ¥20,300 − old ¥13,200 × 10/12 months = ¥11,000 → difference ¥9,300 (2026-11-15 – 2027-08-31, excl. tax)',
      },
    });
    expect(quote.nextInvoice).toMatchObject({
      lines: [
        { kind: 'adjustment', periodStart: '2026-11-15', periodEnd: '2027-08-31', amount: 9300 },
        { kind: 'term', periodStart: '2027-09-01', periodEnd: '2028-08-31', amount: 24360 },
      ],
      subtotal: 33660,
    });
    const applied = await send(member, `${server}/changes`, 'POST', wish);
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ state: 'scheduled', effectiveDate: '2026-11-15' });
  });
});

describe('no proration: the payroll option on the accounting software, withdrawn before its date', () => {
  it('quotes the full ¥5,400, then the member withdraws it', async () => {
    const wish = { effectiveDate: '2026-10-01', options: [{ code: 'payroll' }] };
    const quote = await (await send(member, `${desktop}/change-quote`, 'POST', wish)).json();
    expect(quote.difference).toEqual({
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      charged: null,
      total: null,
      unit: null,
      oldAmount: 24000,
      newAmount: 29400,
      amount: 5400,
      workings: {
        ja: '日割り・月割りなし: 変更後 ¥29,400 − 変更前 ¥24,000 = 差額 ¥5,400（2026-10-01〜2027-08-31、税抜）',
        en: 'No proration: new ¥29,400 − old ¥24,000 = difference ¥5,400 (2026-10-01 – 2027-08-31, excl. tax)',
      },
    });
    expect((await send(member, `${desktop}/changes`, 'POST', wish)).status).toBe(201);
    const withdrawn = await send(member, `${desktop}/changes/withdraw`, 'POST');
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ state: 'withdrawn', effectiveDate: '2026-10-01' });
    expect((await (await send(member, `${desktop}/changes/open`, 'GET')).json()).change).toBeNull();
    const twice = await send(member, `${desktop}/changes/withdraw`, 'POST');
    expect([twice.status, (await twice.json()).code]).toEqual([409, 'contract_change_not_pending']);
  });
});

describe('a wish inside the lead time', () => {
  let requestId: string;

  it('is accepted as requested, with the date to be confirmed (English mail)', async () => {
    const res = await send(member, `${yearly}/changes`, 'POST', {
      effectiveDate: '2026-09-03',
      quantity: 20,
    });
    expect(res.status).toBe(201);
    const request = await res.json();
    requestId = request.id;
    // 3 September to 31 August is 363 of 365 days: 176,000 × 363 ÷ 365 → 175,035; 132,000 × 363 ÷ 365 → 131,276.
    expect(request).toMatchObject({
      state: 'requested',
      stateLabel: { ja: '確認待ち', en: 'Waiting for confirmation' },
      desiredDate: '2026-09-03',
      effectiveDate: null,
      change: { quantity: 20, termAmount: 176000, difference: { charged: 363, total: 365, amount: 43759 } },
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    const mail = await mailWithSubject(
      t,
      MAIL,
      `[keiyaku デモストア] Change application received (contract ${row!.number})`,
    );
    expect(body(mail.text)).toBe(
      `Dear 青木 一郎,\n\nWe have received your change application. The date you asked for (3 September 2026) is inside the notice period, so we will check it and tell you the date it takes effect.\n\nContract number: ${row!.number}\nProduct: Mirai Groupware\nQuantity: 15 → 20\nRequested date: 3 September 2026\nTakes effect on: to be confirmed\nDifference for the rest of the term (excl. tax): ¥43,759\nPrice per term after the change (excl. tax): ¥176,000\n\nYou can withdraw the application on My Page until the day before it takes effect.`,
    );
  });

  it('support proposes 7 September with a reason; the difference follows the date; audited', async () => {
    const queue = await (await support.browser.send('/api/admin/contract-requests', 'GET')).json();
    expect(
      queue.requests.map((r: { id: string; kind: string; contract: { id: string } }) => [
        r.id,
        r.kind,
        r.contract.id,
      ]),
    ).toEqual([[requestId, 'change', yearly]]);
    const path = `/api/admin/contract-requests/${requestId}/confirm`;
    const forbidden = await billing.browser.send(path, 'POST', { effectiveDate: '2026-09-07', reason: 'x' });
    expect(forbidden.status).toBe(403);
    const noReason = await support.browser.send(path, 'POST', { effectiveDate: '2026-09-07' });
    expect([noReason.status, (await noReason.json()).code]).toEqual([
      422,
      'contract_request_reason_required',
    ]);
    const past = await support.browser.send(path, 'POST', { effectiveDate: '2026-08-31', reason: 'x' });
    expect([past.status, (await past.json()).code]).toEqual([422, 'change_date_in_past']);
    const res = await support.browser.send(path, 'POST', {
      effectiveDate: '2026-09-07',
      reason: '提供元の作業日程のため',
    });
    expect(res.status).toBe(200);
    // 7 September to 31 August is 359 days: 176,000 × 359 ÷ 365 → 173,106; 132,000 × 359 ÷ 365 → 129,830.
    expect(await res.json()).toMatchObject({
      state: 'scheduled',
      desiredDate: '2026-09-03',
      effectiveDate: '2026-09-07',
      reason: '提供元の作業日程のため',
      change: {
        difference: { charged: 359, total: 365, oldAmount: 129830, newAmount: 173106, amount: 43276 },
      },
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    const mail = await mailWithSubject(
      t,
      MAIL,
      `[keiyaku デモストア] Change accepted (contract ${row!.number})`,
    );
    expect(body(mail.text)).toBe(
      `Dear 青木 一郎,\n\nWe have accepted your change. It takes effect on 7 September 2026.\n\nContract number: ${row!.number}\nProduct: Mirai Groupware\nQuantity: 15 → 20\nRequested date: 3 September 2026\nTakes effect on: 7 September 2026\nWhy this date: 提供元の作業日程のため\nDifference for the rest of the term (excl. tax): ¥43,276\nPrice per term after the change (excl. tax): ¥176,000\n\nYou can withdraw the application on My Page until the day before it takes effect.`,
    );
    const audits = await t.ctx.db
      .select({ action: auditLog.action, reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.targetId, requestId));
    expect(audits).toEqual([{ action: 'contract.request_redated', reason: '提供元の作業日程のため' }]);
    const twice = await support.browser.send(path, 'POST', {});
    expect([twice.status, (await twice.json()).code]).toEqual([409, 'contract_request_not_pending']);
  });
});

describe('refusals change nothing', () => {
  async function refused(contractId: string, wish: unknown, status: number, code: string) {
    const quote = await send(member, `${contractId}/change-quote`, 'POST', wish);
    const apply = await send(member, `${contractId}/changes`, 'POST', wish);
    const bodies = [await quote.json(), await apply.json()];
    expect([quote.status, apply.status, bodies[0].code, bodies[1].code]).toEqual([
      status,
      status,
      code,
      code,
    ]);
    expect(quote.headers.get('content-type')).toContain('application/problem+json');
    return bodies[1] as { messages: { ja: string; en: string }; errors?: { path: string; code: string }[] };
  }

  it('a date in the past, with ja and en messages next to the field', async () => {
    const problem = await refused(
      cloud,
      { effectiveDate: '2026-08-31', plan: 'large' },
      422,
      'change_date_in_past',
    );
    expect(problem.messages).toEqual({
      ja: '変更希望日は本日（2026-09-01）以降の日付を指定してください。',
      en: 'The change date must be today (2026-09-01) or later.',
    });
    expect(problem.errors).toEqual([
      {
        path: 'effectiveDate',
        code: 'change_date_in_past',
        message: { ja: '本日以降の日付を指定してください。', en: 'Choose today or a later date.' },
      },
    ]);
  });

  it('a quantity change on a product that forbids it (the cloud service ID)', async () => {
    const problem = await refused(
      cloud,
      { effectiveDate: '2026-09-10', quantity: 2 },
      422,
      'contract_quantity_not_changeable',
    );
    expect(problem.messages.ja).toBe('この商品は数量を変更できません（ご契約の数量は1です）。');
  });

  it('an unknown option, a quantity out of range, an unknown plan, nothing changed', async () => {
    await refused(
      cloud,
      { effectiveDate: '2026-09-10', options: [{ code: 'nope' }] },
      422,
      'estimate_option_unknown',
    );
    // The package edition is sold one at a time.
    const range = await refused(
      desktop,
      { effectiveDate: '2026-09-10', quantity: 2 },
      422,
      'estimate_quantity_out_of_range',
    );
    expect(range.errors?.map((e) => e.code)).toEqual(['estimate_quantity_out_of_range']);
    await refused(cloud, { effectiveDate: '2026-09-10', plan: 'huge' }, 422, 'estimate_plan_unknown');
    await refused(cloud, { effectiveDate: '2026-09-10', plan: 'standard' }, 422, 'contract_change_empty');
    await refused(cloud, { effectiveDate: '2026-09-31', plan: 'large' }, 422, 'invalid_date');
  });

  it('a contract whose cancellation is scheduled, and another member’s contract (404)', async () => {
    await refused(
      leaving,
      { effectiveDate: '2026-09-10', options: [{ code: 'backup' }] },
      409,
      'contract_not_changeable',
    );
    for (const [path, method, payload] of [
      [`${monthly}/change-quote`, 'POST', { effectiveDate: '2026-09-20', quantity: 12 }],
      [`${monthly}/changes`, 'POST', { effectiveDate: '2026-09-20', quantity: 12 }],
      [`${monthly}/changes/open`, 'GET', undefined],
      [`${monthly}/changes/withdraw`, 'POST', undefined],
    ] as const) {
      const res = await send(other, path, method, payload);
      expect([path, res.status, (await res.json()).code]).toEqual([path, 404, 'contract_not_found']);
    }
    for (const id of [cloud, leaving]) expect(await requestsOf(id)).toEqual([]);
    expect(await requestsOf(desktop)).toEqual([{ state: 'withdrawn', effectiveDate: '2026-10-01' }]);
    expect(await requestsOf(monthly)).toEqual([{ state: 'scheduled', effectiveDate: '2026-09-11' }]);
  });
});

describe('the sweep applies each change on its date', () => {
  it('applies the re-dated change on 7 September and the daily one on 11 September, not a second earlier', async () => {
    expect((await moveStoreClock('2026-09-06T23:59:59+09:00'))['contracts.changes']).toBe(0);
    expect((await moveStoreClock('2026-09-07T00:00:00+09:00'))['contracts.changes']).toBe(1);
    const [big] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    expect([big!.quantity, Number(big!.termAmount)]).toEqual([20, 176000]);
    expect((await moveStoreClock('2026-09-10T23:59:59+09:00'))['contracts.changes']).toBe(0);
    expect((await moveStoreClock('2026-09-11T00:00:00+09:00'))['contracts.changes']).toBe(1);

    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, monthly));
    expect([
      row!.plan,
      row!.quantity,
      row!.options,
      Number(row!.termAmount),
      row!.pricing.termAmount,
    ]).toEqual(['business', 15, [{ code: 'helpdesk' }], 17000, 17000]);
    expect(row!.pricing.lines.map((l) => [l.kind, l.code, l.quantity, l.amount])).toEqual([
      ['plan', 'business', 15, 12000],
      ['option', 'helpdesk', 1, 5000],
    ]);
    const events = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'contract.changed'), eq(domainEvents.subjectId, monthly)));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      contractId: monthly,
      desiredDate: '2026-09-11',
      effectiveDate: '2026-09-11',
      quantity: 15,
      options: [{ code: 'helpdesk' }],
      pricing: { termAmount: 17000 },
      currentTermStart: '2026-09-01',
      currentTermEnd: '2026-09-30',
      status: 'active',
      previous: { plan: 'business', quantity: 10, options: [], pricing: monthlyPricing },
      proration: 'daily',
      difference: {
        periodStart: '2026-09-01',
        periodEnd: '2026-09-30',
        charged: 20,
        total: 30,
        unit: 'days',
        oldAmount: 5333,
        newAmount: 11333,
        amount: 6000,
      },
    });
    const history = await t.ctx.db
      .select({ kind: contractEvents.kind, actorKind: contractEvents.actorKind })
      .from(contractEvents)
      .where(eq(contractEvents.contractId, monthly))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id));
    expect(history.at(-1)).toEqual({ kind: 'changed', actorKind: 'system' });
    expect(await requestsOf(monthly)).toEqual([{ state: 'done', effectiveDate: '2026-09-11' }]);
    const mail = await mailWithSubject(
      t,
      MAIL,
      `【keiyaku デモストア】契約変更完了のお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(mail.text)).toBe(
      `青木 一郎 様\n\nお申し込みいただいた契約変更は、2026年9月11日に反映されました。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア\n数量: 10 → 15\nオプション追加: ヘルプデスク\n変更日: 2026年9月11日\n今期の差額（税抜）: ¥6,000（次回のご請求に含まれます）\n今後のご利用料金（1契約期間・税抜）: ¥17,000`,
    );
    // The member's session idled out over the days moved: the module answers as the route would.
    await expect(
      withdrawChange(t.ctx.db, {
        contractId: monthly,
        memberId: member.memberId,
        actor: { kind: 'member', id: member.memberId },
        now: t.clock.now(),
      }),
    ).rejects.toMatchObject({ code: 'contract_change_not_pending', status: 409 });
  });

  it('applies the monthly one on 15 November; the withdrawn one never; an ended contract refuses changes', async () => {
    expect((await moveStoreClock('2026-11-14T23:59:59+09:00'))['contracts.changes']).toBe(0);
    expect((await moveStoreClock('2026-11-15T00:00:00+09:00'))['contracts.changes']).toBe(1);
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, server));
    expect([row!.options, Number(row!.termAmount)]).toEqual([
      [{ code: 'backup' }, { code: 'device-security', quantity: 2 }],
      24360,
    ]);
    const [untouched] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, desktop));
    expect([untouched!.options, Number(untouched!.termAmount)]).toEqual([[], 24000]);
    const [gone] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, leaving));
    expect(gone!.status).toBe('ended');
    await expect(
      quoteChange(t.ctx.db, {
        contractId: leaving,
        memberId: member.memberId,
        wish: { effectiveDate: '2026-12-01', options: [{ code: 'backup' }] },
        now: t.clock.now(),
      }),
    ).rejects.toMatchObject({ code: 'contract_not_changeable', status: 409 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  'concurrent applications (PostgreSQL only: PGlite runs one transaction at a time, so it would prove nothing)',
  () => {
    it('makes one change of two applications at once: the other is refused as already applied', async () => {
      const holder = new pg.Client({ connectionString: t.database.url! });
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM contracts WHERE id = $1 FOR UPDATE', [cloud]);
      const twins = Array.from({ length: 2 }, () =>
        applyForChange(t.ctx.db, {
          contractId: cloud,
          memberId: member.memberId,
          wish: { effectiveDate: '2026-12-20', plan: 'large' },
          actor: { kind: 'member', id: member.memberId },
          now: t.clock.now(),
        }).then(
          (request) => request.state,
          (error: { code?: string }) => error.code ?? 'error',
        ),
      );
      let waiting = 0;
      for (let i = 0; i < 2400 && waiting < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        const { rows } = await holder.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        waiting = Number(rows[0]!.n);
      }
      expect(waiting).toBeGreaterThanOrEqual(2);
      await holder.query('COMMIT');
      await holder.end();
      expect((await Promise.all(twins)).sort()).toEqual(['contract_change_already_applied', 'scheduled']);
      expect(await requestsOf(cloud)).toEqual([{ state: 'scheduled', effectiveDate: '2026-12-20' }]);
    });
  },
);
