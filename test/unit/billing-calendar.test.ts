// Unit tests for the billing calendar: seed 001's confirmation table and agency due dates, seed 003's close, debit, invoice and My Page dates.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type BillingMonthDates,
  type BillingProfileRules,
  billingMonthDates,
  billingSchedule,
  defaultBillingProfileRules,
  rulesForMonth,
} from '../../src/domain/billing-calendar.js';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import type { ConfirmationRule } from '../../src/domain/catalog.js';

const ym = (text: string) => Temporal.PlainYearMonth.from(text);
const cal = new BusinessCalendar();

function row(dates: BillingMonthDates, rule: ConfirmationRule) {
  const found = dates.confirmations.find((c) => c.rule === rule);
  if (!found) throw new Error(`no ${rule}`);
  return {
    confirmation: found.confirmation.toString(),
    reflection: found.reflection.toString(),
    card: found.card.toString(),
    wallet: found.wallet.toString(),
    directDebit: found.directDebit.toString(),
    sending: found.bankTransfer.sending.toString(),
    transferDue: found.bankTransfer.due.toString(),
    agency: found.agency.map((a) => `${a.closing}:${a.due.toString()}`),
  };
}

// Seed 001: the store's month closes at month end; My Page shows billing mid next month (翌月中旬頃).
const seed001: BillingProfileRules = {
  closing: 'month_end',
  reflectionDay: 15,
  directDebit: { day: 20 },
  bankTransfer: { sendDay: 25, dueAfterDays: 30 },
  agency: { closings: ['twentieth', 'month_end'] },
};

describe('seed 001: confirmation per product and the agency due dates', () => {
  const april = billingMonthDates(ym('2026-04'), seed001, cal);

  it('closes April at month end for 1–30 April', () => {
    expect([april.periodStart.toString(), april.periodEnd.toString(), april.close.toString()]).toEqual([
      '2026-04-01',
      '2026-04-30',
      '2026-04-30',
    ]);
  });

  it.each([
    ['usage_month_13', '2026-04-13', ['twentieth:2026-05-20', 'month_end:2026-05-31']],
    ['next_month_13', '2026-05-13', ['twentieth:2026-06-20', 'month_end:2026-06-30']],
    ['month_after_next_13', '2026-06-13', ['twentieth:2026-07-20', 'month_end:2026-07-31']],
  ] as const)('April usage under %s is confirmed on %s; the agency is due %j', (rule, confirmed, agency) => {
    const dates = row(april, rule);
    expect(dates.confirmation).toBe(confirmed);
    expect(dates.card).toBe(confirmed);
    expect(dates.wallet).toBe(confirmed);
    expect(dates.agency).toEqual(agency);
  });

  it('shows April on My Page from the 15th after both the close and the confirmation', () => {
    expect(row(april, 'usage_month_13').reflection).toBe('2026-05-15');
    expect(row(april, 'next_month_13').reflection).toBe('2026-05-15');
    expect(row(april, 'month_after_next_13').reflection).toBe('2026-06-15');
    expect(row(april, 'on_order').reflection).toBe('2026-05-15');
  });

  it('confirms an amount fixed by the order at the close', () => {
    expect(row(april, 'on_order')).toMatchObject({
      confirmation: '2026-04-30',
      card: '2026-04-30',
      agency: ['twentieth:2026-05-20', 'month_end:2026-05-31'],
    });
  });

  it('gives only the closing the agency offers, and the 20th close runs 21 March – 20 April', () => {
    const twentieth = billingMonthDates(
      ym('2026-04'),
      { ...seed001, closing: 'twentieth', agency: { closings: ['month_end'] } },
      cal,
    );
    expect([
      twentieth.periodStart.toString(),
      twentieth.periodEnd.toString(),
      twentieth.close.toString(),
    ]).toEqual(['2026-03-21', '2026-04-20', '2026-04-20']);
    expect(row(twentieth, 'usage_month_13').agency).toEqual(['month_end:2026-05-31']);
    expect(row(twentieth, 'month_after_next_13').agency).toEqual(['month_end:2026-07-31']);
  });

  it('runs a confirmation in December into the next year', () => {
    const november = billingMonthDates(ym('2026-11'), seed001, cal);
    expect(row(november, 'month_after_next_13')).toMatchObject({
      confirmation: '2027-01-13',
      agency: ['twentieth:2027-02-20', 'month_end:2027-02-28'],
    });
  });
});

describe('seed 003: start-of-month close, debit on the 7th, invoice on the 25th, My Page on the 10th', () => {
  it('closes April on 1 April for the whole of April', () => {
    const april = billingMonthDates(ym('2026-04'), defaultBillingProfileRules, cal);
    expect([april.periodStart.toString(), april.periodEnd.toString(), april.close.toString()]).toEqual([
      '2026-04-01',
      '2026-04-30',
      '2026-04-01',
    ]);
    expect(row(april, 'on_order')).toEqual({
      confirmation: '2026-04-01',
      reflection: '2026-04-10',
      card: '2026-04-01',
      wallet: '2026-04-01',
      directDebit: '2026-05-07', // the Thursday after Golden Week (3–6 May are holidays)
      sending: '2026-04-27', // the 25th is a Saturday
      transferDue: '2026-05-27',
      agency: ['twentieth:2026-05-20', 'month_end:2026-05-31'],
    });
  });

  // Every debit date of 2026 and 2027: the 7th of the month after the close, rolled over weekends.
  it.each([
    ['2025-12', '2026-01-07'],
    ['2026-01', '2026-02-09'], // Sat 7 Feb
    ['2026-02', '2026-03-09'], // Sat 7 Mar
    ['2026-03', '2026-04-07'],
    ['2026-04', '2026-05-07'],
    ['2026-05', '2026-06-08'], // Sun 7 Jun
    ['2026-06', '2026-07-07'],
    ['2026-07', '2026-08-07'],
    ['2026-08', '2026-09-07'],
    ['2026-09', '2026-10-07'],
    ['2026-10', '2026-11-09'], // Sat 7 Nov
    ['2026-11', '2026-12-07'],
    ['2026-12', '2027-01-07'],
    ['2027-01', '2027-02-08'], // Sun 7 Feb
    ['2027-02', '2027-03-08'], // Sun 7 Mar
    ['2027-03', '2027-04-07'],
    ['2027-04', '2027-05-07'],
    ['2027-05', '2027-06-07'],
    ['2027-06', '2027-07-07'],
    ['2027-07', '2027-08-09'], // Sat 7 Aug
    ['2027-08', '2027-09-07'],
    ['2027-09', '2027-10-07'],
    ['2027-10', '2027-11-08'], // Sun 7 Nov
    ['2027-11', '2027-12-07'],
  ])('billing month %s is debited on %s', (month, debit) => {
    expect(row(billingMonthDates(ym(month), defaultBillingProfileRules, cal), 'on_order').directDebit).toBe(
      debit,
    );
  });

  it.each([
    [3, '2026-04', '2026-05-07'], // 3–6 May 2026: Golden Week with the substitute holiday
    [3, '2027-04', '2027-05-06'], // 3–5 May 2027
    [1, '2026-12', '2027-01-04'], // New Year's Day and the bank holidays to 3 January
    [3, '2027-12', '2028-01-04'],
    [21, '2026-08', '2026-09-24'], // Silver Week 2026: 21 敬老の日, 22 国民の休日, 23 秋分の日
    [22, '2027-02', '2027-03-23'], // 22 March 2027 is 春分の日's substitute holiday
  ])('a debit day %i after billing month %s rolls over holidays to %s', (day, month, debit) => {
    const rules = { ...defaultBillingProfileRules, directDebit: { day } };
    expect(row(billingMonthDates(ym(month), rules, cal), 'on_order').directDebit).toBe(debit);
  });

  it("rolls over the store's own closure days too", () => {
    const closed = new BusinessCalendar({ closureDays: ['2026-05-07', '2026-05-08'] });
    expect(
      row(billingMonthDates(ym('2026-04'), defaultBillingProfileRules, closed), 'on_order').directDebit,
    ).toBe('2026-05-11');
  });

  it('gives the next twelve months: close, My Page, invoice sending, transfer due and debit', () => {
    const schedule = billingSchedule(
      ym('2026-04'),
      [{ effectiveFrom: ym('2026-01'), rules: defaultBillingProfileRules }],
      cal,
    );
    expect(
      schedule.map((m) => {
        const r = row(m, 'on_order');
        return [
          m.month.toString(),
          m.close.toString(),
          r.reflection,
          r.sending,
          r.transferDue,
          r.directDebit,
        ].join(' ');
      }),
    ).toEqual([
      '2026-04 2026-04-01 2026-04-10 2026-04-27 2026-05-27 2026-05-07',
      '2026-05 2026-05-01 2026-05-10 2026-05-25 2026-06-24 2026-06-08',
      '2026-06 2026-06-01 2026-06-10 2026-06-25 2026-07-27 2026-07-07',
      '2026-07 2026-07-01 2026-07-10 2026-07-27 2026-08-26 2026-08-07',
      '2026-08 2026-08-01 2026-08-10 2026-08-25 2026-09-24 2026-09-07',
      '2026-09 2026-09-01 2026-09-10 2026-09-25 2026-10-26 2026-10-07',
      '2026-10 2026-10-01 2026-10-10 2026-10-26 2026-11-25 2026-11-09',
      '2026-11 2026-11-01 2026-11-10 2026-11-25 2026-12-25 2026-12-07',
      '2026-12 2026-12-01 2026-12-10 2026-12-25 2027-01-25 2027-01-07',
      '2027-01 2027-01-01 2027-01-10 2027-01-25 2027-02-24 2027-02-08',
      '2027-02 2027-02-01 2027-02-10 2027-02-25 2027-03-29 2027-03-08',
      '2027-03 2027-03-01 2027-03-10 2027-03-25 2027-04-26 2027-04-07',
    ]);
  });
});

describe('profile versions', () => {
  const versions = [
    { effectiveFrom: ym('2026-07'), rules: seed001 },
    { effectiveFrom: ym('2026-01'), rules: defaultBillingProfileRules },
  ];

  it('uses the latest version not after the month, whatever order they come in', () => {
    expect(rulesForMonth(versions, ym('2025-12'))).toBeNull();
    expect(rulesForMonth(versions, ym('2026-06'))).toBe(defaultBillingProfileRules);
    expect(rulesForMonth(versions, ym('2026-07'))).toBe(seed001);
    expect(rulesForMonth(versions, ym('2030-01'))).toBe(seed001);
  });

  it('keeps earlier months on their rules across a change and leaves out months before the first version', () => {
    const schedule = billingSchedule(ym('2025-11'), versions, cal);
    expect(schedule.map((m) => `${m.month.toString()} ${m.close.toString()}`)).toEqual([
      '2026-01 2026-01-01',
      '2026-02 2026-02-01',
      '2026-03 2026-03-01',
      '2026-04 2026-04-01',
      '2026-05 2026-05-01',
      '2026-06 2026-06-01',
      '2026-07 2026-07-31',
      '2026-08 2026-08-31',
      '2026-09 2026-09-30',
      '2026-10 2026-10-31',
    ]);
  });
});
