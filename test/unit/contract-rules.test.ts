// Unit tests for contract date and fee rules: terms, renewal windows, next-term deadlines, lead times, fees, proration, trials, reminders.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import {
  classifyDesiredDate,
  earliestDateAfterLeadTime,
  earlyTerminationFee,
  isBeforeOrOnDeadline,
  isInsideLeadTime,
  isRenewalWindowOpen,
  manualRenewalGraceEnd,
  minimumTermEndDate,
  monthsCovering,
  nextTermChangeDeadline,
  nextTermStart,
  proratedAmount,
  remainingMinimumTermMonths,
  reminderDates,
  renewalReminderDates,
  renewalWindowOpens,
  termEndDate,
  trialEndDate,
  walletAutoRenewalDate,
} from '../../src/domain/contract-rules.js';
import { type Yen, yen } from '../../src/domain/money.js';

const d = (text: string): Temporal.PlainDate => Temporal.PlainDate.from(text);
const s = (date: Temporal.PlainDate | null): string | null => (date === null ? null : date.toString());

describe('termEndDate', () => {
  it.each([
    ['2025-12-01', 12, '2026-11-30'],
    ['2025-12-01', 1, '2025-12-31'],
    ['2026-04-01', 6, '2026-09-30'],
    ['2026-04-15', 1, '2026-05-14'],
    ['2026-04-15', 12, '2027-04-14'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-02-01', 1, '2026-02-28'],
    ['2028-02-01', 1, '2028-02-29'],
    ['2026-11-01', 3, '2027-01-31'],
    ['2026-01-01', 120, '2035-12-31'],
  ])('a term from %s for %i months ends on %s', (start, months, end) => {
    expect(termEndDate(d(start), months).toString()).toBe(end);
  });

  it.each([
    // No corresponding day in the last month: the term ends on that month's last day (民法143条2項).
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-01-30', 1, '2028-02-29'],
    // 29 February exists in 2028, so the term ends the day before it.
    ['2028-01-29', 1, '2028-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    // The corresponding day exists: the day before it.
    ['2026-02-28', 1, '2026-03-27'],
    ['2026-01-31', 2, '2026-03-30'],
    ['2026-12-31', 1, '2027-01-30'],
  ])('month ends: a term from %s for %i months ends on %s', (start, months, end) => {
    expect(termEndDate(d(start), months).toString()).toBe(end);
  });

  it('chains terms without gaps or overlaps: each renewal starts the day after the last term ends', () => {
    const first = termEndDate(d('2026-01-31'), 1);
    expect(first.toString()).toBe('2026-02-28');
    expect(nextTermStart(first).toString()).toBe('2026-03-01');
    expect(termEndDate(nextTermStart(first), 1).toString()).toBe('2026-03-31');
    expect(nextTermStart(d('2026-12-31')).toString()).toBe('2027-01-01');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s months', (months) => {
    expect(() => termEndDate(d('2026-04-01'), months)).toThrow(RangeError);
  });

  it('gives the minimum term end, or null when the plan has no minimum term', () => {
    expect(s(minimumTermEndDate(d('2025-12-01'), 12))).toBe('2026-11-30');
    expect(s(minimumTermEndDate(d('2026-01-31'), 1))).toBe('2026-02-28');
    expect(minimumTermEndDate(d('2025-12-01'), 0)).toBeNull();
    expect(() => minimumTermEndDate(d('2025-12-01'), -1)).toThrow(RangeError);
  });
});

describe('monthsCovering', () => {
  it.each([
    ['2026-05-01', '2026-11-30', 7],
    ['2026-04-16', '2026-11-30', 8],
    ['2026-05-01', '2026-05-01', 1],
    ['2026-05-01', '2026-05-31', 1],
    ['2026-05-01', '2026-06-01', 2],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-03-01', 2],
    ['2026-04-01', '2027-03-31', 12],
    ['2026-06-15', '2027-03-31', 10],
    ['2026-12-01', '2026-11-30', 0],
  ])('%s through %s covers %i months', (from, through, months) => {
    expect(monthsCovering(d(from), d(through))).toBe(months);
  });
});

describe('renewalWindowOpens (seed 004: 有効期限の2ケ月前から)', () => {
  it.each([
    ['2026-03-31', 2, '2026-01-31'],
    ['2026-04-30', 2, '2026-02-28'],
    ['2028-04-30', 2, '2028-02-29'],
    ['2026-11-30', 2, '2026-09-30'],
    ['2026-05-31', 2, '2026-03-31'],
    ['2026-12-31', 2, '2026-10-31'],
    ['2027-01-31', 2, '2026-11-30'],
    ['2026-02-28', 2, '2025-12-28'],
    ['2026-08-31', 6, '2026-02-28'],
    ['2026-06-15', 1, '2026-05-15'],
    ['2026-06-15', 0, '2026-06-15'],
  ])('a term ending %s opens its renewal window %i months before, on %s', (end, months, opens) => {
    expect(renewalWindowOpens(d(end), months).toString()).toBe(opens);
  });

  it('is open from the opening day itself, not the day before', () => {
    expect(isRenewalWindowOpen(d('2026-02-27'), d('2026-04-30'), 2)).toBe(false);
    expect(isRenewalWindowOpen(d('2026-02-28'), d('2026-04-30'), 2)).toBe(true);
    expect(isRenewalWindowOpen(d('2026-01-30'), d('2026-03-31'), 2)).toBe(false);
    expect(isRenewalWindowOpen(d('2026-01-31'), d('2026-03-31'), 2)).toBe(true);
    expect(isRenewalWindowOpen(d('2026-03-31'), d('2026-03-31'), 2)).toBe(true);
  });

  it('refuses a negative or fractional number of months', () => {
    expect(() => renewalWindowOpens(d('2026-03-31'), -1)).toThrow(RangeError);
    expect(() => renewalWindowOpens(d('2026-03-31'), 1.5)).toThrow(RangeError);
  });
});

describe('nextTermChangeDeadline (seed 002)', () => {
  it('card: the 4th of the renewal month — a term ending 2025-11-30 accepts a change until 2025-11-04', () => {
    const deadline = nextTermChangeDeadline({ method: 'card', termEnd: d('2025-11-30') });
    expect(s(deadline)).toBe('2025-11-04');
    expect(isBeforeOrOnDeadline(d('2025-11-03'), deadline)).toBe(true);
    expect(isBeforeOrOnDeadline(d('2025-11-04'), deadline)).toBe(true);
    expect(isBeforeOrOnDeadline(d('2025-11-05'), deadline)).toBe(false);
    expect(isBeforeOrOnDeadline(d('2025-12-01'), deadline)).toBe(false);
  });

  it.each([
    ['2026-03-31', '2026-03-04'],
    ['2026-02-28', '2026-02-04'],
    ['2026-04-14', '2026-04-04'],
    ['2026-04-04', '2026-04-04'],
    // A term ending before the 4th: the 4th of the month before, never after the term.
    ['2026-04-03', '2026-03-04'],
    ['2026-01-01', '2025-12-04'],
  ])('card: a term ending %s → %s', (end, deadline) => {
    expect(s(nextTermChangeDeadline({ method: 'card', termEnd: d(end) }))).toBe(deadline);
  });

  it('direct debit and the payment agency renew automatically and follow the card rule', () => {
    expect(s(nextTermChangeDeadline({ method: 'direct_debit', termEnd: d('2025-11-30') }))).toBe(
      '2025-11-04',
    );
    expect(s(nextTermChangeDeadline({ method: 'agency', termEnd: d('2025-11-30') }))).toBe('2025-11-04');
  });

  it('wallet: 4 days before the automatic-renewal day — renewing on the 15th refuses a change on the 12th', () => {
    const deadline = nextTermChangeDeadline({
      method: 'wallet',
      termEnd: d('2025-11-30'),
      walletRenewalDay: 15,
    });
    expect(s(deadline)).toBe('2025-11-11');
    expect(isBeforeOrOnDeadline(d('2025-11-11'), deadline)).toBe(true);
    expect(isBeforeOrOnDeadline(d('2025-11-12'), deadline)).toBe(false);
  });

  it.each([
    [5, '2025-11-01'],
    [10, '2025-11-06'],
    [15, '2025-11-11'],
    [20, '2025-11-16'],
    [25, '2025-11-21'],
  ])('wallet renewing on day %i of November 2025 → deadline %s', (day, deadline) => {
    expect(
      s(nextTermChangeDeadline({ method: 'wallet', termEnd: d('2025-11-30'), walletRenewalDay: day })),
    ).toBe(deadline);
  });

  it('wallet renewal day 5 crosses into the previous month (2026-03-05 → 2026-03-01)', () => {
    expect(
      s(nextTermChangeDeadline({ method: 'wallet', termEnd: d('2026-03-31'), walletRenewalDay: 5 })),
    ).toBe('2026-03-01');
    expect(walletAutoRenewalDate(d('2026-03-31'), 5).toString()).toBe('2026-03-05');
  });

  it('wallet: a renewal day after the term end renews in the month before', () => {
    expect(walletAutoRenewalDate(d('2026-04-10'), 15).toString()).toBe('2026-03-15');
    expect(walletAutoRenewalDate(d('2026-04-10'), 10).toString()).toBe('2026-04-10');
    expect(
      s(nextTermChangeDeadline({ method: 'wallet', termEnd: d('2026-04-10'), walletRenewalDay: 15 })),
    ).toBe('2026-03-11');
  });

  it('wallet: refuses a renewal day that is not 5/10/15/20/25, or none', () => {
    expect(() =>
      nextTermChangeDeadline({ method: 'wallet', termEnd: d('2025-11-30'), walletRenewalDay: 12 }),
    ).toThrow(RangeError);
    expect(() =>
      nextTermChangeDeadline({ method: 'wallet', termEnd: d('2025-11-30'), walletRenewalDay: null }),
    ).toThrow(RangeError);
    expect(() => nextTermChangeDeadline({ method: 'wallet', termEnd: d('2025-11-30') })).toThrow(RangeError);
  });

  it('bank transfer renews by hand: no deadline, the renewal quote sets the next term', () => {
    const deadline = nextTermChangeDeadline({ method: 'bank_transfer', termEnd: d('2025-11-30') });
    expect(deadline).toBeNull();
    expect(isBeforeOrOnDeadline(d('2025-11-29'), deadline)).toBe(true);
  });

  it('a contract whose automatic renewal was reset has no deadline, whatever the method', () => {
    expect(
      nextTermChangeDeadline({ method: 'card', termEnd: d('2025-11-30'), renewalMode: 'manual' }),
    ).toBeNull();
    expect(
      nextTermChangeDeadline({
        method: 'wallet',
        termEnd: d('2025-11-30'),
        walletRenewalDay: 15,
        renewalMode: 'manual',
      }),
    ).toBeNull();
    expect(s(nextTermChangeDeadline({ method: 'card', termEnd: d('2025-11-30'), renewalMode: 'auto' }))).toBe(
      '2025-11-04',
    );
  });
});

describe('lead times in business days', () => {
  const plain = new BusinessCalendar();
  // 2026-05-07 (Thursday) is a store closure day here.
  const closed = new BusinessCalendar({ closureDays: ['2026-05-07'] });

  it.each([
    // Monday 2026-04-06: plain weekdays.
    ['2026-04-06', 1, '2026-04-07'],
    ['2026-04-06', 5, '2026-04-13'],
    ['2026-04-06', 10, '2026-04-20'],
    // Friday + 1 is Monday; Saturday + 1 is Monday too (days strictly after).
    ['2026-04-10', 1, '2026-04-13'],
    ['2026-04-11', 1, '2026-04-13'],
    // Golden Week 2026: 4/29 (Wed), 5/3–5/6 are holidays.
    ['2026-04-27', 3, '2026-05-01'],
    ['2026-04-27', 4, '2026-05-07'],
    ['2026-04-28', 2, '2026-05-01'],
    // Year end: Dec 31 – Jan 3 are bank closing days; 2027-01-04 is a Monday.
    ['2026-12-28', 3, '2027-01-04'],
  ])('today %s with %i business days → earliest %s', (today, lead, earliest) => {
    expect(earliestDateAfterLeadTime(d(today), lead, plain).toString()).toBe(earliest);
  });

  it('counts the store closure days as non-business days', () => {
    expect(earliestDateAfterLeadTime(d('2026-04-27'), 4, closed).toString()).toBe('2026-05-08');
    expect(earliestDateAfterLeadTime(d('2026-04-27'), 3, closed).toString()).toBe('2026-05-01');
  });

  it('a lead time of 0 allows today, even on a Sunday', () => {
    expect(earliestDateAfterLeadTime(d('2026-04-12'), 0, plain).toString()).toBe('2026-04-12');
    expect(isInsideLeadTime(d('2026-04-12'), d('2026-04-12'), 0, plain)).toBe(false);
  });

  it('a date before the earliest is inside; the earliest and anything after (any weekday) is not', () => {
    const today = d('2026-04-06');
    expect(isInsideLeadTime(today, d('2026-04-10'), 5, plain)).toBe(true);
    expect(isInsideLeadTime(today, d('2026-04-12'), 5, plain)).toBe(true);
    expect(isInsideLeadTime(today, d('2026-04-13'), 5, plain)).toBe(false);
    expect(isInsideLeadTime(today, d('2026-04-18'), 5, plain)).toBe(false);
    expect(isInsideLeadTime(today, d('2026-04-05'), 5, plain)).toBe(true);
  });

  it('classifies desired dates as past, inside the lead time, or ok', () => {
    const today = d('2026-04-06');
    expect(classifyDesiredDate(today, d('2026-04-05'), 5, plain)).toBe('past');
    expect(classifyDesiredDate(today, d('2026-04-06'), 5, plain)).toBe('inside_lead_time');
    expect(classifyDesiredDate(today, d('2026-04-12'), 5, plain)).toBe('inside_lead_time');
    expect(classifyDesiredDate(today, d('2026-04-13'), 5, plain)).toBe('ok');
    expect(classifyDesiredDate(today, d('2026-04-06'), 0, plain)).toBe('ok');
    expect(classifyDesiredDate(today, d('2026-04-05'), 0, plain)).toBe('past');
  });

  it('refuses a negative or fractional lead time', () => {
    expect(() => earliestDateAfterLeadTime(d('2026-04-06'), -1, plain)).toThrow(RangeError);
    expect(() => earliestDateAfterLeadTime(d('2026-04-06'), 0.5, plain)).toThrow(RangeError);
  });
});

describe('earlyTerminationFee (seed 000: 最低利用期間満了前の中途解約料金)', () => {
  const monthlyFee = yen(3_300);
  const start = d('2025-12-01');
  const minimumTermEnd = termEndDate(start, 12); // 2026-11-30

  it('a 12-month contract with a 12-month minimum term ending after 5 months pays 7 × the monthly fee', () => {
    expect(minimumTermEnd.toString()).toBe('2026-11-30');
    const endDate = termEndDate(start, 5);
    expect(endDate.toString()).toBe('2026-04-30');
    expect(remainingMinimumTermMonths(endDate, minimumTermEnd)).toBe(7);
    expect(
      earlyTerminationFee({ kind: 'remaining_months', fixedFee: null, monthlyFee, minimumTermEnd, endDate }),
    ).toBe(23_100);
  });

  it.each([
    // A started month of the remainder counts in full.
    ['2026-04-15', 8, 26_400],
    ['2026-04-29', 8, 26_400],
    ['2025-12-01', 12, 39_600],
    ['2025-12-31', 11, 36_300],
    ['2026-10-31', 1, 3_300],
    ['2026-11-01', 1, 3_300],
    ['2026-11-29', 1, 3_300],
    // The minimum term served: no fee.
    ['2026-11-30', 0, 0],
    ['2027-03-31', 0, 0],
  ])('remaining months: ending %s leaves %i months → ¥%i', (end, months, fee) => {
    expect(remainingMinimumTermMonths(d(end), minimumTermEnd)).toBe(months);
    expect(
      earlyTerminationFee({
        kind: 'remaining_months',
        fixedFee: null,
        monthlyFee,
        minimumTermEnd,
        endDate: d(end),
      }),
    ).toBe(fee);
  });

  it('fixed: the whole fee before the minimum term ends, nothing from its last day', () => {
    const fixedFee = yen(10_000);
    const fee = (end: string): Yen =>
      earlyTerminationFee({ kind: 'fixed', fixedFee, monthlyFee, minimumTermEnd, endDate: d(end) });
    expect(fee('2025-12-15')).toBe(10_000);
    expect(fee('2026-11-29')).toBe(10_000);
    expect(fee('2026-11-30')).toBe(0);
    expect(() =>
      earlyTerminationFee({
        kind: 'fixed',
        fixedFee: null,
        monthlyFee,
        minimumTermEnd,
        endDate: d('2026-01-31'),
      }),
    ).toThrow(RangeError);
  });

  it('none, or no minimum term: nothing', () => {
    expect(
      earlyTerminationFee({
        kind: 'none',
        fixedFee: null,
        monthlyFee,
        minimumTermEnd,
        endDate: d('2026-01-31'),
      }),
    ).toBe(0);
    expect(
      earlyTerminationFee({
        kind: 'remaining_months',
        fixedFee: null,
        monthlyFee,
        minimumTermEnd: null,
        endDate: d('2026-01-31'),
      }),
    ).toBe(0);
    expect(remainingMinimumTermMonths(d('2026-01-31'), null)).toBe(0);
  });

  it('month ends: a minimum term from 2026-01-31 ends 2026-02-28; ending 2026-01-31 leaves 1 month', () => {
    const end = termEndDate(d('2026-01-31'), 1);
    expect(end.toString()).toBe('2026-02-28');
    expect(remainingMinimumTermMonths(d('2026-01-31'), end)).toBe(1);
    expect(remainingMinimumTermMonths(d('2026-02-27'), end)).toBe(1);
    expect(remainingMinimumTermMonths(d('2026-02-28'), end)).toBe(0);
  });
});

describe('proratedAmount (floor to whole yen)', () => {
  const april = { periodStart: d('2026-04-01'), periodEnd: d('2026-04-30') };

  it('none: the full amount whatever the start (seed 001: started mid-month, billed 1st – month end)', () => {
    expect(proratedAmount({ rule: 'none', amount: yen(5_500), ...april, from: d('2026-04-16') })).toBe(5_500);
    expect(proratedAmount({ rule: 'none', amount: yen(5_500), ...april, from: d('2026-04-30') })).toBe(5_500);
  });

  it.each([
    ['2026-04-01', 5_500],
    ['2026-04-16', 2_750],
    ['2026-04-30', 183], // 5,500 × 1/30 = 183.33…
    ['2026-04-11', 3_666], // 5,500 × 20/30 = 3,666.66… rounded down
    ['2026-05-01', 0],
  ])('daily over April (30 days) from %s → ¥%i', (from, amount) => {
    expect(proratedAmount({ rule: 'daily', amount: yen(5_500), ...april, from: d(from) })).toBe(amount);
  });

  it('daily over a 365-day year term: 10,000 from 2026-10-01 (182 of 365 days) → 4,986', () => {
    expect(
      proratedAmount({
        rule: 'daily',
        amount: yen(10_000),
        periodStart: d('2026-04-01'),
        periodEnd: d('2027-03-31'),
        from: d('2026-10-01'),
      }),
    ).toBe(4_986);
  });

  it.each([
    ['2026-04-01', 120_000],
    ['2026-06-15', 100_000], // June started: 10 of 12 months
    ['2026-07-01', 90_000],
    ['2027-03-31', 10_000],
    ['2027-04-01', 0],
  ])('monthly over a 12-month term from 2026-04-01: from %s → ¥%i', (from, amount) => {
    expect(
      proratedAmount({
        rule: 'monthly',
        amount: yen(120_000),
        periodStart: d('2026-04-01'),
        periodEnd: d('2027-03-31'),
        from: d(from),
      }),
    ).toBe(amount);
  });

  it('monthly rounds down: 10,000 for 7 of 12 months → 5,833', () => {
    expect(
      proratedAmount({
        rule: 'monthly',
        amount: yen(10_000),
        periodStart: d('2026-04-01'),
        periodEnd: d('2027-03-31'),
        from: d('2026-09-01'),
      }),
    ).toBe(5_833);
  });

  it('stays exact for large amounts (no floating-point loss)', () => {
    expect(
      proratedAmount({ rule: 'daily', amount: yen(9_007_199_254_740), ...april, from: d('2026-04-02') }),
    ).toBe(8_706_959_279_582);
  });

  it('refuses a negative amount, a charge starting before the period, and a period ending before it starts', () => {
    expect(() =>
      proratedAmount({ rule: 'daily', amount: yen(-100), ...april, from: d('2026-04-10') }),
    ).toThrow(RangeError);
    expect(() =>
      proratedAmount({ rule: 'daily', amount: yen(100), ...april, from: d('2026-03-31') }),
    ).toThrow(RangeError);
    expect(() =>
      proratedAmount({
        rule: 'daily',
        amount: yen(100),
        periodStart: d('2026-04-30'),
        periodEnd: d('2026-04-01'),
        from: d('2026-04-30'),
      }),
    ).toThrow(RangeError);
  });
});

describe('trialEndDate', () => {
  it.each([
    ['2026-04-01', 30, '2026-04-30'],
    ['2026-04-01', 1, '2026-04-01'],
    ['2026-02-15', 14, '2026-02-28'],
    ['2028-02-15', 15, '2028-02-29'],
    ['2026-12-20', 14, '2027-01-02'],
  ])('a trial from %s for %i days ends on %s', (start, days, end) => {
    expect(trialEndDate(d(start), days).toString()).toBe(end);
  });

  it('refuses a trial of 0 days', () => {
    expect(() => trialEndDate(d('2026-04-01'), 0)).toThrow(RangeError);
  });
});

describe('reminder dates', () => {
  it('renewal reminders 60/30/7 days before a term ending 2026-11-30, earliest first', () => {
    expect(
      renewalReminderDates(d('2026-11-30'), [60, 30, 7]).map((r) => [r.daysBefore, r.date.toString()]),
    ).toEqual([
      [60, '2026-10-01'],
      [30, '2026-10-31'],
      [7, '2026-11-23'],
    ]);
  });

  it('sorts and de-duplicates the store setting, and allows the day itself (0)', () => {
    expect(
      reminderDates(d('2026-04-30'), [7, 0, 30, 7]).map((r) => [r.daysBefore, r.date.toString()]),
    ).toEqual([
      [30, '2026-03-31'],
      [7, '2026-04-23'],
      [0, '2026-04-30'],
    ]);
    expect(reminderDates(d('2026-04-30'), [])).toEqual([]);
  });

  it('crosses month and year boundaries', () => {
    expect(renewalReminderDates(d('2027-01-31'), [60]).map((r) => r.date.toString())).toEqual(['2026-12-02']);
    expect(renewalReminderDates(d('2028-03-31'), [31]).map((r) => r.date.toString())).toEqual(['2028-02-29']);
  });

  it('refuses negative days', () => {
    expect(() => reminderDates(d('2026-04-30'), [7, -1])).toThrow(RangeError);
  });

  it('the grace period of a manual renewal ends N days after the term', () => {
    expect(manualRenewalGraceEnd(d('2026-11-30'), 14).toString()).toBe('2026-12-14');
    expect(manualRenewalGraceEnd(d('2026-11-30'), 0).toString()).toBe('2026-11-30');
  });
});
