// The billing module's withdrawal blocker: a member who still owes money (an open balance) cannot withdraw.
import { formatYen } from '../../domain/money.js';
import type { WithdrawalBlocker, WithdrawalBlockerRegistry } from '../identity/index.js';
import { getMemberBalance } from './ledger-balance.js';

/** An open balance (the ledger's sum above zero) blocks, naming the amount owed. */
export const openBalanceBlocker: WithdrawalBlocker = {
  code: 'billing_open_balance',
  async check(db, memberId) {
    const balance = await getMemberBalance(db, memberId);
    if (balance <= 0) return { blocked: false, reasons: [] };
    return {
      blocked: true,
      reasons: [
        {
          ja: `未払いのご請求（${formatYen(balance)}）があります`,
          en: `${formatYen(balance)} is still owed on your invoices`,
        },
      ],
    };
  },
};

/** Registers billing's blocker where the app context is built. */
export function registerBillingWithdrawalBlockers(registry: WithdrawalBlockerRegistry): void {
  registry.register(openBalanceBlocker);
}
