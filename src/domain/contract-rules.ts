// Contract date and fee rules as pure functions: terms, renewal windows and deadlines, lead times, fees, proration, trials, reminders.
import { Temporal } from 'temporal-polyfill';
import type { BusinessCalendar } from './calendar.js';
import type { PaymentMethodKey } from './catalog.js';
import { multiplyYen, type Yen, yen, ZERO_YEN } from './money.js';

// Every date here is a store business date (Asia/Tokyo) and every period is inclusive of both ends:
// a term "2025-12-01 – 2026-11-30" provides the service on both of those days. Nothing reads a clock;
// callers pass `businessDateAt(ctx.clock.now())` as "today".

type PlainDate = Temporal.PlainDate;

const compare = Temporal.PlainDate.compare;

function assertWholeCount(value: number, what: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${what} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Terms

/**
 * The last day of a term of `months` months starting on `start` (民法 143条): the day before the day
 * corresponding to `start` in the last month, or the last day of that month when it has no such day.
 * 2025-12-01 + 12 months → 2026-11-30; 2026-01-31 + 1 month → 2026-02-28 (no 31 February, so the term
 * ends at February's end rather than on the 27th); 2028-01-31 + 1 month → 2028-02-29.
 */
export function termEndDate(start: PlainDate, months: number): PlainDate {
  assertWholeCount(months, 'Term months', 1);
  const lastMonth = start.with({ day: 1 }).add({ months });
  if (start.day > lastMonth.daysInMonth) return lastMonth.with({ day: lastMonth.daysInMonth });
  return lastMonth.with({ day: start.day }).subtract({ days: 1 });
}

/** The first day of the term that follows a term ending on `termEnd` (renewals chain day after day). */
export function nextTermStart(termEnd: PlainDate): PlainDate {
  return termEnd.add({ days: 1 });
}

/** The last day of the minimum term for a contract starting on `start`, or null when there is none (0 months). */
export function minimumTermEndDate(start: PlainDate, minimumTermMonths: number): PlainDate | null {
  assertWholeCount(minimumTermMonths, 'Minimum term months', 0);
  return minimumTermMonths === 0 ? null : termEndDate(start, minimumTermMonths);
}

/**
 * Whole months from `from` up to and including `through`, a started month counted in full:
 * the fewest months m for which the term `from` + m months reaches `through`. 0 when `from` is after
 * `through`. 2026-05-01 → 2026-11-30 is 7; 2026-04-16 → 2026-11-30 is 8 (7 months and 15 days).
 */
export function monthsCovering(from: PlainDate, through: PlainDate): number {
  if (compare(from, through) > 0) return 0;
  // Start from the calendar-month distance (never too many) and step up; at most two steps.
  let months = Math.max(1, (through.year - from.year) * 12 + (through.month - from.month));
  while (months > 1 && compare(termEndDate(from, months - 1), through) >= 0) months--;
  while (compare(termEndDate(from, months), through) < 0) months++;
  return months;
}

// ---------------------------------------------------------------------------------------------------
// Renewal window and reminders

/**
 * The first day a manual renewal may be applied for (seed 004: 有効期限の2ケ月前から): the day
 * corresponding to `termEnd` `monthsBefore` months earlier, clamped to that month's end when it has no
 * such day. 2026-03-31 → 2026-01-31; 2026-04-30 → 2026-02-28 (2028-04-30 → 2028-02-29);
 * 2026-02-28 → 2025-12-28 (the same day number, not December's end).
 */
export function renewalWindowOpens(termEnd: PlainDate, monthsBefore: number): PlainDate {
  assertWholeCount(monthsBefore, 'Months before', 0);
  return termEnd.subtract({ months: monthsBefore }, { overflow: 'constrain' });
}

/** Whether `today` is on or after the day the renewal window opens (the caller handles expiry and grace). */
export function isRenewalWindowOpen(today: PlainDate, termEnd: PlainDate, monthsBefore: number): boolean {
  return compare(today, renewalWindowOpens(termEnd, monthsBefore)) >= 0;
}

/** One reminder: how many days before the target it is sent, and on which date. */
export interface ReminderDate {
  daysBefore: number;
  date: PlainDate;
}

/**
 * The dates reminders are due for a target date (a term end, a trial's last day) from a store setting
 * such as [60, 30, 7] days before: earliest first, duplicates dropped. Term ending 2026-11-30 with
 * [60, 30, 7] → 2026-10-01, 2026-10-31, 2026-11-23.
 */
export function reminderDates(target: PlainDate, daysBefore: Iterable<number>): ReminderDate[] {
  const unique = new Set<number>();
  for (const days of daysBefore) {
    assertWholeCount(days, 'Reminder days', 0);
    unique.add(days);
  }
  return [...unique]
    .sort((a, b) => b - a)
    .map((days) => ({ daysBefore: days, date: target.subtract({ days }) }));
}

/** The renewal reminders for a term ending on `termEnd`, from the store's list of days before. */
export function renewalReminderDates(termEnd: PlainDate, daysBefore: Iterable<number>): ReminderDate[] {
  return reminderDates(termEnd, daysBefore);
}

/** The last day a manual renewal may still be paid before the contract expires: `graceDays` after the term end. */
export function manualRenewalGraceEnd(termEnd: PlainDate, graceDays: number): PlainDate {
  assertWholeCount(graceDays, 'Grace days', 0);
  return termEnd.add({ days: graceDays });
}

// ---------------------------------------------------------------------------------------------------
// Next-term change deadlines (seed 002)

/** The automatic-renewal days a wallet (prepaid points) member may choose (seed 002). */
export const walletRenewalDays = [5, 10, 15, 20, 25] as const;
export type WalletRenewalDay = (typeof walletRenewalDays)[number];

/** How the deadline for changing the next term is found for a payment method. */
export type NextTermChangeDeadlineRule =
  /** The given day of the renewal month (card: the 4th). */
  | { kind: 'day_of_renewal_month'; day: number }
  /** The given number of days before the member's automatic-renewal day (wallet: 4). */
  | { kind: 'days_before_renewal_day'; days: number }
  /** No deadline: the contract is renewed by hand, and the renewal quote itself sets the next term. */
  | { kind: 'none' };

/**
 * The deadline rule per payment method, as data. Card and wallet are seed 002's rules. Direct debit
 * and the payment agency renew automatically like a card and are charged on the same monthly schedule,
 * so they follow the card's rule. Bank transfer is renewed by hand (seed 002: 銀行振込 has no 自動更新):
 * the member changes the next term in the renewal quote, so there is no separate deadline.
 */
export const nextTermChangeDeadlineRules: Readonly<Record<PaymentMethodKey, NextTermChangeDeadlineRule>> = {
  card: { kind: 'day_of_renewal_month', day: 4 },
  direct_debit: { kind: 'day_of_renewal_month', day: 4 },
  agency: { kind: 'day_of_renewal_month', day: 4 },
  wallet: { kind: 'days_before_renewal_day', days: 4 },
  bank_transfer: { kind: 'none' },
};

/**
 * The date a wallet contract renews automatically: the member's renewal day in the renewal month (the
 * month of the term's last day), or in the month before when that day would fall after the term end
 * (a term ending on the 10th with renewal day 15 renews on the 15th of the previous month).
 */
export function walletAutoRenewalDate(termEnd: PlainDate, walletRenewalDay: number): PlainDate {
  if (!(walletRenewalDays as readonly number[]).includes(walletRenewalDay)) {
    throw new RangeError(`Wallet renewal day must be one of 5/10/15/20/25, got ${String(walletRenewalDay)}`);
  }
  const inMonth = termEnd.with({ day: walletRenewalDay });
  return compare(inMonth, termEnd) <= 0
    ? inMonth
    : termEnd.with({ day: 1 }).subtract({ months: 1 }).with({ day: walletRenewalDay });
}

/** Input of `nextTermChangeDeadline`. */
export interface NextTermChangeDeadlineInput {
  method: PaymentMethodKey;
  /** The last day of the current term. */
  termEnd: PlainDate;
  /** The wallet member's automatic-renewal day (5/10/15/20/25); required for wallet, ignored otherwise. */
  walletRenewalDay?: number | null;
  /** A contract whose automatic renewal was reset (支払い方法をリセットする) renews by hand: no deadline. */
  renewalMode?: 'auto' | 'manual';
}

/**
 * The last day the next term's length and options can be changed (seed 002), or null when the contract
 * renews by hand. The renewal month is the month of the term's last day. Card: the 4th of that month —
 * term ending 2025-11-30 → 2025-11-04 (when the term ends on the 1st–3rd, the 4th of the month before,
 * so the deadline never falls after the term). Wallet: 4 days before the automatic-renewal day — renewing
 * on 2025-11-15 → 2025-11-11, so a change on the 12th is refused.
 */
export function nextTermChangeDeadline(input: NextTermChangeDeadlineInput): PlainDate | null {
  if (input.renewalMode === 'manual') return null;
  const rule = nextTermChangeDeadlineRules[input.method];
  switch (rule.kind) {
    case 'none':
      return null;
    case 'day_of_renewal_month': {
      const inMonth = input.termEnd.with({ day: rule.day });
      return compare(inMonth, input.termEnd) <= 0
        ? inMonth
        : input.termEnd.with({ day: 1 }).subtract({ months: 1 }).with({ day: rule.day });
    }
    case 'days_before_renewal_day': {
      if (input.walletRenewalDay === undefined || input.walletRenewalDay === null) {
        throw new RangeError('A wallet contract needs its automatic-renewal day');
      }
      return walletAutoRenewalDate(input.termEnd, input.walletRenewalDay).subtract({ days: rule.days });
    }
  }
}

/** Whether `today` is on or before a deadline (the deadline day itself is still accepted); no deadline → true. */
export function isBeforeOrOnDeadline(today: PlainDate, deadline: PlainDate | null): boolean {
  return deadline === null || compare(today, deadline) <= 0;
}

// ---------------------------------------------------------------------------------------------------
// Lead times (seed 000: 直前にご連絡いただいた場合には、ご希望に添えない場合もございます)

/**
 * The earliest desired date outside the product's lead time: the `leadBusinessDays`-th business day
 * after `today` (counting days strictly after it, so a Saturday + 1 is Monday), or `today` itself for a
 * lead time of 0. Any date on or after it is acceptable whatever its weekday (a month-end Sunday is a
 * fine cancellation date); the calendar carries bank holidays and the store's closure days.
 */
export function earliestDateAfterLeadTime(
  today: PlainDate,
  leadBusinessDays: number,
  calendar: BusinessCalendar,
): PlainDate {
  assertWholeCount(leadBusinessDays, 'Lead business days', 0);
  return leadBusinessDays === 0 ? today : calendar.addBusinessDays(today, leadBusinessDays);
}

/** Whether a desired date falls before the lead time has passed (a past date is inside too; see `classifyDesiredDate`). */
export function isInsideLeadTime(
  today: PlainDate,
  desired: PlainDate,
  leadBusinessDays: number,
  calendar: BusinessCalendar,
): boolean {
  return compare(desired, earliestDateAfterLeadTime(today, leadBusinessDays, calendar)) < 0;
}

/** What a desired date is: in the past (refused), inside the lead time (accepted as "requested"), or fine. */
export type DesiredDateClass = 'past' | 'inside_lead_time' | 'ok';

/** Classifies a desired date against today and the lead time; today itself is not past. */
export function classifyDesiredDate(
  today: PlainDate,
  desired: PlainDate,
  leadBusinessDays: number,
  calendar: BusinessCalendar,
): DesiredDateClass {
  if (compare(desired, today) < 0) return 'past';
  return isInsideLeadTime(today, desired, leadBusinessDays, calendar) ? 'inside_lead_time' : 'ok';
}

// ---------------------------------------------------------------------------------------------------
// Early termination (seed 000: 最低利用期間満了前に解約される場合は、中途解約料金)

export type EarlyTerminationKind = 'none' | 'remaining_months' | 'fixed';

/** Input of `earlyTerminationFee`. */
export interface EarlyTerminationInput {
  kind: EarlyTerminationKind;
  /** The fee for kind `fixed`. */
  fixedFee: Yen | null;
  /** The monthly price for kind `remaining_months`. */
  monthlyFee: Yen;
  /** The last day of the minimum term, or null when the plan has none. */
  minimumTermEnd: PlainDate | null;
  /** The last day the service is provided (the cancellation's effective date, inclusive). */
  endDate: PlainDate;
}

/**
 * The months of the minimum term left after the service's last day, a started month counted in full
 * (残存期間の1ヶ月未満の端数は1ヶ月): ending 2026-04-30 with a minimum term to 2026-11-30 leaves 7,
 * ending 2026-04-15 leaves 8. 0 when the minimum term is over or there is none.
 */
export function remainingMinimumTermMonths(endDate: PlainDate, minimumTermEnd: PlainDate | null): number {
  if (minimumTermEnd === null) return 0;
  return monthsCovering(endDate.add({ days: 1 }), minimumTermEnd);
}

/**
 * The early-termination fee for a service ending on `endDate`: nothing when the minimum term is served
 * (ending on its last day or later) or the kind is `none`; the fixed fee when ending earlier; or the
 * remaining months (started months in full) × the monthly fee. A contract from 2025-12-01 with a
 * 12-month minimum term ending after 5 months (2026-04-30) → 7 × the monthly fee.
 */
export function earlyTerminationFee(input: EarlyTerminationInput): Yen {
  const remaining = remainingMinimumTermMonths(input.endDate, input.minimumTermEnd);
  if (remaining === 0) return ZERO_YEN;
  switch (input.kind) {
    case 'none':
      return ZERO_YEN;
    case 'fixed':
      if (input.fixedFee === null) throw new RangeError('A fixed early-termination fee needs its amount');
      return yen(input.fixedFee);
    case 'remaining_months':
      return multiplyYen(input.monthlyFee, remaining);
  }
}

// ---------------------------------------------------------------------------------------------------
// Proration

export type ProrationRule = 'none' | 'daily' | 'monthly';

/** Input of `proratedAmount`. */
export interface ProrationInput {
  rule: ProrationRule;
  /** The price of the whole period; not negative (prorate each side of a difference separately). */
  amount: Yen;
  /** First day of the billing period. */
  periodStart: PlainDate;
  /** Last day of the billing period (inclusive). */
  periodEnd: PlainDate;
  /** The first day charged, e.g. the day a change takes effect; after `periodEnd` means nothing is charged. */
  from: PlainDate;
}

/**
 * The part of a period's price charged from `from` to the period's end, in whole yen rounded down
 * (the member never pays a fraction in the store's favour).
 * `none`: the full amount whatever the start (seed 001: a base service started mid-month is billed 1st –
 * month end). `daily`: amount × days charged ÷ days in the period. `monthly`: amount × months charged ÷
 * months in the period, a started month charged in full (months counted as in `monthsCovering`).
 */
export function proratedAmount(input: ProrationInput): Yen {
  const { rule, amount, periodStart, periodEnd, from } = input;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Prorated amount must be a whole number of yen ≥ 0, got ${String(amount)}`);
  }
  if (compare(periodStart, periodEnd) > 0) throw new RangeError('The period ends before it starts');
  if (compare(from, periodStart) < 0) throw new RangeError('The charge cannot start before the period');
  if (compare(from, periodEnd) > 0) return ZERO_YEN;
  switch (rule) {
    case 'none':
      return yen(amount);
    case 'daily': {
      const total = periodStart.until(periodEnd, { largestUnit: 'days' }).days + 1;
      const charged = from.until(periodEnd, { largestUnit: 'days' }).days + 1;
      return fraction(amount, charged, total);
    }
    case 'monthly':
      return fraction(amount, monthsCovering(from, periodEnd), monthsCovering(periodStart, periodEnd));
  }
}

/** floor(amount × numerator ÷ denominator) exactly, in bigint so no intermediate product loses precision. */
function fraction(amount: Yen, numerator: number, denominator: number): Yen {
  return yen(Number((BigInt(amount) * BigInt(numerator)) / BigInt(denominator)));
}

// ---------------------------------------------------------------------------------------------------
// Trials

/**
 * The last day of a free trial of `trialDays` days starting on `start` (the start day counts):
 * 30 days from 2026-04-01 → 2026-04-30. The trial converts or ends at the end of that day.
 */
export function trialEndDate(start: PlainDate, trialDays: number): PlainDate {
  assertWholeCount(trialDays, 'Trial days', 1);
  return start.add({ days: trialDays - 1 });
}

// ---------------------------------------------------------------------------------------------------
// Changes within a term (seeds 000, 003)

/**
 * The term a date falls in, chaining terms of `termMonths` from the current one (a change dated after the
 * current term's end falls in a later term the contract renews into): 2026-09-01 – 2026-09-30 monthly,
 * date 2026-10-05 → 2026-10-01 – 2026-10-31. A date before the current term is in the current term.
 */
export function termContaining(
  currentTermStart: PlainDate,
  currentTermEnd: PlainDate,
  termMonths: number,
  date: PlainDate,
): { start: PlainDate; end: PlainDate } {
  let start = currentTermStart;
  let end = currentTermEnd;
  while (compare(date, end) > 0) {
    start = nextTermStart(end);
    end = termEndDate(start, termMonths);
  }
  return { start, end };
}

/** The price difference of a change for the rest of the term it takes effect in, with its workings. */
export interface ChangeDifference {
  rule: ProrationRule;
  periodStart: PlainDate;
  periodEnd: PlainDate;
  /** Days (daily) or months (monthly, a started month in full) charged from the change to the period's end; null for `none`. */
  charged: number | null;
  /** Days or months in the whole period; null for `none`. */
  total: number | null;
  /** The old and new price of the rest of the period, each rounded down on its own. */
  oldProrated: Yen;
  newProrated: Yen;
  /** `newProrated − oldProrated`: positive is charged, negative is credited (tax-exclusive yen). */
  difference: number;
}

/**
 * The difference a change makes for the rest of its period, per the product's proration rule: each side
 * prorated with `proratedAmount` and rounded down on its own, then subtracted. Daily, ¥4,800 → ¥9,600 a
 * 30-day month from day 20: floor(9,600 × 11 ÷ 30) − floor(4,800 × 11 ÷ 30) = 3,520 − 1,760 = ¥1,760.
 */
export function changeDifference(input: {
  rule: ProrationRule;
  oldAmount: Yen;
  newAmount: Yen;
  periodStart: PlainDate;
  periodEnd: PlainDate;
  from: PlainDate;
}): ChangeDifference {
  const { rule, periodStart, periodEnd, from } = input;
  const side = (amount: Yen) => proratedAmount({ rule, amount, periodStart, periodEnd, from });
  const oldProrated = side(input.oldAmount);
  const newProrated = side(input.newAmount);
  let charged: number | null = null;
  let total: number | null = null;
  if (rule === 'daily') {
    total = periodStart.until(periodEnd, { largestUnit: 'days' }).days + 1;
    charged = compare(from, periodEnd) > 0 ? 0 : from.until(periodEnd, { largestUnit: 'days' }).days + 1;
  } else if (rule === 'monthly') {
    total = monthsCovering(periodStart, periodEnd);
    charged = monthsCovering(from, periodEnd);
  }
  return {
    rule,
    periodStart,
    periodEnd,
    charged,
    total,
    oldProrated,
    newProrated,
    difference: newProrated - oldProrated,
  };
}
