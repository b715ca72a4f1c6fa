// A provider reports usage for its contracts: each record once by its idempotency key, priced from the catalog's usage component or the record, all or nothing.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { billingCharges } from '../../db/schema/billing-charges.js';
import { toDate } from '../../domain/clock.js';
import { AppError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { yen } from '../../domain/money.js';
import { chargeUsage, usageTotal } from '../../domain/pricing.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { loadProduct } from '../catalog/index.js';
import { getContractRow } from '../contracts/index.js';
import { usageRefused } from './charge-errors.js';
import { queryRows } from './invoice-sql.js';

/** One usage record as a provider sends it. */
export interface UsageRecordInput {
  idempotencyKey: string;
  contractId: string;
  /** The usage component's code (the catalog's, when the plan has it). */
  code: string;
  quantity: number;
  periodFrom: string;
  periodThrough: string;
  /** Needed only when the contract's plan has no usage component of this code. */
  unitPrice?: number | undefined;
  taxPercent?: 10 | 8 | undefined;
  descriptionJa?: string | undefined;
  descriptionEn?: string | undefined;
}

/** What a record became: its charge, priced; `replayed` when the key was seen before with the same body. */
export interface RecordedUsage {
  position: number;
  idempotencyKey: string;
  chargeId: string;
  contractId: string;
  code: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  taxPercent: number;
  periodFrom: string;
  periodThrough: string;
  replayed: boolean;
}

/** Records per request, so one request stays one short transaction. */
export const usageBatchLimit = 500;

function digest(record: UsageRecordInput): string {
  const canonical = [
    record.contractId,
    record.code,
    record.quantity,
    record.periodFrom,
    record.periodThrough,
    record.unitPrice ?? null,
    record.taxPercent ?? null,
    record.descriptionJa ?? null,
    record.descriptionEn ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const isDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/**
 * Records a provider's batch in one transaction. Price: the contract's plan's usage component of the
 * record's `code` when the catalog has one (its tiers applied to the record's quantity, so a provider
 * reports one record per component and month; the line shows the first tier's unit price and the tiered
 * amount), otherwise the record's own `unitPrice` × quantity. Refused with the record's position and a
 * stable code, applying nothing: an unknown or another provider's contract (`usage_contract_unknown`), a
 * negative or fractional quantity (`usage_quantity_invalid`), bad dates (`usage_period_invalid`), a
 * period a completed close already billed (`usage_period_closed`), no price (`usage_price_missing`), a
 * replayed key with another body (`usage_idempotency_conflict`, 409). A key replayed with the same body
 * answers the first result; twins with one key queue on the unique index and write one charge.
 */
export async function recordUsage(
  db: DbOrTx,
  input: { providerId: string; records: readonly UsageRecordInput[]; actor: Actor; now: Temporal.Instant },
): Promise<RecordedUsage[]> {
  if (input.records.length === 0 || input.records.length > usageBatchLimit) {
    throw new AppError({
      code: 'usage_batch_size',
      status: 422,
      message: {
        ja: `利用記録は 1〜${usageBatchLimit} 件で送ってください。`,
        en: `Send between 1 and ${usageBatchLimit} usage records.`,
      },
    });
  }
  const source = `provider:${input.providerId}`;
  const at = toDate(input.now);
  return db.transaction(async (tx) => {
    const [closed] = await queryRows<{ through: string | null }>(
      tx,
      sql`select max(period_through)::text as through from billing_runs where state = 'completed'`,
    );
    const closedThrough = closed?.through ?? null;
    const seenKeys = new Map<string, number>();
    const results: RecordedUsage[] = [];
    for (const [position, record] of input.records.entries()) {
      const refuse = (code: string, ja: string, en: string) => usageRefused(position, code, ja, en);
      const firstAt = seenKeys.get(record.idempotencyKey);
      if (firstAt !== undefined && digest(input.records[firstAt]!) !== digest(record)) {
        throw refuse(
          'usage_idempotency_conflict',
          '同じ冪等キーで内容の異なる記録があります。',
          'The idempotency key was sent with another body.',
        );
      }
      seenKeys.set(record.idempotencyKey, position);
      if (!Number.isSafeInteger(record.quantity) || record.quantity < 0) {
        throw refuse(
          'usage_quantity_invalid',
          '数量は 0 以上の整数で指定してください。',
          'The quantity must be a whole number ≥ 0.',
        );
      }
      if (
        !isDate(record.periodFrom) ||
        !isDate(record.periodThrough) ||
        record.periodFrom > record.periodThrough
      ) {
        throw refuse(
          'usage_period_invalid',
          '利用期間の日付が正しくありません。',
          'The usage period is not a valid date range.',
        );
      }
      const contract = await getContractRow(tx, { contractId: record.contractId }).catch(() => null);
      if (!contract || contract.providerId !== input.providerId) {
        throw refuse(
          'usage_contract_unknown',
          'この提供元の契約ではありません。',
          'No such contract of this provider.',
        );
      }
      const hash = digest(record);
      const [existing] = await tx
        .select()
        .from(billingCharges)
        .where(
          and(eq(billingCharges.source, source), eq(billingCharges.idempotencyKey, record.idempotencyKey)),
        );
      if (existing) {
        if (existing.requestHash !== hash) {
          throw refuse(
            'usage_idempotency_conflict',
            '同じ冪等キーで内容の異なる記録が登録済みです。',
            'The idempotency key was recorded before with another body.',
          );
        }
        results.push(resultOf(position, existing, true));
        continue;
      }
      if (closedThrough !== null && record.periodFrom <= closedThrough) {
        throw refuse(
          'usage_period_closed',
          'この期間の請求は締め済みです。',
          'This period has already been closed.',
        );
      }
      const product = await loadProduct(tx, contract.productId);
      const component = product?.definition.plans
        .find((plan) => plan.code === contract.plan)
        ?.usageComponents.find((u) => u.code === record.code);
      let priced: { unitPrice: number; amount: number; taxPercent: 10 | 8; ja: string; en: string };
      if (component) {
        const amount = Number(
          usageTotal(
            chargeUsage(
              component.tiers.map((tier) => ({ upTo: tier.upTo, unitPrice: yen(tier.unitPrice) })),
              component.tierMode,
              record.quantity,
            ),
          ),
        );
        priced = {
          unitPrice: Number(component.tiers[0]!.unitPrice),
          amount,
          taxPercent: component.taxRate === 'reduced' ? 8 : 10,
          ja: `${contract.productNameJa} ${component.name.ja}（${component.unit.ja}）`,
          en: `${contract.productNameEn} ${component.name.en} (${component.unit.en})`,
        };
      } else if (
        record.unitPrice !== undefined &&
        Number.isSafeInteger(record.unitPrice) &&
        record.unitPrice >= 0
      ) {
        priced = {
          unitPrice: record.unitPrice,
          amount: record.unitPrice * record.quantity,
          taxPercent: record.taxPercent ?? 10,
          ja: `${contract.productNameJa} ${record.descriptionJa ?? record.code}`,
          en: `${contract.productNameEn} ${record.descriptionEn ?? record.code}`,
        };
      } else {
        throw refuse(
          'usage_price_missing',
          'カタログに単価がないため、単価を指定してください。',
          'The catalog has no price for this usage: send a whole-yen unit price.',
        );
      }
      const [written] = await tx
        .insert(billingCharges)
        .values({
          id: newId('billingCharge'),
          kind: 'usage',
          memberId: contract.memberId,
          contractId: contract.id,
          contractNumber: contract.number,
          code: record.code,
          descriptionJa: priced.ja,
          descriptionEn: priced.en,
          quantity: record.quantity,
          unitPrice: BigInt(priced.unitPrice),
          amount: BigInt(priced.amount),
          taxPercent: priced.taxPercent,
          serviceFrom: record.periodFrom,
          serviceThrough: record.periodThrough,
          source,
          idempotencyKey: record.idempotencyKey,
          requestHash: hash,
          createdByKind: input.actor.kind,
          createdById: input.actor.id,
          createdAt: at,
        })
        .onConflictDoNothing()
        .returning();
      if (written) {
        results.push(resultOf(position, written, false));
        continue;
      }
      // A twin with the same key committed first: its row answers, if the body is the same.
      const [twin] = await tx
        .select()
        .from(billingCharges)
        .where(
          and(eq(billingCharges.source, source), eq(billingCharges.idempotencyKey, record.idempotencyKey)),
        );
      if (!twin || twin.requestHash !== hash) {
        throw refuse(
          'usage_idempotency_conflict',
          '同じ冪等キーで内容の異なる記録が登録済みです。',
          'The idempotency key was recorded before with another body.',
        );
      }
      results.push(resultOf(position, twin, true));
    }
    const fresh = results.filter((r) => !r.replayed);
    if (fresh.length > 0) {
      await recordAudit(tx, {
        actor: input.actor,
        action: 'billing.usage_recorded',
        targetType: 'billing_charge',
        targetId: fresh[0]!.chargeId,
        after: { records: fresh.length, chargeIds: fresh.map((r) => r.chargeId) },
        at: input.now,
      });
    }
    return results;
  });
}

function resultOf(
  position: number,
  row: typeof billingCharges.$inferSelect,
  replayed: boolean,
): RecordedUsage {
  return {
    position,
    idempotencyKey: row.idempotencyKey!,
    chargeId: row.id,
    contractId: row.contractId!,
    code: row.code,
    quantity: row.quantity,
    unitPrice: Number(row.unitPrice),
    amount: Number(row.amount),
    taxPercent: row.taxPercent,
    periodFrom: row.serviceFrom,
    periodThrough: row.serviceThrough,
    replayed,
  };
}
