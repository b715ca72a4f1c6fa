// The billing calendar: from a billing profile's rules, a month's close, confirmation, My Page, sending and due dates.
import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar } from './calendar.js';
import { type ConfirmationRule, confirmationRules } from './catalog.js';

/**
 * When a billing period closes. `start_of_month`: on the 1st, billing the month that starts (seed 003,
 * "月初に利用いただいているサービスのご利用料金を請求"); `twentieth`: on the 20th, for the 21st of the month
 * before to the 20th; `month_end`: on the last day, for the 1st to the last day.
 */
export const closingRules = ['start_of_month', 'twentieth', 'month_end'] as const;
export type ClosingRule = (typeof closingRules)[number];

/** A payment agency's closing the member chose (seed 001: 20日締め翌月20日払い or 月末締め翌月末払い). */
export const agencyClosings = ['twentieth', 'month_end'] as const;
export type AgencyClosing = (typeof agencyClosings)[number];

/** The rules a billing profile holds; days of a month are 1–28 so that every month has them. */
export interface BillingProfileRules {
  closing: ClosingRule;
  /** Billing shows on My Page from this day of the month, on or after the amount is confirmed. */
  reflectionDay: number;
  /** Direct debit: this day of the month after the confirmation, rolled to the next business day. */
  directDebit: { day: number };
  /** Bank transfer: the invoice is sent on this day (rolled to a business day), due this many days later. */
  bankTransfer: { sendDay: number; dueAfterDays: number };
  /** Payment agency: the closings it offers; each gives its own due date. */
  agency: { closings: AgencyClosing[] };
}

/** A version of a profile's rules, in force from a month until the next version's month. */
export interface BillingProfileVersionRules {
  effectiveFrom: Temporal.PlainYearMonth;
  rules: BillingProfileRules;
}

/** The dates of one confirmation rule within a billing month. */
export interface ConfirmationDates {
  rule: ConfirmationRule;
  /** The day the amount is final: the 13th of the usage month (+0, +1, +2), or the close for `on_order`. */
  confirmation: Temporal.PlainDate;
  /** The first day the billing shows on My Page. */
  reflection: Temporal.PlainDate;
  /** Card: charged on the confirmation date. */
  card: Temporal.PlainDate;
  /** Prepaid wallet: deducted on the confirmation date, like a card. */
  wallet: Temporal.PlainDate;
  /** Direct debit: the debit date. */
  directDebit: Temporal.PlainDate;
  /** Bank transfer: when the invoice is sent and when the transfer is due. */
  bankTransfer: { sending: Temporal.PlainDate; due: Temporal.PlainDate };
  /** Payment agency: the due date for each closing the profile offers, in the profile's order. */
  agency: { closing: AgencyClosing; due: Temporal.PlainDate }[];
}

/** Every date of one billing month under one profile version. */
export interface BillingMonthDates {
  month: Temporal.PlainYearMonth;
  /** The service period the close bills (first and last day, inclusive). */
  periodStart: Temporal.PlainDate;
  periodEnd: Temporal.PlainDate;
  close: Temporal.PlainDate;
  /** One entry per catalog confirmation rule, in the catalog's order. */
  confirmations: ConfirmationDates[];
}

export const confirmationMonthOffset: Record<Exclude<ConfirmationRule, 'on_order'>, number> = {
  usage_month_13: 0,
  next_month_13: 1,
  month_after_next_13: 2,
};

/** The day of the month the catalog's `…_13` confirmation rules name (seed 001: "13日頃"). */
export const confirmationDayOfMonth = 13;

function dayOf(month: Temporal.PlainYearMonth, day: number): Temporal.PlainDate {
  return month.toPlainDate({ day });
}

function lastDayOf(month: Temporal.PlainYearMonth): Temporal.PlainDate {
  return month.toPlainDate({ day: month.daysInMonth });
}

function later(a: Temporal.PlainDate, b: Temporal.PlainDate): Temporal.PlainDate {
  return Temporal.PlainDate.compare(a, b) >= 0 ? a : b;
}

/** The first date on or after `from` whose day of the month is `day` (1–28). */
function nextDayOfMonth(from: Temporal.PlainDate, day: number): Temporal.PlainDate {
  const inMonth = from.with({ day });
  return Temporal.PlainDate.compare(inMonth, from) >= 0 ? inMonth : inMonth.add({ months: 1 });
}

/** The service period and close date of a billing month under a closing rule. */
export function billingPeriod(
  month: Temporal.PlainYearMonth,
  closing: ClosingRule,
): { periodStart: Temporal.PlainDate; periodEnd: Temporal.PlainDate; close: Temporal.PlainDate } {
  switch (closing) {
    case 'start_of_month':
      return { periodStart: dayOf(month, 1), periodEnd: lastDayOf(month), close: dayOf(month, 1) };
    case 'twentieth':
      return {
        periodStart: dayOf(month.subtract({ months: 1 }), 21),
        periodEnd: dayOf(month, 20),
        close: dayOf(month, 20),
      };
    case 'month_end':
      return { periodStart: dayOf(month, 1), periodEnd: lastDayOf(month), close: lastDayOf(month) };
  }
}

/** The agency's due date for an amount confirmed on `confirmation` (seed 001's 支払期日 table). */
export function agencyDueDate(confirmation: Temporal.PlainDate, closing: AgencyClosing): Temporal.PlainDate {
  const next = confirmation.toPlainYearMonth().add({ months: 1 });
  return closing === 'twentieth' ? dayOf(next, 20) : lastDayOf(next);
}

/** The confirmation date of a usage month's amount under a catalog confirmation rule. */
export function confirmationDate(
  month: Temporal.PlainYearMonth,
  rule: ConfirmationRule,
  close: Temporal.PlainDate,
): Temporal.PlainDate {
  // An amount fixed by the order has nothing to wait for: it is final when the period closes.
  if (rule === 'on_order') return close;
  return dayOf(month.add({ months: confirmationMonthOffset[rule] }), confirmationDayOfMonth);
}

/**
 * Every date of a billing month under a profile's rules: the close, and per confirmation rule the
 * confirmation, My Page reflection, bank-transfer sending and the due date of each payment method.
 * Sending and debit/transfer due dates roll forward to the calendar's next business day; the close,
 * confirmation, reflection and the agency's published due dates do not roll.
 */
export function billingMonthDates(
  month: Temporal.PlainYearMonth,
  rules: BillingProfileRules,
  calendar: BusinessCalendar,
): BillingMonthDates {
  const period = billingPeriod(month, rules.closing);
  const confirmations = confirmationRules.map((rule): ConfirmationDates => {
    const confirmation = confirmationDate(month, rule, period.close);
    // Nothing is shown, sent or debited before the amount is final and the period has closed.
    const final = later(confirmation, period.close);
    const sending = calendar.nextBusinessDay(nextDayOfMonth(final, rules.bankTransfer.sendDay));
    return {
      rule,
      confirmation,
      reflection: nextDayOfMonth(final, rules.reflectionDay),
      card: confirmation,
      wallet: confirmation,
      directDebit: calendar.nextBusinessDay(
        dayOf(final.toPlainYearMonth().add({ months: 1 }), rules.directDebit.day),
      ),
      bankTransfer: {
        sending,
        due: calendar.nextBusinessDay(sending.add({ days: rules.bankTransfer.dueAfterDays })),
      },
      agency: rules.agency.closings.map((closing) => ({
        closing,
        due: agencyDueDate(confirmation, closing),
      })),
    };
  });
  return { month, ...period, confirmations };
}

/** The version in force for a month: the latest whose month is not after it, or null before the first. */
export function rulesForMonth(
  versions: readonly BillingProfileVersionRules[],
  month: Temporal.PlainYearMonth,
): BillingProfileRules | null {
  let found: BillingProfileVersionRules | null = null;
  for (const version of versions) {
    if (Temporal.PlainYearMonth.compare(version.effectiveFrom, month) > 0) continue;
    if (found === null || Temporal.PlainYearMonth.compare(version.effectiveFrom, found.effectiveFrom) > 0) {
      found = version;
    }
  }
  return found?.rules ?? null;
}

/** How many months the billing schedule shows. */
export const billingScheduleMonths = 12;

/**
 * The schedule of `count` billing months from `from`, each month under the version in force for it.
 * Months before the first version are left out.
 */
export function billingSchedule(
  from: Temporal.PlainYearMonth,
  versions: readonly BillingProfileVersionRules[],
  calendar: BusinessCalendar,
  count: number = billingScheduleMonths,
): BillingMonthDates[] {
  const months: BillingMonthDates[] = [];
  for (let i = 0; i < count; i++) {
    const month = from.add({ months: i });
    const rules = rulesForMonth(versions, month);
    if (rules !== null) months.push(billingMonthDates(month, rules, calendar));
  }
  return months;
}

/**
 * The rules a new store starts with, seed 003's: the month closes on the 1st, billing shows on My Page on
 * the 10th, direct debit on the 7th of the next month, bank-transfer invoices sent on the 25th and due
 * 30 days later, and the agency's two closings offered.
 */
export const defaultBillingProfileRules: BillingProfileRules = {
  closing: 'start_of_month',
  reflectionDay: 10,
  directDebit: { day: 7 },
  bankTransfer: { sendDay: 25, dueAfterDays: 30 },
  agency: { closings: ['twentieth', 'month_end'] },
};
