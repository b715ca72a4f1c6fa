// The monthly billing close on both databases: who is billed for which term, exact yen per rate, numbers, the ledger, dry run, re-runs, a crash and twins.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/audit.js';
import {
  billingRuns,
  invoiceLines,
  invoices,
  receivableEntries,
} from '../../src/db/schema/billing-invoices.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { buildQualifiedInvoice, rateKeyOfPercent } from '../../src/domain/invoices.js';
import { yen } from '../../src/domain/money.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import { closeBillingMonth, getMemberBalance, listLedgerEntries } from '../../src/modules/billing/index.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
const clock = new FakeClock('2026-04-01T09:00:00+09:00');
const actor = { kind: 'cli' as const, id: 'test' };
const db = () => database.handle.db;
const members: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
const contractIds: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoCatalog(db(), { actor, now: clock.now() });
  await setInvoiceIssuer(db(), {
    issuerName: '株式会社キーヤク',
    registrationNumber: 'T1020001071491',
    taxRounding: 'floor',
  });
  const at = toDate(clock.now());
  const productId = await demoProductId(db());
  for (const key of ['a', 'b', 'c', 'd'] as const)
    members[key] = await insertBillingMember(db(), `請求 ${key}`, at);
  const add = async (
    name: string,
    input: Omit<Parameters<typeof insertBillingContract>[1], 'productId' | 'at'>,
  ) => {
    contractIds[name] = await insertBillingContract(db(), { ...input, productId, at });
  };
  // a: a monthly contract (two ¥105 lines) and a yearly one whose term begins 10 April (¥105 at 10%, ¥1,255 at 8%).
  await add('a1', {
    memberId: members.a,
    termMonths: 1,
    start: '2026-03-15',
    lines: [
      { code: 'base', amount: 105, taxRate: 10 },
      { code: 'support', amount: 105, taxRate: 10 },
    ],
  });
  await add('a2', {
    memberId: members.a,
    termMonths: 12,
    start: '2025-04-10',
    lines: [
      { code: 'licence', amount: 105, taxRate: 10 },
      { code: 'newspaper', amount: 1_255, taxRate: 8 },
    ],
  });
  // a: a yearly contract whose term begins in June: nothing in April.
  await add('a3', {
    memberId: members.a,
    termMonths: 12,
    start: '2025-06-01',
    lines: [{ code: 'y', amount: 50_000, taxRate: 10 }],
  });
  // b: billable from the day after its trial; and one ending 20 April, its April term cut there.
  await add('b1', {
    memberId: members.b,
    termMonths: 1,
    start: '2026-03-10',
    trialEnd: '2026-04-09',
    lines: [{ code: 'large', amount: 19_800, taxRate: 10 }],
  });
  await add('b2', {
    memberId: members.b,
    termMonths: 1,
    start: '2026-01-05',
    end: '2026-04-20',
    lines: [{ code: 'small', amount: 3_000, taxRate: 10 }],
  });
  // b: a monthly contract that ends before its April term would begin (25 April): not billed.
  await add('b3', {
    memberId: members.b,
    termMonths: 1,
    start: '2026-02-25',
    end: '2026-04-20',
    lines: [{ code: 'gone', amount: 7_000, taxRate: 10 }],
  });
  // c: still in its trial through April.
  await add('c1', {
    memberId: members.c,
    termMonths: 1,
    start: '2026-04-01',
    trialEnd: '2026-05-05',
    lines: [{ code: 'trial', amount: 9_000, taxRate: 10 }],
  });
  // d: started on 31 January: its terms begin on the month's last day when the month is shorter.
  await add('d1', {
    memberId: members.d,
    termMonths: 1,
    start: '2026-01-31',
    lines: [{ code: 'd', amount: 1_000, taxRate: 10 }],
  });
});
afterAll(() => database.drop());

async function invoicesOf(month: string) {
  return db()
    .select()
    .from(invoices)
    .where(eq(invoices.periodFrom, `${month}-01`))
    .orderBy(asc(invoices.memberId));
}

async function linesOf(invoiceId: string) {
  return db()
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
}

function totals(row: typeof invoices.$inferSelect) {
  return {
    member: row.memberId,
    standard: [Number(row.standardTaxable), Number(row.standardTax)],
    reduced: [Number(row.reducedTaxable), Number(row.reducedTax)],
    total: Number(row.total),
  };
}

describe('the April close (start-of-month close, seed 003)', () => {
  it('a dry run computes exactly what the close will write, and writes nothing', async () => {
    const dry = await closeBillingMonth(db(), {
      month: '2026-04',
      dryRun: true,
      actor,
      now: clock.now(),
      chunkSize: 2,
    });
    expect(dry.dryRun).toBe(true);
    expect(dry.alreadyClosed).toBe(false);
    expect(dry.written).toEqual({ invoices: 3, lines: 7, total: 1_701 + 25_080 + 1_100 });
    expect(dry.run).toMatchObject({
      month: '2026-04',
      state: 'completed',
      invoiceCount: 3,
      lineCount: 7,
      totalAmount: 27_881,
      taxAmount: 2_511,
    });
    expect(await invoicesOf('2026-04')).toEqual([]);
    expect(await db().select().from(billingRuns)).toEqual([]);
    expect(await db().select().from(receivableEntries)).toEqual([]);
  });

  it('bills each member once with tax rounded once per rate, numbered in member order', async () => {
    const progress: number[] = [];
    const result = await closeBillingMonth(db(), {
      month: '2026-04',
      dryRun: false,
      actor,
      now: clock.now(),
      chunkSize: 2,
      onProgress: (p) => progress.push(p.membersDone),
    });
    // a, b, c and d have billable contracts in April (c's from May only: not billable in April).
    expect(progress).toEqual([2, 3]);
    expect(result.written).toEqual({ invoices: 3, lines: 7, total: 27_881 });
    expect(result.run).toMatchObject({
      month: '2026-04',
      periodFrom: '2026-04-01',
      periodThrough: '2026-04-30',
      state: 'completed',
      invoiceCount: 3,
      lineCount: 7,
      memberCount: 3,
      totalAmount: 27_881,
      taxAmount: 2_511,
      startedBy: { kind: 'cli', id: 'test' },
    });
    const rows = await invoicesOf('2026-04');
    const expected = [
      // a: 10%: 105 × 3 = 315 → ¥31 (not 3 × ¥10); 8%: 1,255 → ¥100.
      { member: members.a, standard: [315, 31], reduced: [1_255, 100], total: 1_701 },
      // b: 19,800 + 3,000 at 10%.
      { member: members.b, standard: [22_800, 2_280], reduced: [0, 0], total: 25_080 },
      { member: members.d, standard: [1_000, 100], reduced: [0, 0], total: 1_100 },
    ].sort((x, y) => (x.member < y.member ? -1 : 1));
    expect(rows.map(totals)).toEqual(expected);
    expect(rows.map((r) => r.number)).toEqual(['INV2026-0000001', 'INV2026-0000002', 'INV2026-0000003']);
    expect(
      rows.map((r) => [r.status, r.issueDate, r.periodThrough, r.issuerName, r.registrationNumber]),
    ).toEqual(rows.map(() => ['issued', '2026-04-01', '2026-04-30', '株式会社キーヤク', 'T1020001071491']));
  });

  it('prints each line with the term it pays for, not the billing period', async () => {
    const byMember = new Map((await invoicesOf('2026-04')).map((r) => [r.memberId, r]));
    const view = async (member: string) =>
      (await linesOf(byMember.get(member)!.id)).map((l) => [
        l.contractId,
        l.code,
        Number(l.amount),
        l.taxPercent,
        l.serviceFrom,
        l.serviceThrough,
      ]);
    const [a1, a2] = [contractIds.a1!, contractIds.a2!].sort();
    const aLines = {
      [contractIds.a1!]: [
        [contractIds.a1, 'base', 105, 10, '2026-04-15', '2026-05-14'],
        [contractIds.a1, 'support', 105, 10, '2026-04-15', '2026-05-14'],
      ],
      [contractIds.a2!]: [
        [contractIds.a2, 'licence', 105, 10, '2026-04-10', '2027-04-09'],
        [contractIds.a2, 'newspaper', 1_255, 8, '2026-04-10', '2027-04-09'],
      ],
    };
    expect(await view(members.a)).toEqual([...aLines[a1!]!, ...aLines[a2!]!]);
    const [b1, b2] = [contractIds.b1!, contractIds.b2!].sort();
    const bLines = {
      [contractIds.b1!]: [[contractIds.b1, 'large', 19_800, 10, '2026-04-10', '2026-05-09']],
      [contractIds.b2!]: [[contractIds.b2, 'small', 3_000, 10, '2026-04-05', '2026-04-20']],
    };
    expect(await view(members.b)).toEqual([...bLines[b1!]!, ...bLines[b2!]!]);
    expect(await view(members.d)).toEqual([[contractIds.d1, 'd', 1_000, 10, '2026-04-30', '2026-05-30']]);
  });

  it('agrees to the yen with the qualified-invoice domain built from the stored lines', async () => {
    for (const row of await invoicesOf('2026-04')) {
      const lines = await linesOf(row.id);
      const domain = buildQualifiedInvoice({
        issuerName: row.issuerName,
        registrationNumber: row.registrationNumber,
        rounding: row.taxRounding,
        lines: lines.map((l) => ({
          descriptionJa: l.descriptionJa,
          descriptionEn: l.descriptionEn,
          quantity: l.quantity,
          unitPrice: yen(Number(l.unitPrice)),
          amount: yen(Number(l.amount)),
          rate: rateKeyOfPercent(l.taxPercent),
          serviceFrom: l.serviceFrom,
          serviceThrough: l.serviceThrough,
        })),
      });
      expect([domain.subtotal, domain.tax, domain.total]).toEqual([
        Number(row.subtotal),
        Number(row.tax),
        Number(row.total),
      ]);
    }
  });

  it('writes one immutable ledger entry per invoice; the balance is their sum', async () => {
    const rows = await invoicesOf('2026-04');
    const entries = await db().select().from(receivableEntries).orderBy(asc(receivableEntries.memberId));
    expect(entries.map((e) => [e.memberId, e.kind, Number(e.amount), e.invoiceId, e.occurredOn])).toEqual(
      rows.map((r) => [r.memberId, 'invoice', Number(r.total), r.id, '2026-04-01']),
    );
    expect(await getMemberBalance(db(), members.a)).toBe(1_701);
    expect(await getMemberBalance(db(), members.c)).toBe(0);
    expect((await listLedgerEntries(db(), members.b)).balance).toBe(25_080);
    await expect(
      db().update(receivableEntries).set({ amount: 0n }).where(eq(receivableEntries.memberId, members.a)),
    ).rejects.toThrow();
    await expect(
      db().delete(receivableEntries).where(eq(receivableEntries.memberId, members.a)),
    ).rejects.toThrow();
    expect(await getMemberBalance(db(), members.a)).toBe(1_701);
  });

  it('a second close of April answers the first run and writes nothing', async () => {
    const [first] = await db().select().from(billingRuns);
    const again = await closeBillingMonth(db(), { month: '2026-04', dryRun: false, actor, now: clock.now() });
    expect(again.alreadyClosed).toBe(true);
    expect(again.written).toEqual({ invoices: 0, lines: 0, total: 0 });
    expect(again.run.id).toBe(first!.id);
    expect(again.run.invoiceCount).toBe(3);
    const dry = await closeBillingMonth(db(), { month: '2026-04', dryRun: true, actor, now: clock.now() });
    expect([dry.alreadyClosed, dry.run.id]).toEqual([true, first!.id]);
    expect(await invoicesOf('2026-04')).toHaveLength(3);
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'billing_run'), eq(auditLog.targetId, first!.id)))
      .orderBy(asc(auditLog.at), asc(auditLog.action));
    expect(audits.map((a) => a.action).sort()).toEqual(['billing.close_completed', 'billing.close_started']);
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(
      closeBillingMonth(db(), { month: '2026-13', dryRun: false, actor, now: clock.now() }),
    ).rejects.toMatchObject({
      code: 'month_invalid',
      status: 422,
    });
  });
});

describe('a close that crashed half way', () => {
  it('resumes on the next run: the result equals a clean run, no duplicate and no missing invoice', async () => {
    await expect(
      closeBillingMonth(db(), {
        month: '2026-05',
        dryRun: false,
        actor,
        now: clock.now(),
        chunkSize: 1,
        onProgress: (p) => {
          if (p.membersDone === 2) throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    expect(await invoicesOf('2026-05')).toHaveLength(2);
    const [half] = await db().select().from(billingRuns).where(eq(billingRuns.month, '2026-05'));
    expect(half!.state).toBe('running');

    const resumed = await closeBillingMonth(db(), {
      month: '2026-05',
      dryRun: false,
      actor,
      now: clock.now(),
      chunkSize: 1,
    });
    expect([resumed.alreadyClosed, resumed.run.id, resumed.written.invoices]).toEqual([false, half!.id, 2]);
    const rows = await invoicesOf('2026-05');
    // May: a's monthly (210 → ¥21), b's after its trial (19,800), c's first paid term from 6 May (9,000), d's (1,000).
    const expected = [
      { member: members.a, standard: [210, 21], reduced: [0, 0], total: 231 },
      { member: members.b, standard: [19_800, 1_980], reduced: [0, 0], total: 21_780 },
      { member: members.c, standard: [9_000, 900], reduced: [0, 0], total: 9_900 },
      { member: members.d, standard: [1_000, 100], reduced: [0, 0], total: 1_100 },
    ].sort((x, y) => (x.member < y.member ? -1 : 1));
    expect(rows.map(totals)).toEqual(expected);
    expect(rows.map((r) => r.number)).toEqual([
      'INV2026-0000004',
      'INV2026-0000005',
      'INV2026-0000006',
      'INV2026-0000007',
    ]);
    expect(resumed.run).toMatchObject({
      state: 'completed',
      invoiceCount: 4,
      totalAmount: 33_011,
      taxAmount: 3_001,
    });
    const [ledger] = await db()
      .select({ n: sql<number>`count(*)::int`, sum: sql<string>`sum(amount)::text` })
      .from(receivableEntries)
      .innerJoin(invoices, eq(invoices.id, receivableEntries.invoiceId))
      .where(eq(invoices.periodFrom, '2026-05-01'));
    expect([ledger!.n, Number(ledger!.sum)]).toEqual([4, 33_011]);
  });
});

describe.skipIf(!onPostgres)(
  'twin closes at once (PostgreSQL only: PGlite runs one statement at a time)',
  () => {
    it('bill each member once and take each number once', async () => {
      const twin = () =>
        closeBillingMonth(db(), { month: '2026-06', dryRun: false, actor, now: clock.now(), chunkSize: 1 });
      const [one, two] = await Promise.all([twin(), twin()]);
      expect(one.run.id).toBe(two.run.id);
      expect(one.written.invoices + two.written.invoices).toBe(4);
      const rows = await invoicesOf('2026-06');
      expect(rows.map((r) => r.memberId)).toEqual([members.a, members.b, members.c, members.d].sort());
      expect(rows.map((r) => r.number).sort()).toEqual([
        'INV2026-0000008',
        'INV2026-0000009',
        'INV2026-0000010',
        'INV2026-0000011',
      ]);
      const [ledger] = await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(receivableEntries)
        .innerJoin(invoices, eq(invoices.id, receivableEntries.invoiceId))
        .where(eq(invoices.periodFrom, '2026-06-01'));
      expect(ledger!.n).toBe(4);
      const [run] = await db().select().from(billingRuns).where(eq(billingRuns.month, '2026-06'));
      expect([run!.state, run!.invoiceCount]).toEqual(['completed', 4]);
    });
  },
);
