// Seed 001's confirmation table through the close: April's usage is final on 13 April, 13 May or 13 June by
// the product's rule, so the invoice of the close that bills it (May's, on 1 May: usage in arrears, the term
// in advance) is issued at the close or waits as a draft for that day.
import { asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, receivableEntries } from '../../src/db/schema/billing-invoices.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  closeBillingMonth,
  getMemberBalance,
  issueDueInvoices,
  recordUsage,
} from '../../src/modules/billing/index.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

let database: TestDatabase;
const db = () => database.handle.db;
const clock = new FakeClock('2026-04-20T09:00:00+09:00');
const operator = { kind: 'operator' as const, id: 'opr_billing' };
const provider = { kind: 'provider' as const, id: 'prv_test' };

/** The three rules of seed 001's table, each a member with one monthly contract of a demo plan that has it. */
const rules = [
  { rule: 'usage_month_13', product: 'mirai-groupware', plan: 'business', name: '当月 一郎' },
  { rule: 'next_month_13', product: 'cloud-server', plan: 'standard', name: '翌月 二郎' },
  { rule: 'month_after_next_13', product: 'cloud-server', plan: 'large', name: '翌々月 三郎' },
] as const;
const members: Record<(typeof rules)[number]['rule'], string> = {
  usage_month_13: '',
  next_month_13: '',
  month_after_next_13: '',
};

async function invoiceOf(memberId: string) {
  const [row] = await db()
    .select({
      id: invoices.id,
      status: invoices.status,
      issueDate: invoices.issueDate,
      rule: invoices.confirmationRule,
      total: invoices.total,
    })
    .from(invoices)
    .where(eq(invoices.memberId, memberId));
  return { ...row!, total: Number(row!.total) };
}

async function ledgerOf(invoiceId: string) {
  const rows = await db()
    .select({
      kind: receivableEntries.kind,
      amount: receivableEntries.amount,
      on: receivableEntries.occurredOn,
    })
    .from(receivableEntries)
    .where(eq(receivableEntries.invoiceId, invoiceId))
    .orderBy(asc(receivableEntries.occurredOn));
  return rows.map((r) => [r.kind, Number(r.amount), r.on]);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoCatalog(db(), { actor: operator, now: clock.now() });
  await setInvoiceIssuer(db(), {
    issuerName: '株式会社キーヤク',
    registrationNumber: null,
    taxRounding: 'floor',
  });
  const at = toDate(clock.now());
  for (const { rule, product, plan, name } of rules) {
    const memberId = await insertBillingMember(db(), name, at);
    members[rule] = memberId;
    // A monthly term from the 15th: May's term (15 May – 14 June) is billed in advance, ¥1,000.
    const contractId = await insertBillingContract(db(), {
      memberId,
      productId: await demoProductId(db(), product),
      plan,
      termMonths: 1,
      start: '2026-03-15',
      lines: [{ code: 'base', amount: 1_000, taxRate: 10 }],
      at,
    });
    // April's usage: 10 hours of support at ¥100, ¥1,000.
    await recordUsage(db(), {
      providerId: 'prv_test',
      records: [
        {
          idempotencyKey: `april-${rule}`,
          contractId,
          code: 'support_hours',
          quantity: 10,
          periodFrom: '2026-04-01',
          periodThrough: '2026-04-30',
          unitPrice: 100,
          descriptionJa: 'サポート対応（時間）',
          descriptionEn: 'Support (hours)',
        },
      ],
      actor: provider,
      now: clock.now(),
    });
  }
});
afterAll(() => database.drop());

describe("seed 001's confirmation table, April's usage", () => {
  it("May's close on 1 May issues the usage-month rule (final on 13 April) and leaves the later rules as drafts", async () => {
    clock.travelTo('2026-05-01T09:00:00+09:00');
    const result = await closeBillingMonth(db(), {
      month: '2026-05',
      dryRun: false,
      actor: operator,
      now: clock.now(),
    });
    expect(result.written).toEqual({ invoices: 3, lines: 6, total: 3 * 2_200 });
    expect(await invoiceOf(members.usage_month_13)).toMatchObject({
      status: 'issued',
      issueDate: '2026-05-01',
      // The usage was final on 13 April; the invoice is final with its last line, May's term, at the close.
      rule: 'on_order',
      total: 2_200,
    });
    expect(await invoiceOf(members.next_month_13)).toMatchObject({
      status: 'draft',
      issueDate: '2026-05-13',
      rule: 'next_month_13',
      total: 2_200,
    });
    expect(await invoiceOf(members.month_after_next_13)).toMatchObject({
      status: 'draft',
      issueDate: '2026-06-13',
      rule: 'month_after_next_13',
      total: 2_200,
    });
    // Only the issued invoice is owed; a draft is not yet a claim.
    expect(await ledgerOf((await invoiceOf(members.usage_month_13)).id)).toEqual([
      ['invoice', 2_200, '2026-05-01'],
    ]);
    expect(await getMemberBalance(db(), members.next_month_13)).toBe(0);
    expect(await getMemberBalance(db(), members.month_after_next_13)).toBe(0);
  });

  it('13 May issues the next-month rule, 13 June the month-after-next rule, each once and owed from that day', async () => {
    const issueAt = (instant: string) => issueDueInvoices(db(), { now: Temporal.Instant.from(instant) });
    expect(await issueAt('2026-05-12T23:59:59+09:00')).toBe(0);
    expect(await issueAt('2026-05-13T00:00:00+09:00')).toBe(1);
    expect(await issueAt('2026-05-13T09:00:00+09:00')).toBe(0);
    const may = await invoiceOf(members.next_month_13);
    expect([may.status, may.issueDate]).toEqual(['issued', '2026-05-13']);
    expect(await ledgerOf(may.id)).toEqual([['invoice', 2_200, '2026-05-13']]);
    expect((await invoiceOf(members.month_after_next_13)).status).toBe('draft');

    expect(await issueAt('2026-06-12T23:59:59+09:00')).toBe(0);
    expect(await issueAt('2026-06-13T00:00:00+09:00')).toBe(1);
    const june = await invoiceOf(members.month_after_next_13);
    expect([june.status, june.issueDate]).toEqual(['issued', '2026-06-13']);
    expect(await ledgerOf(june.id)).toEqual([['invoice', 2_200, '2026-06-13']]);
    expect(await getMemberBalance(db(), members.month_after_next_13)).toBe(2_200);
  });
});
