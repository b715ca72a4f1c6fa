// Contract rules as data: the status machine, number format, term and trial ends, lead time and early-termination fees with exact dates and yen.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/domain/calendar.js';
import {
  assertContractTransition,
  contractStatuses,
  contractTransitions,
  earliestDateAfterLeadTime,
  earlyTerminationFee,
  formatContractNumber,
  initialRenewalMode,
  remainingMinimumTermMonths,
  termEndDate,
  trialEndDate,
} from '../../src/domain/contracts.js';
import { AppError } from '../../src/domain/errors.js';
import { yen } from '../../src/domain/money.js';

const d = (s: string) => Temporal.PlainDate.from(s);

describe('contract status machine', () => {
  it('allows exactly the steps written as data and refuses the rest with a 409', () => {
    for (const from of contractStatuses) {
      for (const to of contractStatuses) {
        const allowed = contractTransitions[from].includes(to);
        let error: unknown = null;
        try {
          assertContractTransition(from, to);
        } catch (e) {
          error = e;
        }
        if (allowed) expect(error).toBeNull();
        else
          expect([from, to, (error as AppError).code, (error as AppError).status]).toEqual([
            from,
            to,
            'contract_transition_not_allowed',
            409,
          ]);
      }
    }
    expect(contractTransitions.ended).toEqual([]);
    expect(contractTransitions.expired).toEqual([]);
    expect(() => assertContractTransition('ended', 'active')).toThrow(AppError);
  });
});

describe('contract dates and fees', () => {
  it('numbers contracts like orders', () => {
    expect(formatContractNumber('C{YYYY}-{SEQ:6}', 2026, 12)).toBe('C2026-000012');
  });

  it('ends a term the day before the same date N months later, clamped at month end', () => {
    expect(termEndDate(d('2026-04-15'), 12).toString()).toBe('2027-04-14');
    expect(termEndDate(d('2025-12-01'), 12).toString()).toBe('2026-11-30');
    expect(termEndDate(d('2026-01-31'), 1).toString()).toBe('2026-02-27');
  });

  it('ends a 30-day trial on its 30th day', () => {
    expect(trialEndDate(d('2026-04-01'), 30).toString()).toBe('2026-04-30');
  });

  it('counts the lead time in business days on the store calendar', () => {
    const calendar = new BusinessCalendar({ closureDays: ['2026-05-07'] });
    // Fri 1 May 2026 + 3 business days skips the weekend, 3–6 May (holidays) and the closure day.
    expect(earliestDateAfterLeadTime(d('2026-05-01'), 3, calendar).toString()).toBe('2026-05-12');
    expect(earliestDateAfterLeadTime(d('2026-05-01'), 0, calendar).toString()).toBe('2026-05-02');
  });

  it('charges 7 × the monthly fee for a 12-month minimum term left after 5 months', () => {
    const minimumTermEnd = termEndDate(d('2026-04-01'), 12);
    const endDate = d('2026-08-31');
    expect(remainingMinimumTermMonths(minimumTermEnd, endDate)).toBe(7);
    expect(
      earlyTerminationFee({
        kind: 'remaining_months',
        fixedFee: null,
        monthlyFee: yen(4800),
        minimumTermEnd,
        endDate,
      }),
    ).toBe(33600);
  });

  it('rounds a partly served month up, and charges nothing once the minimum term is over', () => {
    const minimumTermEnd = d('2027-03-31');
    expect(remainingMinimumTermMonths(minimumTermEnd, d('2026-08-15'))).toBe(8);
    expect(remainingMinimumTermMonths(minimumTermEnd, d('2027-03-31'))).toBe(0);
    expect(
      earlyTerminationFee({
        kind: 'fixed',
        fixedFee: yen(30000),
        monthlyFee: null,
        minimumTermEnd,
        endDate: d('2027-04-30'),
      }),
    ).toBe(0);
    expect(
      earlyTerminationFee({
        kind: 'fixed',
        fixedFee: yen(30000),
        monthlyFee: null,
        minimumTermEnd,
        endDate: d('2026-08-31'),
      }),
    ).toBe(30000);
    expect(
      earlyTerminationFee({
        kind: 'none',
        fixedFee: null,
        monthlyFee: yen(4800),
        minimumTermEnd,
        endDate: d('2026-08-31'),
      }),
    ).toBe(0);
  });

  it('renews card, wallet and debit contracts automatically and bank transfers by hand', () => {
    expect(initialRenewalMode(['auto', 'manual'], 'card')).toBe('auto');
    expect(initialRenewalMode(['auto', 'manual'], 'bank_transfer')).toBe('manual');
    expect(initialRenewalMode(['auto'], 'bank_transfer')).toBe('auto');
    expect(initialRenewalMode(['manual'], 'card')).toBe('manual');
  });
});
