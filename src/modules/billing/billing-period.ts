// Which days a month's close bills and when its invoices are dated: the one place to switch to the billing profile's calendar.
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../domain/errors.js';

/** The period a close bills: its profile, first and last day (inclusive) and the invoices' issue date. */
export interface BillingPeriod {
  profileId: string;
  month: string;
  from: string;
  through: string;
  issueDate: string;
  /** The year whose invoice numbers the close takes. */
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

/**
 * The start-of-month close (seed 003) until billing profiles land: the close for month M bills the
 * calendar month M — terms and months that begin in M, in advance — and dates its invoices on M's first day.
 */
export function billingPeriodFor(month: string): BillingPeriod {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw monthInvalid(month);
  const year = Number(match[1]);
  const lastDay = Temporal.PlainYearMonth.from(month).daysInMonth;
  return {
    profileId: 'default',
    month,
    from: `${month}-01`,
    through: `${month}-${String(lastDay).padStart(2, '0')}`,
    issueDate: `${month}-01`,
    numberYear: year,
  };
}
