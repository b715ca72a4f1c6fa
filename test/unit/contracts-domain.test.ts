// Contract rules as data: the status machine, the number format and the first renewal mode (dates and fees: contract-rules.test.ts).
import { describe, expect, it } from 'vitest';
import {
  assertContractTransition,
  contractStatuses,
  contractTransitions,
  formatContractNumber,
  initialRenewalMode,
} from '../../src/domain/contracts.js';
import { AppError } from '../../src/domain/errors.js';

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

describe('contract numbers and renewal modes', () => {
  it('numbers contracts like orders', () => {
    expect(formatContractNumber('C{YYYY}-{SEQ:6}', 2026, 12)).toBe('C2026-000012');
  });

  it('renews card, wallet and debit contracts automatically and bank transfers by hand', () => {
    expect(initialRenewalMode(['auto', 'manual'], 'card')).toBe('auto');
    expect(initialRenewalMode(['auto', 'manual'], 'bank_transfer')).toBe('manual');
    expect(initialRenewalMode(['auto'], 'bank_transfer')).toBe('auto');
    expect(initialRenewalMode(['manual'], 'card')).toBe('manual');
  });
});
