// The stable errors of recording payments, refunds, write-offs and credit in the receivables ledger.
import { AppError } from '../../domain/errors.js';
import { formatYen, type Yen } from '../../domain/money.js';

/** Errors of ledger operations, each a stable code with ja and en messages. */
export const ledgerErrors = {
  /** A received date after today (the store's date). */
  dateInFuture: () =>
    new AppError({
      code: 'ledger_date_in_future',
      status: 422,
      message: {
        ja: '入金日に未来の日付は指定できません。',
        en: 'The received date cannot be in the future.',
      },
    }),
  /** A write-off larger than what the invoice still owes, or when it owes nothing. */
  writeOffExceedsOpen: (open: Yen) =>
    new AppError({
      code: 'write_off_exceeds_open',
      status: 409,
      message: {
        ja: `貸倒処理できるのは未収額（${formatYen(open)}）までです。`,
        en: `Only what is still owed (${formatYen(open)}) can be written off.`,
      },
    }),
  /** A refund larger than the invoice's surplus (what was paid beyond its amount). */
  refundExceedsCredit: (credit: Yen) =>
    new AppError({
      code: 'refund_exceeds_credit',
      status: 409,
      message: {
        ja: `返金できるのは過入金額（${formatYen(credit)}）までです。`,
        en: `Only the amount paid beyond the invoice (${formatYen(credit)}) can be refunded.`,
      },
    }),
};
