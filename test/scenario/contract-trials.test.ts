// Free trials through the store clock: the reminder mail N days before the last day, then conversion to the paid plan (first paid term from the next day, at that day's price) or the end, with exact dates, yen, history and mail text.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  catalogPlans,
  catalogPlanTerms,
  catalogProducts,
  catalogTrials,
} from '../../src/db/schema/catalog.js';
import { contractEvents, contracts } from '../../src/db/schema/contracts.js';
import { domainEvents } from '../../src/db/schema/events.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { type DevMail, listDevMailbox } from '../../src/modules/notifications/index.js';
import { travel } from '../helpers/member-browser.js';
import {
  Browser,
  mailTo,
  memberTestPassword,
  registerAndSignIn,
  type SignedInMember,
} from '../helpers/member-session.js';
import { operatorSignedIn, type SignedInOperator } from '../helpers/operator-session.js';
import { insertTestOrder } from '../helpers/orders.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let owner: SignedInOperator;
let converting: SignedInMember;
let ending: SignedInMember;
let unpaid: SignedInMember;
/** Trial of Mirai Groupware business (10 users, monthly) with a card: converts. */
let convertId: string;
/** Trial of the cloud server, whose product ends trials (`at_end = end`): ends although a card is on file. */
let endId: string;
/** Trial of Mirai Groupware without a payment method: nothing to charge, so it ends. */
let noMethodId: string;

const emails = {
  converting: 'trial.convert@example.jp',
  ending: 'trial.end@example.jp',
  unpaid: 'trial.none@example.jp',
};

async function move(to: string): Promise<{ status: number; sweeps: { name: string; count: number }[] }> {
  const res = await owner.browser.send('/api/admin/test-clock', 'POST', { to });
  const body = (await res.json()) as { sweeps: { name: string; count: number }[] };
  return { status: res.status, sweeps: body.sweeps };
}

function trialsCount(sweeps: { name: string; count: number }[]): number | undefined {
  return sweeps.find((s) => s.name === 'contracts.trials')?.count;
}

/** The mails of one template delivered to `to` so far. */
async function mailsOf(to: string, template: string): Promise<DevMail[]> {
  return (await listDevMailbox(t.ctx.db, 500))
    .filter((m) => m.to === to && m.template === template)
    .sort((a, b) => a.outboxId.localeCompare(b.outboxId));
}

/** The body of a mail without the store's signature. */
function body(mail: DevMail): string {
  return mail.text.split('\n\n―')[0]!;
}

/** Signs a member in again with the password and the mailed code (after a jump outlived the session). */
async function signInAgain(loginId: string, email: string): Promise<Browser> {
  const browser = new Browser(t);
  const before = (await listDevMailbox(t.ctx.db, 500)).filter((m) => m.to === email).length;
  const res = await browser.send('/api/sessions', 'POST', { loginId, password: memberTestPassword });
  expect(res.status).toBe(202);
  const codeMail = (await mailTo(t, email, before + 1)).at(-1)!;
  const code = /(?:コード|code is): (\d{6})/.exec(codeMail.text)![1]!;
  expect((await browser.send('/api/sessions/verify-code', 'POST', { code })).status).toBe(200);
  return browser;
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
  ).map((e) => ({ kind: e.kind, from: e.fromStatus, to: e.toStatus, actor: e.actorKind, reason: e.reason }));
}

async function startLine(lineId: string, date: string): Promise<void> {
  const res = await owner.browser.send(`/api/admin/order-lines/${lineId}/start`, 'POST', {
    serviceStartDate: date,
  });
  expect(res.status).toBe(200);
}

async function contractOfLine(lineId: string): Promise<string> {
  const [row] = await t.ctx.db.select().from(contracts).where(eq(contracts.orderLineId, lineId));
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp({ env: { KEIYAKU_TEST_CLOCK: '1' } });
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  travel(t, '2026-04-01T09:00:00+09:00');
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor: { kind: 'cli', id: 'test' }, now: t.clock.now() });
  owner = await operatorSignedIn(t, 'trial.owner', ['owner']);
  converting = await registerAndSignIn(t, {
    loginId: 'trial-convert',
    name: '試用 一郎',
    email: emails.converting,
  });
  ending = await registerAndSignIn(t, { loginId: 'trial-end', name: '試用 二郎', email: emails.ending });
  unpaid = await registerAndSignIn(t, { loginId: 'trial-none', name: '試用 三郎', email: emails.unpaid });
  // The base clock stands still from here; the store clock moves only through the owner's moves.
  travel(t, '2026-04-01T09:00:00+09:00');

  // The cloud server's trials end at their last day instead of converting (the product's setting).
  const [cloud] = await t.ctx.db
    .select()
    .from(catalogProducts)
    .where(eq(catalogProducts.slug, 'cloud-server'));
  await t.ctx.db.update(catalogTrials).set({ atEnd: 'end' }).where(eq(catalogTrials.productId, cloud!.id));

  const a = await insertTestOrder(t, {
    memberId: converting.memberId,
    paymentMethod: 'card',
    lines: [
      { productSlug: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 10, trialDays: 30 },
    ],
  });
  const b = await insertTestOrder(t, {
    memberId: ending.memberId,
    paymentMethod: 'card',
    lines: [{ productSlug: 'cloud-server', plan: 'standard', term: 'monthly', trialDays: 30 }],
  });
  const c = await insertTestOrder(t, {
    memberId: unpaid.memberId,
    paymentMethod: 'none',
    lines: [
      { productSlug: 'mirai-groupware', plan: 'business', term: 'monthly', quantity: 3, trialDays: 30 },
    ],
  });
  await startLine(a.lineIds[0]!, '2026-04-01');
  await startLine(b.lineIds[0]!, '2026-04-01');
  await startLine(c.lineIds[0]!, '2026-04-01');
  convertId = await contractOfLine(a.lineIds[0]!);
  endId = await contractOfLine(b.lineIds[0]!);
  noMethodId = await contractOfLine(c.lineIds[0]!);
});
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('a 30-day trial started on 1 April 2026', () => {
  it('opens as a trial whose last day is 30 April, with the product’s end setting kept', async () => {
    expect(await contract(convertId)).toMatchObject({
      status: 'trial',
      startDate: '2026-04-01',
      trialEnd: '2026-04-30',
      currentTermEnd: '2026-04-30',
      trialAtEnd: 'convert',
      paymentMethod: 'card',
    });
    expect(await contract(endId)).toMatchObject({
      status: 'trial',
      trialEnd: '2026-04-30',
      trialAtEnd: 'end',
    });
    expect(await contract(noMethodId)).toMatchObject({
      status: 'trial',
      trialEnd: '2026-04-30',
      trialAtEnd: 'convert',
      paymentMethod: null,
    });
  });

  it('mails the reminder exactly 7 days before the last day (the store default), once, saying what happens', async () => {
    const before = await move('2026-04-22T23:59:59+09:00');
    expect(before.status).toBe(200);
    expect(trialsCount(before.sweeps)).toBe(0);
    expect(await mailsOf(emails.converting, 'contract-trial-ending')).toEqual([]);

    const on = await move('2026-04-23T00:00:00+09:00');
    expect(trialsCount(on.sweeps)).toBe(3);
    const [convertMail] = await mailTo(t, emails.converting, 4).then(() =>
      mailsOf(emails.converting, 'contract-trial-ending'),
    );
    expect(convertMail!.subject).toMatch(
      /お試し期間終了のご案内（2026年4月30日まで・契約番号 C2026-00000\d）$/,
    );
    const convertNumber = (await contract(convertId)).number;
    expect(body(convertMail!)).toBe(
      `試用 一郎 様\n\nお試し期間は2026年4月30日で終了します。\n\n契約番号: ${convertNumber}\n商品: ミライ グループウェア\n\n` +
        '2026年5月1日から有料プランでのご契約が始まります。ご利用を終える場合は2026年4月30日までにマイページから解約してください。',
    );
    await mailTo(t, emails.ending, 4);
    const [endMail] = await mailsOf(emails.ending, 'contract-trial-ending');
    expect(body(endMail!)).toBe(
      `試用 二郎 様\n\nお試し期間は2026年4月30日で終了します。\n\n契約番号: ${(await contract(endId)).number}\n商品: けいやくクラウド 仮想サーバー\n\n` +
        '2026年4月30日をもってご契約は終了します。引き続きご利用の場合は有料プランをご注文ください。',
    );
    // Without a payment method the trial cannot convert, so the reminder says it ends.
    await mailTo(t, emails.unpaid, 4);
    const [noMethodMail] = await mailsOf(emails.unpaid, 'contract-trial-ending');
    expect(body(noMethodMail!)).toBe(
      `試用 三郎 様\n\nお試し期間は2026年4月30日で終了します。\n\n契約番号: ${(await contract(noMethodId)).number}\n商品: ミライ グループウェア\n\n` +
        '2026年4月30日をもってご契約は終了します。引き続きご利用の場合は有料プランをご注文ください。',
    );

    // A later move inside the reminder period sends nothing again.
    const again = await move('2026-04-25T12:00:00+09:00');
    expect(trialsCount(again.sweeps)).toBe(0);
    expect(await mailsOf(emails.converting, 'contract-trial-ending')).toHaveLength(1);
  });

  it('is still a trial through its last day', async () => {
    const last = await move('2026-04-30T23:59:59+09:00');
    expect(trialsCount(last.sweeps)).toBe(0);
    for (const id of [convertId, endId, noMethodId]) expect((await contract(id)).status).toBe('trial');
  });

  it('converts at the end of the last day: first paid term from 1 May, priced at that day’s catalog price', async () => {
    // The catalog's monthly business price rises from ¥800 to ¥900 per user before the conversion.
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
      .set({ price: 900n })
      .where(and(eq(catalogPlanTerms.planId, plan!.id), eq(catalogPlanTerms.term, 'monthly')));

    const next = await move('2026-05-01T00:00:00+09:00');
    expect(trialsCount(next.sweeps)).toBe(3);
    const row = await contract(convertId);
    expect(row).toMatchObject({
      status: 'active',
      startDate: '2026-04-01',
      trialEnd: '2026-04-30',
      currentTermStart: '2026-05-01',
      currentTermEnd: '2026-05-31',
      termMonths: 1,
      termAmount: 9000n,
      renewalMode: 'auto',
      endDate: null,
    });
    expect(row.pricing).toEqual({
      lines: [
        {
          kind: 'plan',
          code: 'business',
          labelJa: 'ビジネス',
          labelEn: 'Business',
          quantity: 10,
          unitPrice: 900,
          amount: 9000,
          taxRate: 10,
          recurring: true,
        },
      ],
      monthlyAmount: 9000,
      termAmount: 9000,
      oneTimeAmount: 0,
    });
    expect(await history(convertId)).toEqual([
      { kind: 'opened', from: null, to: 'trial', actor: 'operator', reason: null },
      { kind: 'status_changed', from: 'trial', to: 'active', actor: 'system', reason: 'trial_converted' },
    ]);
    const events = await t.ctx.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.subjectId, convertId), eq(domainEvents.type, 'contract.status_changed')));
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      fromStatus: 'trial',
      toStatus: 'active',
      currentTermStart: '2026-05-01',
      currentTermEnd: '2026-05-31',
      pricing: row.pricing,
    });
    await mailTo(t, emails.converting, 5);
    const [converted] = await mailsOf(emails.converting, 'contract-trial-ended');
    expect(converted!.subject).toBe(
      `${converted!.subject.split('】')[0]}】有料プランへの移行のお知らせ（契約番号 ${row.number}）`,
    );
    expect(body(converted!)).toBe(
      `試用 一郎 様\n\nお試し期間が2026年4月30日で終了し、有料プランでのご契約を開始しました。\n\n契約期間: 2026年5月1日〜2026年5月31日\n\n契約番号: ${row.number}\n商品: ミライ グループウェア`,
    );

    // My Page shows the paid contract.
    const page = await converting.browser.send(`/api/mypage/contracts/${convertId}`, 'GET');
    // The month-long jump outlived the member's session (sessions are dated by the store clock).
    expect(page.status).toBe(401);
    const again = await signInAgain('trial-convert', emails.converting);
    const detail = await again.send(`/api/mypage/contracts/${convertId}`, 'GET');
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      status: 'active',
      startDate: '2026-04-01',
      currentTermEnd: '2026-05-31',
      termAmount: 9000,
      pricing: row.pricing,
    });
  });

  it('ends a trial whose product ends trials, and one without a payment method, on the last day', async () => {
    for (const id of [endId, noMethodId]) {
      expect(await contract(id)).toMatchObject({
        status: 'ended',
        endDate: '2026-04-30',
        currentTermEnd: '2026-04-30',
      });
      expect(await history(id)).toEqual([
        { kind: 'opened', from: null, to: 'trial', actor: 'operator', reason: null },
        { kind: 'status_changed', from: 'trial', to: 'ended', actor: 'system', reason: 'trial_ended' },
      ]);
    }
    await mailTo(t, emails.ending, 5);
    const [ended] = await mailsOf(emails.ending, 'contract-trial-ended');
    expect(body(ended!)).toBe(
      `試用 二郎 様\n\nお試し期間が2026年4月30日で終了し、ご契約も終了しました。\n\n契約番号: ${(await contract(endId)).number}\n商品: けいやくクラウド 仮想サーバー`,
    );
    await mailTo(t, emails.unpaid, 5);
    expect(await mailsOf(emails.unpaid, 'contract-trial-ended')).toHaveLength(1);

    // Nothing happens twice.
    const later = await move('2026-05-02T00:00:00+09:00');
    expect(trialsCount(later.sweeps)).toBe(0);
    expect(await mailsOf(emails.converting, 'contract-trial-ended')).toHaveLength(1);
  });
});
