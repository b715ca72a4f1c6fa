// Cancellation (解約申込) through the store clock: the fee of a 12-month minimum term after 5 months, a wish inside the lead time confirmed on another date by an operator, withdrawal, and the sweep ending the contract the day after its last day with both mails and the provider told.
import { and, asc, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import { billingCharges } from '../../src/db/schema/billing-charges.js';
import { catalogProviders } from '../../src/db/schema/catalog.js';
import { contractEvents, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { webhookMessages } from '../../src/db/schema/notifications.js';
import type { OrderLinePricingRow } from '../../src/db/schema/ordering.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { applyForCancellation, withdrawCancellation } from '../../src/modules/contracts/index.js';
import { type ContractEndedPayload, dispatchDomainEvent } from '../../src/modules/events/index.js';
import { travel } from '../helpers/member-browser.js';
import { type Browser, mailWithSubject, registerAndSignIn } from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

let t: TestApp;
let owner: SignedInOperator;
let support: SignedInOperator;
let receiver: WebhookReceiver;
let webhookSecret: string;
let member: { memberId: string; browser: Browser };
let other: { memberId: string; browser: Browser };
/** 12 months, 12-month minimum term, remaining months × ¥11,000 (¥132,000 a year). */
let yearly: string;
/** Ordered in English, cancelled inside the lead time. */
let english: string;
let trial: string;

/** Mirai Groupware business, 12 months, 15 users at ¥8,800: ¥132,000 a term, ¥11,000 a month. */
const yearlyPricing: OrderLinePricingRow = {
  lines: [
    {
      kind: 'plan',
      code: 'business',
      labelJa: 'ビジネス',
      labelEn: 'Business',
      quantity: 15,
      unitPrice: 8800,
      amount: 132000,
      taxRate: 10,
      recurring: true,
    },
  ],
  monthlyAmount: null,
  termAmount: 132000,
  oneTimeAmount: 0,
};

const MAIL = 'cancel-a@example.jp';
const PROVIDER_MAIL = 'provisioning@mirai-soft.example';

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

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  // Tuesday 1 September 2026: Mirai Groupware needs 3 business days, so the earliest last day is Friday the 4th.
  travel(t, '2026-09-01T09:00:00+09:00');
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'cancel.owner', ['owner']);
  support = await operatorSignedIn(t, 'cancel.support', ['support']);
  const [mirai] = await t.ctx.db
    .select()
    .from(catalogProviders)
    .where(eq(catalogProviders.slug, 'mirai-soft'));
  // The receiver listens on this machine: the provider's network is allowed explicitly, as an operator would.
  const patched = await owner.browser.send(`/api/admin/catalog/providers/${mirai!.id}`, 'PATCH', {
    webhookUrl: receiver.url,
    webhookAllowedNetworks: ['127.0.0.1/32'],
  });
  expect(patched.status).toBe(200);
  webhookSecret = (await patched.json()).webhookSecret;
  member = await registerAndSignIn(t, { loginId: 'cancel-alpha', name: '青木 一郎', email: MAIL });
  other = await registerAndSignIn(t, {
    loginId: 'cancel-bravo',
    name: '馬場 二郎',
    email: 'cancel-b@example.jp',
  });
  const ja = await insertTestOrder(t, {
    memberId: member.memberId,
    paymentMethod: 'card',
    lines: [
      { productSlug: 'mirai-groupware', plan: 'business', term: '12m', quantity: 15, pricing: yearlyPricing },
      { productSlug: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 5, trialDays: 30 },
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
  await startLine(ja.lineIds[0]!, '2026-09-01');
  await startLine(en.lineIds[0]!, '2026-09-01');
  await startLine(ja.lineIds[1]!, '2026-09-01');
  yearly = await contractOf(ja.lineIds[0]!);
  english = await contractOf(en.lineIds[0]!);
  trial = await contractOf(ja.lineIds[1]!);
  // Both yearly contracts as sold on 15 April 2026, five months ago, when the plan had a 12-month minimum
  // term with the remaining months as the fee (the contract keeps the rule it started with).
  for (const id of [yearly, english]) {
    await t.ctx.db
      .update(contracts)
      .set({
        startDate: '2026-04-15',
        currentTermStart: '2026-04-15',
        currentTermEnd: '2027-04-14',
        minimumTermMonths: 12,
        minimumTermEnd: '2027-04-14',
        earlyTermination: 'remaining_months',
      })
      .where(eq(contracts.id, id));
  }
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
  await receiver.close();
});

async function moveStoreClock(to: string) {
  const res = await owner.browser.send('/api/admin/test-clock', 'POST', { to });
  expect(res.status).toBe(200);
  vi.setSystemTime(new Date(to));
  return (await res.json()) as { sweeps: { name: string; count: number }[] };
}

const send = (who: { browser: Browser }, path: string, method: string, payload?: unknown) =>
  who.browser.send(`/api/mypage/contracts/${path}`, method, payload);

describe('cancelling a 12-month contract with a 12-month minimum term', () => {
  it('shows 7 × ¥11,000 after five months, schedules it, mails 解約受付 and tells the provider', async () => {
    const quote = await send(member, `${yearly}/cancellation-quote?endDate=2026-09-14`, 'GET');
    expect(await quote.json()).toEqual({
      contractId: yearly,
      endDate: '2026-09-14',
      earliestDate: '2026-09-04',
      leadBusinessDays: 3,
      withinLeadTime: false,
      minimumTermEnd: '2027-04-14',
      remainingMinimumTermMonths: 7,
      feeKind: 'remaining_months',
      earlyTerminationFee: 77000,
    });
    const applied = await send(member, `${yearly}/cancellation`, 'POST', { endDate: '2026-09-14' });
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({
      contractId: yearly,
      kind: 'cancellation',
      state: 'scheduled',
      stateLabel: { ja: '受付済み', en: 'Accepted' },
      desiredDate: '2026-09-14',
      effectiveDate: '2026-09-14',
      fee: 77000,
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    expect([row!.status, row!.endDate, row!.statusBeforeCancellation]).toEqual([
      'cancellation_scheduled',
      '2026-09-14',
      'active',
    ]);
    const [event] = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(
        and(eq(domainEvents.type, 'contract.cancellation_scheduled'), eq(domainEvents.subjectId, yearly)),
      );
    expect(event!.payload).toMatchObject({
      contractId: yearly,
      endDate: '2026-09-14',
      desiredDate: '2026-09-14',
      earlyTerminationFee: 77000,
      pricing: yearlyPricing,
      startDate: '2026-04-15',
      currentTermEnd: '2027-04-14',
      status: 'cancellation_scheduled',
    });
    const mail = await mailWithSubject(
      t,
      MAIL,
      `【keiyaku デモストア】解約受付のお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(mail.text)).toBe(
      `青木 一郎 様\n\n解約のお申し込みを受け付けました。2026年9月14日をもってサービスのご提供を終了いたします。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア\nご希望の解約日: 2026年9月14日\n解約日（サービス最終日）: 2026年9月14日\n中途解約料金（税抜）: ¥77,000\n\n解約日までは、マイページからお申し込みを取り消せます。`,
    );
    const notice = await mailWithSubject(
      t,
      PROVIDER_MAIL,
      `【keiyaku デモストア】解約予定のお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(notice.text)).toBe(
      `ミライソフト株式会社 ご担当者様\n\n貴社サービスのご契約の解約を受け付けました。2026年9月14日をもってサービスの提供を終了してください。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア\nプラン: ビジネス\n数量: 15\n解約日（サービス最終日）: 2026年9月14日`,
    );
    // Other contract webhooks (the contracts' start) go to the same receiver, in no promised order.
    const hook = await receiver.waitForType('contract.cancellation_scheduled');
    const verified = new Webhook(webhookSecret).verify(hook.body, {
      'webhook-id': String(hook.headers['webhook-id']),
      'webhook-timestamp': String(hook.headers['webhook-timestamp']),
      'webhook-signature': String(hook.headers['webhook-signature']),
    }) as { data: Record<string, unknown> };
    expect(verified.data).toMatchObject({
      contractId: yearly,
      contractNumber: row!.number,
      plan: 'business',
      quantity: 15,
      endDate: '2026-09-14',
      status: 'cancellation_scheduled',
    });
  });

  it('refuses a second application, another member, a past date and an unreal date, changing nothing', async () => {
    const again = await send(member, `${yearly}/cancellation`, 'POST', { endDate: '2026-09-30' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'contract_cancellation_already_applied',
      messages: {
        ja: 'この契約はすでに解約のお申し込みを受け付けています。',
        en: 'A cancellation of this contract has already been applied for.',
      },
    });
    const others = await send(other, `${english}/cancellation`, 'POST', { endDate: '2026-09-30' });
    expect([others.status, (await others.json()).code]).toEqual([404, 'contract_not_found']);
    const othersWithdraw = await send(other, `${yearly}/cancellation/withdraw`, 'POST', {});
    expect([othersWithdraw.status, (await othersWithdraw.json()).code]).toEqual([404, 'contract_not_found']);
    const past = await send(member, `${english}/cancellation`, 'POST', { endDate: '2026-09-01' });
    expect([past.status, (await past.json()).code]).toEqual([422, 'cancellation_date_in_past']);
    const unreal = await send(member, `${english}/cancellation`, 'POST', { endDate: '2026-09-31' });
    expect([unreal.status, (await unreal.json()).code]).toEqual([422, 'invalid_date']);
    const open = await send(member, `${english}/cancellation`, 'GET');
    expect(await open.json()).toEqual({ cancellation: null });
  });
});

describe('a wish inside the lead time', () => {
  let requestId: string;

  it('is accepted as requested, the contract unchanged, with a mail in the contract language', async () => {
    const applied = await send(member, `${english}/cancellation`, 'POST', { endDate: '2026-09-03' });
    expect(applied.status).toBe(201);
    const json = await applied.json();
    requestId = json.id;
    expect(json).toMatchObject({
      state: 'requested',
      desiredDate: '2026-09-03',
      effectiveDate: null,
      // 4 September 2026 to 14 April 2027: 7 months and 11 days, so 8 months × ¥11,000.
      fee: 88000,
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, english));
    expect([row!.status, row!.endDate]).toEqual(['active', null]);
    const mail = await mailWithSubject(
      t,
      MAIL,
      `[keiyaku デモストア] Cancellation application received (contract ${row!.number})`,
    );
    expect(body(mail.text)).toBe(
      `Dear 青木 一郎,\n\nWe have received your cancellation application. The date you asked for (3 September 2026) is inside the notice period, so we will check it and tell you the last day of service.\n\nContract number: ${row!.number}\nProduct: Mirai Groupware\nRequested last day: 3 September 2026\nLast day of service: to be confirmed\nEarly-termination fee (excl. tax): ¥88,000\n\nYou can withdraw the application on My Page until the last day.`,
    );
    const open = await send(member, `${english}/cancellation`, 'GET');
    expect((await open.json()).cancellation).toMatchObject({ id: requestId, state: 'requested' });
  });

  it('appears in the console queue; support proposes 30 September, the member is told, audited', async () => {
    const queue = await support.browser.send('/api/admin/contract-requests', 'GET');
    expect(queue.status).toBe(200);
    const { requests } = await queue.json();
    expect(
      requests.map((r: { id: string; contract: { id: string }; member: { loginId: string } }) => [
        r.id,
        r.contract.id,
        r.member.loginId,
      ]),
    ).toEqual([[requestId, english, 'cancel-alpha']]);
    const past = await support.browser.send(`/api/admin/contract-requests/${requestId}/confirm`, 'POST', {
      endDate: '2026-09-01',
    });
    expect([past.status, (await past.json()).code]).toEqual([422, 'cancellation_date_in_past']);
    const redated = await support.browser.send(`/api/admin/contract-requests/${requestId}/confirm`, 'POST', {
      endDate: '2026-09-30',
      reason: '提供元の停止作業が月末のため',
    });
    expect(redated.status).toBe(200);
    expect(await redated.json()).toMatchObject({
      state: 'scheduled',
      desiredDate: '2026-09-03',
      effectiveDate: '2026-09-30',
      // The fee follows the confirmed day: 1 October to 14 April is 6 months and 14 days, so 7 months.
      fee: 77000,
      reason: '提供元の停止作業が月末のため',
    });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, english));
    expect([row!.status, row!.endDate]).toEqual(['cancellation_scheduled', '2026-09-30']);
    const mail = await mailWithSubject(
      t,
      MAIL,
      `[keiyaku デモストア] Cancellation accepted (contract ${row!.number})`,
    );
    expect(body(mail.text)).toContain(
      'We have accepted your cancellation. The service ends after its last day, 30 September 2026.',
    );
    expect(body(mail.text)).toContain(
      'Requested last day: 3 September 2026\nLast day of service: 30 September 2026',
    );
    const audits = await t.ctx.db
      .select({ action: auditLog.action, reason: auditLog.reason })
      .from(auditLog)
      .where(eq(auditLog.targetId, requestId));
    expect(audits).toEqual([{ action: 'contract.request_redated', reason: '提供元の停止作業が月末のため' }]);
    const twice = await support.browser.send(`/api/admin/contract-requests/${requestId}/confirm`, 'POST', {});
    expect([twice.status, (await twice.json()).code]).toEqual([409, 'contract_request_not_pending']);
    const billing = await operatorSignedIn(t, 'cancel.billing', ['billing']);
    const forbidden = await billing.browser.send(
      `/api/admin/contract-requests/${requestId}/confirm`,
      'POST',
      {},
    );
    expect(forbidden.status).toBe(403);
  });
});

describe('a free trial', () => {
  it('is cancelled free, withdrawn back to a trial with a mail, and cannot be withdrawn twice', async () => {
    const applied = await send(member, `${trial}/cancellation`, 'POST', { endDate: '2026-09-20' });
    expect(await applied.json()).toMatchObject({ state: 'scheduled', fee: 0, effectiveDate: '2026-09-20' });
    const withdrawn = await send(member, `${trial}/cancellation/withdraw`, 'POST', {});
    expect(withdrawn.status).toBe(200);
    expect(await withdrawn.json()).toMatchObject({ state: 'withdrawn', effectiveDate: '2026-09-20' });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, trial));
    expect([row!.status, row!.endDate, row!.statusBeforeCancellation]).toEqual(['trial', null, null]);
    const mail = await mailWithSubject(
      t,
      MAIL,
      `【keiyaku デモストア】解約お申し込み取り消しのお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(mail.text)).toBe(
      `青木 一郎 様\n\nご依頼により、解約のお申し込みを取り消しました。ご契約は引き続きご利用いただけます。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア`,
    );
    const again = await send(member, `${trial}/cancellation/withdraw`, 'POST', {});
    expect(await again.json()).toMatchObject({
      code: 'contract_cancellation_not_pending',
      messages: {
        ja: '取り消せる解約のお申し込みがありません。',
        en: 'There is no cancellation application to withdraw.',
      },
    });
  });
});

describe('the ending sweep', () => {
  it('keeps the contract through its last day and ends it the next day, with 解約完了, contract.ended and the provider told', async () => {
    const lastDay = await moveStoreClock('2026-09-14T23:59:00+09:00');
    expect(lastDay.sweeps).toContainEqual({ name: 'contracts.end', count: 0 });
    // The owner's session idled out over the two weeks: a fresh one moves the clock on.
    owner = await operatorSignedIn(t, 'cancel.owner2', ['owner']);
    const next = await moveStoreClock('2026-09-15T00:00:00+09:00');
    expect(next.sweeps).toContainEqual({ name: 'contracts.end', count: 1 });
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    expect([row!.status, row!.endDate]).toEqual(['ended', '2026-09-14']);
    const [event] = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'contract.ended'), eq(domainEvents.subjectId, yearly)));
    expect(event!.payload).toMatchObject({
      endDate: '2026-09-14',
      earlyTerminationFee: 77000,
      reason: 'cancellation',
      status: 'ended',
      pricing: yearlyPricing,
    });
    expect(event!.occurredAt.toISOString()).toBe('2026-09-14T15:00:00.000Z');
    const mail = await mailWithSubject(
      t,
      MAIL,
      `【keiyaku デモストア】解約完了のお知らせ（契約番号 ${row!.number}）`,
    );
    expect(body(mail.text)).toBe(
      `青木 一郎 様\n\nご契約の解約手続きが完了しました。2026年9月14日をもってサービスのご提供を終了いたしました。\n\n契約番号: ${row!.number}\n商品: ミライ グループウェア\n解約日（サービス最終日）: 2026年9月14日\n\nこれまでのご利用、誠にありがとうございました。`,
    );
    await mailWithSubject(
      t,
      PROVIDER_MAIL,
      `【keiyaku デモストア】契約終了のお知らせ（契約番号 ${row!.number}）`,
    );
    const hooks = await t.ctx.db
      .select({ eventType: webhookMessages.eventType, body: webhookMessages.body })
      .from(webhookMessages)
      .orderBy(asc(webhookMessages.id));
    expect(
      hooks
        .filter((h) => h.eventType.startsWith('contract.'))
        .map((h) => [h.eventType, JSON.parse(h.body).data.contractId, JSON.parse(h.body).data.endDate]),
    ).toEqual([
      ['contract.cancellation_scheduled', yearly, '2026-09-14'],
      ['contract.cancellation_scheduled', english, '2026-09-30'],
      ['contract.cancellation_scheduled', trial, '2026-09-20'],
      ['contract.cancellation_withdrawn', trial, null],
      ['contract.ended', yearly, '2026-09-14'],
    ]);
    // The English contract's last day is 30 September: still scheduled.
    const [en] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, english));
    expect(en!.status).toBe('cancellation_scheduled');
    const history = await t.ctx.db
      .select({ kind: contractEvents.kind, from: contractEvents.fromStatus, to: contractEvents.toStatus })
      .from(contractEvents)
      .where(eq(contractEvents.contractId, yearly))
      .orderBy(asc(contractEvents.at), asc(contractEvents.id));
    expect(history).toEqual([
      { kind: 'opened', from: null, to: 'active' },
      { kind: 'status_changed', from: 'active', to: 'cancellation_scheduled' },
      { kind: 'status_changed', from: 'cancellation_scheduled', to: 'ended' },
    ]);
  });

  it('leaves the ¥77,000 early-termination fee as one billing charge dated the last day, once however often the event is delivered', async () => {
    const charges = () =>
      t.ctx.db
        .select()
        .from(billingCharges)
        .where(eq(billingCharges.code, 'early_termination'))
        .orderBy(asc(billingCharges.id));
    const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.id, yearly));
    const expected = {
      kind: 'one_time',
      memberId: member.memberId,
      contractId: yearly,
      contractNumber: row!.number,
      descriptionJa: `中途解約料金（契約番号 ${row!.number}）`,
      descriptionEn: `Early-termination fee (contract ${row!.number})`,
      quantity: 1,
      unitPrice: 77000n,
      amount: 77000n,
      taxPercent: 10,
      serviceFrom: '2026-09-14',
      serviceThrough: '2026-09-14',
      source: 'event',
      idempotencyKey: `early_termination:${yearly}`,
      createdByKind: 'system',
      invoiceId: null,
    };
    expect(await charges()).toMatchObject([expected]);
    const audits = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'billing.charge_recorded'), eq(auditLog.targetId, member.memberId)));
    expect(audits.map((a) => a.after)).toMatchObject([{ amount: 77000, contractId: yearly }]);
    // Re-delivery: the recorded event dispatched again, once alone and then as twins in two transactions.
    const [stored] = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, 'contract.ended'), eq(domainEvents.subjectId, yearly)));
    const event = {
      id: stored!.id,
      type: 'contract.ended' as const,
      subjectId: yearly,
      payload: stored!.payload as unknown as ContractEndedPayload,
      at: Temporal.Instant.from(stored!.occurredAt.toISOString()),
    };
    const deliver = () => t.ctx.db.transaction((tx) => dispatchDomainEvent(tx, event));
    await deliver();
    if (onPostgres) await Promise.all([deliver(), deliver()]);
    else {
      await deliver();
      await deliver();
    }
    expect(await charges()).toMatchObject([expected]);
    expect(
      await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'billing.charge_recorded')),
    ).toHaveLength(1);
  });

  it('refuses to cancel or withdraw an ended contract', async () => {
    // The member's session idled out while the store clock moved two weeks: the operations the routes call.
    const actor = { kind: 'member' as const, id: member.memberId };
    const base = { contractId: yearly, memberId: member.memberId, actor, now: t.ctx.clock.now() };
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'done',
        (e: { code?: string }) => e.code,
      );
    expect(await codeOf(applyForCancellation(t.ctx.db, { ...base, endDate: '2026-12-31' }))).toBe(
      'contract_not_cancellable',
    );
    expect(await codeOf(withdrawCancellation(t.ctx.db, base))).toBe('contract_cancellation_not_pending');
  });
});
