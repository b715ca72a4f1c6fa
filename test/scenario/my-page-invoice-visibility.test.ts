// My Page shows an invoice from its billing month's reflection date (seed 003: the 10th) on the store's clock, never before, and never a draft.
import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../src/db/schema/billing-invoices.js';
import { toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { closeBillingMonth, getMyPageInvoice, listMyPageInvoices } from '../../src/modules/billing/index.js';
import { demoProductId, insertBillingContract, setInvoiceIssuer } from '../helpers/billing-fixtures.js';
import { registerAndSignIn, type SignedInMember } from '../helpers/member-session.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let alice: SignedInMember;
let bob: SignedInMember;
const actor = { kind: 'cli' as const, id: 'test' };

type ListBody = {
  invoices: {
    id: string;
    month: string;
    visibleFrom: string;
    dueDate: string | null;
    paymentMethod: string | null;
    paymentMethodLabel: { ja: string; en: string };
    total: number;
  }[];
  total: number;
};

async function listOf(member: SignedInMember): Promise<ListBody> {
  const res = await member.browser.send('/api/mypage/invoices', 'GET');
  expect(res.status).toBe(200);
  return (await res.json()) as ListBody;
}

beforeAll(async () => {
  // The store's clock starts 20 minutes before 10 April in Tokyo: sessions stay within their idle window.
  t = await createTestApp({ clockStart: '2026-04-09T23:40:00+09:00' });
  await t.startWorker();
  await seedDemoCatalog(t.ctx.db, { actor, now: t.clock.now() });
  await setInvoiceIssuer(t.ctx.db, {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  alice = await registerAndSignIn(t, { loginId: 'vis-alice', name: '表示 アリス', email: 'va@example.jp' });
  bob = await registerAndSignIn(t, { loginId: 'vis-bob', name: '表示 ボブ', email: 'vb@example.jp' });
  const productId = await demoProductId(t.ctx.db);
  const at = toDate(t.clock.now());
  await insertBillingContract(t.ctx.db, {
    memberId: alice.memberId,
    productId,
    termMonths: 1,
    start: '2026-03-20',
    lines: [{ code: 'base', amount: 1_000, taxRate: 10 }],
    at,
  });
  await insertBillingContract(t.ctx.db, {
    memberId: bob.memberId,
    productId,
    termMonths: 1,
    start: '2026-04-01',
    lines: [{ code: 'base', amount: 2_000, taxRate: 10 }],
    paymentMethod: 'bank_transfer',
    at,
  });
});
afterAll(() => t.close());

describe('the reflection day (start-of-month close, reflection on the 10th)', () => {
  it('April’s invoices are hidden until 10 April 00:00 in Tokyo and shown from then, with due dates per method', async () => {
    // The close writes April's invoices, issued (dated the 1st).
    await closeBillingMonth(t.ctx.db, { month: '2026-04', dryRun: false, actor, now: t.clock.now() });
    const [alices] = await t.ctx.db.select().from(invoices).where(eq(invoices.memberId, alice.memberId));
    expect(alices?.status).toBe('issued');

    t.clock.travelTo('2026-04-09T23:59:59+09:00');
    expect(await listOf(alice)).toEqual({ invoices: [], total: 0 });
    expect(await listOf(bob)).toEqual({ invoices: [], total: 0 });
    const early = await alice.browser.send(`/api/mypage/invoices/${alices!.id}`, 'GET');
    expect(early.status).toBe(404);
    expect(((await early.json()) as { code: string }).code).toBe('invoice_not_found');

    // 2026-04-09T15:00Z is already the 10th in Tokyo: the store's date decides, not UTC's.
    t.clock.travelTo('2026-04-09T15:00:00Z');
    const list = await listOf(alice);
    expect(list.total).toBe(1);
    expect(
      list.invoices.map((i) => [
        i.month,
        i.visibleFrom,
        i.dueDate,
        i.paymentMethod,
        i.paymentMethodLabel,
        i.total,
      ]),
    ).toEqual([
      // A card is charged when the amount is confirmed: for a charge fixed by the order, at the close.
      ['2026-04', '2026-04-10', '2026-04-01', 'card', { ja: 'クレジットカード', en: 'Credit card' }, 1_100],
    ]);
    const shown = await alice.browser.send(`/api/mypage/invoices/${alices!.id}`, 'GET');
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as { visibleFrom: string }).visibleFrom).toBe('2026-04-10');
    // Bank transfer: sent on the 25th (Saturday 25 April → Monday 27 April), due 30 days later: 27 May.
    expect(
      (await listOf(bob)).invoices.map((i) => [i.visibleFrom, i.dueDate, i.paymentMethodLabel.ja, i.total]),
    ).toEqual([['2026-04-10', '2026-05-27', '銀行振込', 2_200]]);
  });

  it('May’s invoice waits for 10 May while April’s stays; a draft is never shown', async () => {
    // A month later the sessions have gone idle: the service the routes call is read at the store's instants.
    const monthsOf = async (at: string) =>
      (
        await listMyPageInvoices(t.ctx.db, {
          memberId: alice.memberId,
          now: Temporal.Instant.from(at),
          limit: 24,
          offset: 0,
        })
      ).invoices.map((i) => [i.month, i.visibleFrom]);
    await closeBillingMonth(t.ctx.db, {
      month: '2026-05',
      dryRun: false,
      actor,
      now: Temporal.Instant.from('2026-05-01T09:00:00+09:00'),
    });
    expect(await monthsOf('2026-05-09T23:59:59+09:00')).toEqual([['2026-04', '2026-04-10']]);
    expect(await monthsOf('2026-05-10T00:00:00+09:00')).toEqual([
      ['2026-05', '2026-05-10'],
      ['2026-04', '2026-04-10'],
    ]);

    // A draft, even of a reflected month, is neither listed nor readable.
    const [may] = await t.ctx.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.memberId, alice.memberId), eq(invoices.periodFrom, '2026-05-01')));
    await t.ctx.db.update(invoices).set({ status: 'draft' }).where(eq(invoices.id, may!.id));
    expect(await monthsOf('2026-05-10T00:00:00+09:00')).toEqual([['2026-04', '2026-04-10']]);
    await expect(
      getMyPageInvoice(t.ctx.db, {
        invoiceId: may!.id,
        memberId: alice.memberId,
        now: Temporal.Instant.from('2026-05-10T00:00:00+09:00'),
      }),
    ).rejects.toMatchObject({ code: 'invoice_not_found' });
  });
});
