// What a member's withdrawal page shows: whether the store lets members withdraw themselves, and what blocks it now.

import type { DbOrTx } from '../../db/client.js';
import type { BilingualMessage } from '../../domain/errors.js';
import { getStoreSettings } from '../store/index.js';
import type { WithdrawalBlockerRegistry } from './withdrawal-blockers.js';

export interface WithdrawalStatus {
  mode: 'self-service' | 'by-request';
  /** Every reason that blocks withdrawal now, in the blockers' registration order; empty when free to go. */
  reasons: BilingualMessage[];
  /** Days the personal data is kept after withdrawal before it is anonymised. */
  retentionDays: number;
}

/** The store's withdrawal mode and the member's current blockers (checked in either mode: operators need them too). */
export async function getWithdrawalStatus(
  db: DbOrTx,
  blockers: WithdrawalBlockerRegistry,
  memberId: string,
): Promise<WithdrawalStatus> {
  const settings = await getStoreSettings(db);
  const found = await blockers.findWithdrawalBlockers(db, memberId);
  return {
    mode: settings.withdrawal,
    reasons: found.flatMap((blocker) => blocker.reasons),
    retentionDays: settings.personalDataRetentionDays,
  };
}
