// Charges on both databases: usage a provider reports (idempotent, all or nothing), operator adjustments, and the close billing each once beside the recurring lines.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billingCharges } from '../../src/db/schema/billing-charges.js';
import { invoiceLines, invoices, receivableEntries } from '../../src/db/schema/billing-invoices.js';
import { FakeClock, toDate } from '../../src/domain/clock.js';
import { AppError } from '../../src/domain/errors.js';
import { seedDemoCatalog } from '../../src/flows/seed-demo-catalog.js';
import {
  closeBillingMonth,
  getMemberBalance,
  issueDueInvoices,
  recordBillingAdjustment,
  recordUsage,
  type UsageRecordInput,
} from '../../src/modules/billing/index.js';
import {
  demoProductId,
  insertBillingContract,
  insertBillingMember,
  setInvoiceIssuer,
} from '../helpers/billing-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: TestDatabase;
const clock = new FakeClock('2026-04-20T09:00:00+09:00');
const provider = { kind: 'provider' as const, id: 'prv_test' };
const operator = { kind: 'operator' as const, id: 'opr_billing' };
const db = () => database.handle.db;
let memberId = '';
let otherMemberId = '';
let contractId = '';

const usage = (key: string, over: Partial<UsageRecordInput> = {}): UsageRecordInput => ({
  idempotencyKey: key,
  contractId,
  code: 'transfer_gb',
  quantity: 100,
  periodFrom: '2026-04-01',
  periodThrough: '2026-04-30',
  unitPrice: 12,
  descriptionJa: '転送量 (GB)',
  descriptionEn: 'Transfer (GB)',
  ...over,
});

async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; status: number; position?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError)
      return { code: error.code, status: error.status, position: error.extensions.position };
    throw error;
  }
  throw new Error('not refused');
}

async function chargeCount(): Promise<number> {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(billingCharges);
  return row!.n;
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
  const productId = await demoProductId(db());
  memberId = await insertBillingMember(db(), '従量 太郎', at);
  otherMemberId = await insertBillingMember(db(), '調整 花子', at);
  contractId = await insertBillingContract(db(), {
    memberId,
    productId,
    termMonths: 1,
    start: '2026-03-15',
    lines: [{ code: 'base', amount: 3_000, taxRate: 10 }],
    at,
  });
});
afterAll(() => database.drop());

describe('usage from a provider', () => {
  it('records a batch priced from the record, and a replay answers the first result', async () => {
    const first = await recordUsage(db(), {
      providerId: 'prv_test',
      records: [usage('u-1'), usage('u-2', { quantity: 5, unitPrice: 40, code: 'backup' })],
      actor: provider,
      now: clock.now(),
    });
    expect(first.map((r) => [r.position, r.amount, r.unitPrice, r.taxPercent, r.replayed])).toEqual([
      [0, 1_200, 12, 10, false],
      [1, 200, 40, 10, false],
    ]);
    const again = await recordUsage(db(), {
      providerId: 'prv_test',
      records: [usage('u-1')],
      actor: provider,
      now: clock.now(),
    });
    expect(again).toEqual([{ ...first[0], replayed: true }]);
    expect(await chargeCount()).toBe(2);
  });

  it('refuses bad records with their position and a stable code, applying nothing of the request', async () => {
    const cases: [UsageRecordInput, string, number][] = [
      [usage('u-1', { quantity: 101 }), 'usage_idempotency_conflict', 409],
      [usage('u-9', { quantity: -1 }), 'usage_quantity_invalid', 422],
      [usage('u-9', { quantity: 1.5 }), 'usage_quantity_invalid', 422],
      [usage('u-9', { contractId: 'ctr_nope' }), 'usage_contract_unknown', 422],
      [usage('u-9', { unitPrice: undefined }), 'usage_price_missing', 422],
      [usage('u-9', { periodFrom: '2026-05-01' }), 'usage_period_invalid', 422],
    ];
    for (const [bad, code, status] of cases) {
      const result = await refusal(
        recordUsage(db(), {
          providerId: 'prv_test',
          records: [usage('u-3'), bad],
          actor: provider,
          now: clock.now(),
        }),
      );
      expect(result).toEqual({ code, status, position: '1' });
    }
    // Another provider's key does not reach this contract.
    expect(
      await refusal(
        recordUsage(db(), {
          providerId: 'prv_other',
          records: [usage('u-4')],
          actor: provider,
          now: clock.now(),
        }),
      ),
    ).toEqual({ code: 'usage_contract_unknown', status: 422, position: '0' });
    expect(await chargeCount()).toBe(2);
  });
});

describe('operator adjustments', () => {
  it('records a credit with a reason, refuses zero and a blank reason', async () => {
    const input = {
      memberId,
      amount: -500,
      taxPercent: 10 as const,
      descriptionJa: '障害お詫び',
      descriptionEn: 'Outage credit',
      reason: '4月12日の障害',
      actor: operator,
      now: clock.now(),
    };
    expect(await recordBillingAdjustment(db(), input)).toMatchObject({
      amount: -500,
      transactionDate: '2026-04-20',
    });
    expect(await refusal(recordBillingAdjustment(db(), { ...input, amount: 0 }))).toMatchObject({
      code: 'adjustment_amount_zero',
    });
    expect(await refusal(recordBillingAdjustment(db(), { ...input, reason: '  ' }))).toMatchObject({
      code: 'adjustment_reason_required',
    });
    expect(await refusal(recordBillingAdjustment(db(), { ...input, memberId: 'mem_nope' }))).toMatchObject({
      code: 'member_not_found',
    });
    // A member with no contract billed this month gets an invoice for the adjustment alone.
    await recordBillingAdjustment(db(), {
      ...input,
      memberId: otherMemberId,
      amount: 1_000,
      descriptionJa: '作業費',
      descriptionEn: 'Work fee',
    });
    expect(await chargeCount()).toBe(4);
  });
});

describe('the close bills charges once', () => {
  it('April: the term, the usage and the credit on one invoice; the charges point at their lines', async () => {
    clock.travelTo('2026-05-01T09:00:00+09:00');
    const result = await closeBillingMonth(db(), {
      month: '2026-04',
      dryRun: false,
      actor: operator,
      now: clock.now(),
    });
    expect(result.written).toEqual({ invoices: 2, lines: 5, total: 4_290 + 1_100 });
    const [invoice] = await db().select().from(invoices).where(eq(invoices.memberId, memberId));
    expect([
      invoice!.status,
      Number(invoice!.subtotal),
      Number(invoice!.tax),
      Number(invoice!.total),
      invoice!.issueDate,
      invoice!.confirmationRule,
    ]).toEqual(['draft', 3_900, 390, 4_290, '2026-06-13', 'month_after_next_13']);
    const lines = await db()
      .select({
        position: invoiceLines.position,
        kind: invoiceLines.kind,
        code: invoiceLines.code,
        ja: invoiceLines.descriptionJa,
        quantity: invoiceLines.quantity,
        unitPrice: invoiceLines.unitPrice,
        amount: invoiceLines.amount,
        from: invoiceLines.serviceFrom,
        through: invoiceLines.serviceThrough,
      })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice!.id))
      .orderBy(asc(invoiceLines.position));
    expect(lines.map((l) => l.kind).sort()).toEqual(['adjustment', 'recurring', 'usage', 'usage']);
    expect(lines[0]!.kind).toBe('recurring');
    expect(
      lines
        .map((l) => `${l.kind}:${l.code}:${l.quantity}:${l.unitPrice}:${l.amount}:${l.from}:${l.through}`)
        .sort(),
    ).toEqual([
      'adjustment:adjustment:1:-500:-500:2026-04-20:2026-04-20',
      'recurring:base:1:3000:3000:2026-04-15:2026-05-14',
      'usage:backup:5:40:200:2026-04-01:2026-04-30',
      'usage:transfer_gb:100:12:1200:2026-04-01:2026-04-30',
    ]);
    expect(lines.find((l) => l.code === 'transfer_gb')!.ja).toBe('クラウドサーバー 転送量 (GB)');
    const billed = await db()
      .select({
        invoiceId: billingCharges.invoiceId,
        position: billingCharges.invoicePosition,
        code: billingCharges.code,
        amount: billingCharges.amount,
      })
      .from(billingCharges)
      .where(eq(billingCharges.memberId, memberId))
      .orderBy(asc(billingCharges.invoicePosition));
    expect(billed.map((b) => b.invoiceId)).toEqual([invoice!.id, invoice!.id, invoice!.id]);
    for (const charge of billed) {
      const line = lines.find((l) => l.position === charge.position)!;
      expect([line.code, Number(line.amount)]).toEqual([charge.code, Number(charge.amount)]);
    }
    // The usage of the plan (月の翌々月13日確定) is final on 13 June: a draft owes nothing until then.
    expect(await getMemberBalance(db(), memberId)).toBe(0);
    expect(await getMemberBalance(db(), otherMemberId)).toBe(1_100);
  });

  it('the draft is issued on its confirmation date, and only then owed', async () => {
    const [draft] = await db().select().from(invoices).where(eq(invoices.memberId, memberId));
    expect(await issueDueInvoices(db(), { now: Temporal.Instant.from('2026-06-12T23:59:59+09:00') })).toBe(0);
    expect(await issueDueInvoices(db(), { now: Temporal.Instant.from('2026-06-13T00:00:00+09:00') })).toBe(1);
    expect(await issueDueInvoices(db(), { now: Temporal.Instant.from('2026-06-13T00:00:00+09:00') })).toBe(0);
    const [issued] = await db().select().from(invoices).where(eq(invoices.id, draft!.id));
    expect([issued!.status, issued!.number, issued!.issueDate]).toEqual([
      'issued',
      draft!.number,
      '2026-06-13',
    ]);
    const entries = await db()
      .select({
        kind: receivableEntries.kind,
        amount: receivableEntries.amount,
        on: receivableEntries.occurredOn,
      })
      .from(receivableEntries)
      .where(eq(receivableEntries.invoiceId, draft!.id));
    expect(entries.map((e) => [e.kind, Number(e.amount), e.on])).toEqual([['invoice', 4_290, '2026-06-13']]);
    expect(await getMemberBalance(db(), memberId)).toBe(4_290);
  });

  it('after the close, April usage is refused as closed; May usage is taken', async () => {
    expect(
      await refusal(
        recordUsage(db(), {
          providerId: 'prv_test',
          records: [usage('u-5')],
          actor: provider,
          now: clock.now(),
        }),
      ),
    ).toEqual({ code: 'usage_period_closed', status: 422, position: '0' });
    const may = await recordUsage(db(), {
      providerId: 'prv_test',
      records: [usage('u-6', { periodFrom: '2026-05-01', periodThrough: '2026-05-31', quantity: 10 })],
      actor: provider,
      now: clock.now(),
    });
    expect(may[0]!.amount).toBe(120);
  });
});

describe.skipIf(!onPostgres)('twins (PostgreSQL only: PGlite runs one statement at a time)', () => {
  it('one idempotency key sent ten times at once makes one charge', async () => {
    const send = () =>
      recordUsage(db(), {
        providerId: 'prv_test',
        records: [usage('u-twin', { periodFrom: '2026-05-01', periodThrough: '2026-05-31', quantity: 7 })],
        actor: provider,
        now: clock.now(),
      });
    const results = await Promise.all(Array.from({ length: 10 }, send));
    expect(new Set(results.map((r) => r[0]!.chargeId)).size).toBe(1);
    expect(results.filter((r) => !r[0]!.replayed).length).toBe(1);
    const rows = await db().select().from(billingCharges).where(eq(billingCharges.idempotencyKey, 'u-twin'));
    expect(rows.length).toBe(1);
  });

  it('two closes at once bill each charge once', async () => {
    clock.travelTo('2026-06-01T09:00:00+09:00');
    const twin = () =>
      closeBillingMonth(db(), {
        month: '2026-05',
        dryRun: false,
        actor: operator,
        now: clock.now(),
        chunkSize: 1,
      });
    await Promise.all([twin(), twin()]);
    const usageLines = await db()
      .select({ code: invoiceLines.code, amount: invoiceLines.amount })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoices.periodFrom, '2026-05-01'), eq(invoiceLines.kind, 'usage')))
      .orderBy(asc(invoiceLines.amount));
    expect(usageLines.map((l) => Number(l.amount))).toEqual([84, 120]);
    const unbilled = await db().select().from(billingCharges).where(sql`${billingCharges.invoiceId} is null`);
    expect(unbilled.length).toBe(0);
    const billed = await db().select().from(billingCharges).where(isNotNull(billingCharges.invoiceId));
    expect(billed.length).toBe(6);
  });
});
