// Withdrawal blockers of contracts (seed 003): contracts not ended, and trials in use, stop a member leaving.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contracts } from '../../db/schema/contracts.js';
import { contractStatusLabels, liveContractStatuses } from '../../domain/contracts.js';
import type { WithdrawalBlocker, WithdrawalBlockerRegistry } from '../identity/index.js';

async function liveContracts(db: DbOrTx, memberId: string) {
  return db
    .select({
      number: contracts.number,
      status: contracts.status,
      productNameJa: contracts.productNameJa,
      productNameEn: contracts.productNameEn,
    })
    .from(contracts)
    .where(and(eq(contracts.memberId, memberId), inArray(contracts.status, [...liveContractStatuses])))
    .orderBy(asc(contracts.startDate), asc(contracts.number));
}

/** Paid contracts not yet ended (in force, suspended, or with a cancellation not yet effective). */
export const contractsInForceBlocker: WithdrawalBlocker = {
  code: 'contracts_in_force',
  async check(db, memberId) {
    const rows = (await liveContracts(db, memberId)).filter((row) => row.status !== 'trial');
    return {
      blocked: rows.length > 0,
      reasons: rows.map((row) => ({
        ja: `ご契約 ${row.number}「${row.productNameJa}」（${contractStatusLabels.ja[row.status]}）が終了していません`,
        en: `contract ${row.number} (${row.productNameEn}, ${contractStatusLabels.en[row.status]}) has not ended`,
      })),
    };
  },
};

/** Free trials in use: a contract in its trial. */
export const contractTrialsInUseBlocker: WithdrawalBlocker = {
  code: 'contract_trials_in_use',
  async check(db, memberId) {
    const rows = (await liveContracts(db, memberId)).filter((row) => row.status === 'trial');
    return {
      blocked: rows.length > 0,
      reasons: rows.map((row) => ({
        ja: `無料トライアル「${row.productNameJa}」（ご契約 ${row.number}）をご利用中です`,
        en: `the free trial of ${row.productNameEn} (contract ${row.number}) is in use`,
      })),
    };
  },
};

/** Registers the contracts module's blockers where the app context is built. */
export function registerContractWithdrawalBlockers(registry: WithdrawalBlockerRegistry): void {
  registry.register(contractsInForceBlocker);
  registry.register(contractTrialsInUseBlocker);
}
