// Which days a month's close bills and when its invoices are dated, from the billing profile version in force for the month.
import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import type { BillingMonthDates } from '../../domain/billing-calendar.js';
import type { ConfirmationRule } from '../../domain/catalog.js';
import { AppError } from '../../domain/errors.js';
import { getBillingCalendarMonth } from './get-billing-calendar-month.js';

/** The profile every member is billed by until members can be given another one. */
export const closeProfileCode = 'default';

/** The period a close bills: its profile, first and last day (inclusive), its close and the confirmation dates. */
export interface BillingPeriod {
  profileId: string;
  month: string;
  from: string;
  through: string;
  /** The close date: an invoice whose amount is final by then is issued on it. */
  close: string;
  /** Per catalog confirmation rule, the day the month's amount is final (`on_order`: the close). */
  confirmations: Record<ConfirmationRule, string>;
  /** The year whose invoice numbers the close takes: the billed month's. */
  numberYear: number;
}

/** `month_invalid` (422) for anything but `YYYY-MM`. */
export function monthInvalid(month: string): AppError {
  return new AppError({
    code: 'month_invalid',
    status: 422,
    message: {
      ja: `締め月は YYYY-MM の形で指定してください（${month.slice(0, 20)}）。`,
      en: `The month must be YYYY-MM (${month.slice(0, 20)}).`,
    },
  });
}

/** Checks a close month's form (`month_invalid` otherwise). */
export function parseCloseMonth(month: string): Temporal.PlainYearMonth {
  if (!/^(\d{4})-(0[1-9]|1[0-2])$/.test(month)) throw monthInvalid(month);
  return Temporal.PlainYearMonth.from(month);
}

/** The period of a billing month as its calendar dates say (the closing rule decides its days). */
export function billingPeriodOf(profileId: string, dates: BillingMonthDates): BillingPeriod {
  const confirmations = {} as Record<ConfirmationRule, string>;
  for (const c of dates.confirmations) confirmations[c.rule] = c.confirmation.toString();
  return {
    profileId,
    month: dates.month.toString(),
    from: dates.periodStart.toString(),
    through: dates.periodEnd.toString(),
    close: dates.close.toString(),
    confirmations,
    numberYear: dates.month.year,
  };
}

/**
 * The period the close of `month` bills under the profile version in force for it: start of month and
 * month-end closes bill the calendar month, the 20th close the 21st of the month before to the 20th.
 */
export async function billingPeriodFor(
  db: Db,
  input: { month: string; now: Temporal.Instant; profileCode?: string },
): Promise<BillingPeriod> {
  parseCloseMonth(input.month);
  const code = input.profileCode ?? closeProfileCode;
  const dates = await getBillingCalendarMonth(db, { code, month: input.month, now: input.now });
  return billingPeriodOf(code, dates);
}

/**
 * The billed month of an invoice (`YYYY-MM`): its period's last day's month, which is the close month
 * under every closing rule (the 20th close's period starts in the month before).
 */
export function billedMonthOf(periodThrough: string): string {
  return periodThrough.slice(0, 7);
}

/** The first and last day a billed month's invoices' periods can end on. */
export function billedMonthBounds(month: string): { first: string; last: string } {
  const ym = parseCloseMonth(month);
  return {
    first: ym.toPlainDate({ day: 1 }).toString(),
    last: ym.toPlainDate({ day: ym.daysInMonth }).toString(),
  };
}
