// The cancellation quote (解約のお見積り): the earliest date the product's lead time allows and the early-termination fee for a desired last day, shown before the member confirms.
import { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { businessDateAt } from '../../domain/clock.js';
import {
  earliestDateAfterLeadTime,
  earlyTerminationFee,
  remainingMinimumTermMonths,
} from '../../domain/contract-rules.js';
import { parsePlainDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { yen, yenFromDb } from '../../domain/money.js';
import { loadProducts } from '../catalog/index.js';
import { loadBusinessCalendar } from '../store/index.js';
import { getContract } from './get-contract.js';

export interface CancellationQuote {
  contractId: string;
  /** The last day of service the quote is for (the wish, or the earliest date when none was given). */
  endDate: string;
  /** The first last day the lead time allows without an operator's confirmation. */
  earliestDate: string;
  leadBusinessDays: number;
  /** A wish before `earliestDate`: accepted as requested, an operator confirms it or proposes another date. */
  withinLeadTime: boolean;
  minimumTermEnd: string | null;
  remainingMinimumTermMonths: number;
  feeKind: 'none' | 'remaining_months' | 'fixed';
  /** Tax-exclusive yen; 0 during a free trial and once the minimum term is over. */
  earlyTerminationFee: number;
}

const cancellable = ['trial', 'active', 'suspended'];

/**
 * Quotes a cancellation of the member's contract. Refuses a contract that cannot be cancelled
 * (`contract_not_cancellable`, 409) and a last day that is not after today (`cancellation_date_in_past`, 422).
 */
export async function quoteCancellation(
  db: DbOrTx,
  input: { contractId: string; memberId?: string; endDate?: string | undefined; now: Temporal.Instant },
): Promise<CancellationQuote> {
  const contract = await getContract(db, {
    contractId: input.contractId,
    ...(input.memberId ? { memberId: input.memberId } : {}),
  });
  if (!cancellable.includes(contract.status)) {
    throw new AppError({
      code: 'contract_not_cancellable',
      status: 409,
      message: {
        ja: 'この契約は解約のお申し込みができない状態です（終了済み、または解約予定）。',
        en: 'This contract cannot be cancelled in its status (ended, or a cancellation is already scheduled).',
      },
    });
  }
  const today = businessDateAt(input.now);
  const [product] = await loadProducts(db, [contract.productId]);
  const lead = product?.definition.leadTimeDays ?? 0;
  // The last day of service is tomorrow at the earliest, whatever the lead time.
  const afterLeadTime = earliestDateAfterLeadTime(today, lead, await loadBusinessCalendar(db));
  const tomorrow = today.add({ days: 1 });
  const earliest = Temporal.PlainDate.compare(afterLeadTime, tomorrow) < 0 ? tomorrow : afterLeadTime;
  const endDate = input.endDate === undefined ? earliest : parsePlainDate(input.endDate);
  if (Temporal.PlainDate.compare(endDate, today) <= 0) {
    throw new AppError({
      code: 'cancellation_date_in_past',
      status: 422,
      message: {
        ja: `解約日（サービス最終日）は明日（${today.add({ days: 1 }).toString()}）以降の日付を指定してください。`,
        en: `The last day of service must be tomorrow (${today.add({ days: 1 }).toString()}) or later.`,
      },
      fields: [
        {
          path: 'endDate',
          code: 'cancellation_date_in_past',
          message: { ja: '明日以降の日付を指定してください。', en: 'Choose tomorrow or a later date.' },
        },
      ],
    });
  }
  const minimumTermEnd = contract.minimumTermEnd ? Temporal.PlainDate.from(contract.minimumTermEnd) : null;
  const monthly =
    contract.pricing.monthlyAmount ?? Math.floor(contract.termAmount / Math.max(contract.termMonths, 1));
  const fee =
    contract.status === 'trial'
      ? 0
      : earlyTerminationFee({
          kind: contract.earlyTermination.kind,
          fixedFee: contract.earlyTermination.fee === null ? null : yenFromDb(contract.earlyTermination.fee),
          monthlyFee: yen(monthly),
          minimumTermEnd,
          endDate,
        });
  return {
    contractId: contract.id,
    endDate: endDate.toString(),
    earliestDate: earliest.toString(),
    leadBusinessDays: lead,
    withinLeadTime: Temporal.PlainDate.compare(endDate, earliest) < 0,
    minimumTermEnd: contract.minimumTermEnd,
    remainingMinimumTermMonths:
      contract.status === 'trial' ? 0 : remainingMinimumTermMonths(endDate, minimumTermEnd),
    feeKind: contract.earlyTermination.kind,
    earlyTerminationFee: fee,
  };
}
