// Invoice mails through the outbox to a real SMTP peer: "invoice issued" once per invoice from the reflection day, and a reminder 3 days before an unpaid due date.
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../src/db/schema/billing-invoices.js';
import { members } from '../../src/db/schema/identity.js';
import { toDate } from '../../src/domain/clock.js';
import { invoiceNoticesSweep } from '../../src/flows/invoice-notices-sweep.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { closeBillingMonth } from '../../src/modules/billing/index.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;
let alice: string;
let bob: string;
const actor = { kind: 'cli' as const, id: 'test' };
const store = '【keiyaku デモストア】';

const sweepAt = (at: string) => invoiceNoticesSweep(t.ctx, Temporal.Instant.from(at));

async function emailOf(memberId: string): Promise<string> {
  const [row] = await t.ctx.db.select({ email: members.email }).from(members).where(eq(members.id, memberId));
  return row!.email;
}

async function numberOf(memberId: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ n: invoices.number })
    .from(invoices)
    .where(eq(invoices.memberId, memberId));
  return row!.n;
}

function bodyLines(mail: ReceivedMail, count: number): string[] {
  return mail.text.split('\n').slice(0, count);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ smtpUrl: sink.url });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  await setInvoiceIssuer(t.ctx.db, {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  const at = toDate(t.clock.now());
  const productId = await demoProductId(t.ctx.db);
  alice = await insertBillingMember(t.ctx.db, '請求 アリス', at);
  bob = await insertBillingMember(t.ctx.db, 'Bob Billing', at);
  await t.ctx.db.update(members).set({ locale: 'en' }).where(eq(members.id, bob));
  await insertBillingContract(t.ctx.db, {
    memberId: alice,
    productId,
    termMonths: 1,
    start: '2026-03-20',
    lines: [{ code: 'base', amount: 1_000, taxRate: 10 }],
    paymentMethod: 'bank_transfer',
    at,
  });
  await insertBillingContract(t.ctx.db, {
    memberId: bob,
    productId,
    termMonths: 1,
    start: '2026-04-01',
    lines: [{ code: 'base', amount: 2_000, taxRate: 10 }],
    paymentMethod: 'direct_debit',
    at,
  });
  await closeBillingMonth(t.ctx.db, { month: '2026-04', dryRun: false, actor, now: t.clock.now() });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('invoice mails', () => {
  it('"invoice issued" goes once per invoice on the reflection day, in the member’s language', async () => {
    expect(await sweepAt('2026-04-09T23:59:59+09:00')).toBe(0);
    expect(await sweepAt('2026-04-10T00:00:00+09:00')).toBe(2);
    // A re-run, the same day or later, sends nothing twice.
    expect(await sweepAt('2026-04-10T00:00:00+09:00')).toBe(0);
    expect(await sweepAt('2026-04-11T09:00:00+09:00')).toBe(0);
    const mails = await sink.waitFor(2);
    const aliceNumber = await numberOf(alice);
    const bobNumber = await numberOf(bob);
    const aliceEmail = await emailOf(alice);
    const bobEmail = await emailOf(bob);
    const ja = mails.find((m) => m.to.includes(aliceEmail))!;
    const en = mails.find((m) => m.to.includes(bobEmail))!;
    expect(ja.subject).toBe(`${store}請求書発行のお知らせ（2026年4月分・${aliceNumber}）`);
    expect(bodyLines(ja, 8)).toEqual([
      '請求 アリス 様',
      '',
      '2026年4月分の請求書を発行しました。',
      '',
      `請求書番号: ${aliceNumber}`,
      'ご請求額（税込）: ¥1,100',
      // Bank transfer: sent on Monday 27 April (the 25th is a Saturday), due 30 days later.
      'お支払い期日: 2026年5月27日',
      'お支払い方法: 銀行振込',
    ]);
    expect(ja.text).toContain(
      `マイページで内容の確認と請求書（PDF）のダウンロードができます: ${t.ctx.config.publicUrl}/mypage/invoices`,
    );
    expect(en.subject).toBe(`[keiyaku デモストア] Your invoice for April 2026 (${bobNumber})`);
    expect(bodyLines(en, 8)).toEqual([
      'Dear Bob Billing,',
      '',
      'Your invoice for April 2026 has been issued.',
      '',
      `Invoice number: ${bobNumber}`,
      'Amount (tax incl.): ¥2,200',
      // Direct debit on the 7th of the next month: Thursday 7 May, after Golden Week.
      'Due date: 7 May 2026',
      'Payment method: Direct debit',
    ]);
  });

  it('reminds 3 days before an unpaid due date, once', async () => {
    // Bob's debit on 7 May: reminded from 4 May; Alice's transfer on 27 May not yet.
    expect(await sweepAt('2026-05-03T23:59:59+09:00')).toBe(0);
    expect(await sweepAt('2026-05-04T00:00:00+09:00')).toBe(1);
    expect(await sweepAt('2026-05-05T09:00:00+09:00')).toBe(0);
    expect(await sweepAt('2026-05-24T09:00:00+09:00')).toBe(1);
    expect(await sweepAt('2026-05-27T09:00:00+09:00')).toBe(0);
    const mails = await sink.waitFor(4);
    const aliceNumber = await numberOf(alice);
    const bobNumber = await numberOf(bob);
    const en = mails.find((m) => m.subject.startsWith('[keiyaku デモストア] Payment due'))!;
    expect(en.subject).toBe(`[keiyaku デモストア] Payment due on 7 May 2026 (invoice ${bobNumber})`);
    expect(bodyLines(en, 7)).toEqual([
      'Dear Bob Billing,',
      '',
      'The payment of your invoice is due on 7 May 2026.',
      '',
      `Invoice number: ${bobNumber}`,
      'Amount (tax incl.): ¥2,200',
      'Payment method: Direct debit',
    ]);
    const ja = mails.find((m) => m.subject.includes('お支払い期日のご案内'))!;
    expect(ja.subject).toBe(`${store}お支払い期日のご案内（2026年5月27日・${aliceNumber}）`);
    expect(bodyLines(ja, 7)).toEqual([
      '請求 アリス 様',
      '',
      'ご請求のお支払い期日は2026年5月27日です。',
      '',
      `請求書番号: ${aliceNumber}`,
      'ご請求額（税込）: ¥1,100',
      'お支払い方法: 銀行振込',
    ]);
    expect(mails).toHaveLength(4);
  });
});
