// Every term is invoiced exactly once: terms paid before the close (at checkout, a renewal paid ahead) are invoiced paid, with their payment in the ledger; open terms are issued.
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceLines, invoices, receivableEntries } from '../../src/db/schema/billing-invoices.js';
import { contractRenewals } from '../../src/db/schema/contracts.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { newId } from '../../src/domain/ids.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { closeBillingMonth, getMemberBalance } from '../../src/modules/billing/index.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  insertBillingOrder,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
const clock = new FakeClock('2026-04-01T09:00:00+09:00');
const actor = { kind: 'cli' as const, id: 'test' };
const db = () => database.handle.db;
const m = { card: '', transfer: '', paidTransfer: '', mixed: '' };
const c: Record<string, string> = {};

function pricing(code: string, amount: number) {
  return {
    lines: [
      {
        kind: 'plan',
        code,
        labelJa: `${code} 利用料`,
        labelEn: `${code} fee`,
        quantity: 1,
        unitPrice: amount,
        amount,
        taxRate: 10,
        recurring: true,
      },
    ],
    monthlyAmount: null,
    termAmount: amount,
    oneTimeAmount: 0,
  };
}

async function insertRenewal(
  contractId: string,
  memberId: string,
  input: { status: 'pending' | 'paid'; start: string; end: string; amount: number },
) {
  const at = toDate(clock.now());
  await db()
    .insert(contractRenewals)
    .values({
      id: newId('contractRenewal'),
      contractId,
      memberId,
      status: input.status,
      how: 'manual',
      term: '1m',
      termMonths: 1,
      options: [],
      pricing: pricing('renewed', input.amount),
      totalAmount: BigInt(Math.floor(input.amount * 1.1)),
      termStart: input.start,
      termEnd: input.end,
      quotedAt: at,
      paidAt: input.status === 'paid' ? at : null,
      paidBy: input.status === 'paid' ? 'opr_test' : null,
    });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoCatalog(db(), { actor, now: clock.now() });
  await setInvoiceIssuer(db(), {
    issuerName: '株式会社キーヤク',
    registrationNumber: null,
    taxRounding: 'floor',
  });
  const at = toDate(clock.now());
  const productId = await demoProductId(db());
  for (const key of Object.keys(m) as (keyof typeof m)[])
    m[key] = await insertBillingMember(db(), `精算 ${key}`, at);
  const line = (code: string, amount: number) => [{ code, amount, taxRate: 10 as const }];

  // Ordered by card on 10 April: the first term was charged at checkout.
  const cardOrder = await insertBillingOrder(db(), {
    memberId: m.card,
    paymentMethod: 'card',
    total: 3_300,
    at,
  });
  c.card = await insertBillingContract(db(), {
    memberId: m.card,
    productId,
    termMonths: 1,
    start: '2026-04-10',
    lines: line('card', 3_000),
    orderId: cardOrder,
    at,
  });
  // Bank transfer since 5 March; the April term's renewal was quoted at ¥5,500 and is not paid.
  const transferOrder = await insertBillingOrder(db(), {
    memberId: m.transfer,
    paymentMethod: 'bank_transfer',
    total: 5_500,
    at,
  });
  c.transfer = await insertBillingContract(db(), {
    memberId: m.transfer,
    productId,
    termMonths: 1,
    start: '2026-03-05',
    lines: line('transfer', 5_000),
    orderId: transferOrder,
    paymentMethod: 'bank_transfer',
    at,
  });
  await insertRenewal(c.transfer, m.transfer, {
    status: 'pending',
    start: '2026-04-05',
    end: '2026-05-04',
    amount: 5_500,
  });
  // Bank transfer, the April term's renewal paid before it began.
  c.paidTransfer = await insertBillingContract(db(), {
    memberId: m.paidTransfer,
    productId,
    termMonths: 1,
    start: '2026-03-20',
    lines: line('prepaid', 2_000),
    paymentMethod: 'bank_transfer',
    at,
  });
  await insertRenewal(c.paidTransfer, m.paidTransfer, {
    status: 'paid',
    start: '2026-04-20',
    end: '2026-05-19',
    amount: 2_000,
  });
  // One member, two terms in April: a card order's first term (paid) and a bank-transfer term (open).
  const mixedOrder = await insertBillingOrder(db(), {
    memberId: m.mixed,
    paymentMethod: 'card',
    total: 1_100,
    at,
  });
  c.mixedCard = await insertBillingContract(db(), {
    memberId: m.mixed,
    productId,
    termMonths: 1,
    start: '2026-04-02',
    lines: line('mixcard', 1_000),
    orderId: mixedOrder,
    at,
  });
  c.mixedOpen = await insertBillingContract(db(), {
    memberId: m.mixed,
    productId,
    termMonths: 1,
    start: '2026-03-25',
    lines: line('mixopen', 2_000),
    paymentMethod: 'bank_transfer',
    at,
  });
});
afterAll(() => database.drop());

async function invoiceOf(memberId: string, from: string) {
  const [found] = await db()
    .select()
    .from(invoices)
    .where(and(eq(invoices.memberId, memberId), eq(invoices.periodFrom, from)));
  if (!found) throw new Error(`no invoice for ${memberId} from ${from}`);
  const lines = await db()
    .select({
      code: invoiceLines.code,
      amount: invoiceLines.amount,
      from: invoiceLines.serviceFrom,
      through: invoiceLines.serviceThrough,
    })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, found.id))
    .orderBy(asc(invoiceLines.code));
  const ledger = await db()
    .select({ kind: receivableEntries.kind, amount: receivableEntries.amount, note: receivableEntries.note })
    .from(receivableEntries)
    .where(eq(receivableEntries.invoiceId, found.id))
    .orderBy(asc(receivableEntries.kind));
  return {
    status: found.status,
    total: Number(found.total),
    lines: lines.map((l) => ({ ...l, amount: Number(l.amount) })),
    ledger: ledger.map((e) => ({ ...e, amount: Number(e.amount) })),
  };
}

describe('terms settled before the close', () => {
  it('April: the card term paid at checkout is invoiced paid, the unpaid renewal issued at its quoted price', async () => {
    clock.travelTo('2026-05-01T09:00:00+09:00');
    const result = await closeBillingMonth(db(), {
      month: '2026-04',
      dryRun: false,
      actor,
      now: clock.now(),
    });
    expect(result.written).toEqual({ invoices: 4, lines: 5, total: 3_300 + 6_050 + 2_200 + 3_300 });

    expect(await invoiceOf(m.card, '2026-04-01')).toEqual({
      status: 'paid',
      total: 3_300,
      lines: [{ code: 'card', amount: 3_000, from: '2026-04-10', through: '2026-05-09' }],
      ledger: [
        { kind: 'invoice', amount: 3_300, note: null },
        { kind: 'payment', amount: -3_300, note: 'settled_before_close' },
      ],
    });
    expect(await invoiceOf(m.transfer, '2026-04-01')).toEqual({
      status: 'issued',
      total: 6_050,
      lines: [{ code: 'renewed', amount: 5_500, from: '2026-04-05', through: '2026-05-04' }],
      ledger: [{ kind: 'invoice', amount: 6_050, note: null }],
    });
    expect(await invoiceOf(m.paidTransfer, '2026-04-01')).toEqual({
      status: 'paid',
      total: 2_200,
      lines: [{ code: 'renewed', amount: 2_000, from: '2026-04-20', through: '2026-05-19' }],
      ledger: [
        { kind: 'invoice', amount: 2_200, note: null },
        { kind: 'payment', amount: -2_200, note: 'settled_before_close' },
      ],
    });
    // ¥1,000 paid at checkout with its ¥100 tax; the other term's ¥2,200 is still open.
    const mixed = await invoiceOf(m.mixed, '2026-04-01');
    expect(mixed).toEqual({
      status: 'partially_paid',
      total: 3_300,
      lines: [
        { code: 'mixcard', amount: 1_000, from: '2026-04-02', through: '2026-05-01' },
        { code: 'mixopen', amount: 2_000, from: '2026-04-25', through: '2026-05-24' },
      ],
      ledger: [
        { kind: 'invoice', amount: 3_300, note: null },
        { kind: 'payment', amount: -1_100, note: 'settled_before_close' },
      ],
    });

    expect(await getMemberBalance(db(), m.card)).toBe(0);
    expect(await getMemberBalance(db(), m.transfer)).toBe(6_050);
    expect(await getMemberBalance(db(), m.paidTransfer)).toBe(0);
    expect(await getMemberBalance(db(), m.mixed)).toBe(2_200);
  });

  it('a second close of April answers the first run and writes no second payment', async () => {
    const again = await closeBillingMonth(db(), { month: '2026-04', dryRun: false, actor, now: clock.now() });
    expect(again.alreadyClosed).toBe(true);
    const payments = await db().select().from(receivableEntries).where(eq(receivableEntries.kind, 'payment'));
    expect(payments.length).toBe(3);
  });

  it("May: the card contract's second term, charged by nobody yet, is issued once", async () => {
    clock.travelTo('2026-06-01T09:00:00+09:00');
    await closeBillingMonth(db(), { month: '2026-05', dryRun: false, actor, now: clock.now() });
    expect(await invoiceOf(m.card, '2026-05-01')).toEqual({
      status: 'issued',
      total: 3_300,
      lines: [{ code: 'card', amount: 3_000, from: '2026-05-10', through: '2026-06-09' }],
      ledger: [{ kind: 'invoice', amount: 3_300, note: null }],
    });
    expect(await getMemberBalance(db(), m.card)).toBe(3_300);
  });
});
