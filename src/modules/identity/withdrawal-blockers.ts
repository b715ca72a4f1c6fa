// Withdrawal blockers: other modules say why a member may not withdraw yet (contracts, trials, unpaid invoices).
import type { DbOrTx } from '../../db/client.js';
import { AppError, type BilingualMessage } from '../../domain/errors.js';

export interface WithdrawalBlockerResult {
  blocked: boolean;
  /** Shown to the member when blocked; at least one then. */
  reasons: BilingualMessage[];
}

/** What a module registers: a stable code and a check that reads the member's state. */
export interface WithdrawalBlocker {
  code: string;
  check(db: DbOrTx, memberId: string): Promise<WithdrawalBlockerResult>;
}

/** One blocker that blocks, with its reasons. */
export interface FoundWithdrawalBlocker {
  code: string;
  reasons: BilingualMessage[];
}

export interface WithdrawalBlockerRegistry {
  /** Adds a blocker; a second blocker with the same code is a wiring mistake and throws. */
  register(blocker: WithdrawalBlocker): void;
  /** The codes registered, in registration order. */
  codes(): string[];
  /** Runs every blocker and returns those that block, in registration order; empty means free to go. */
  findWithdrawalBlockers(db: DbOrTx, memberId: string): Promise<FoundWithdrawalBlocker[]>;
  /** Throws `withdrawal_blocked` (409) listing every reason when anything blocks. */
  assertCanWithdraw(db: DbOrTx, memberId: string): Promise<void>;
}

/** `AppError` 409 `withdrawal_blocked`, its message listing each reason. */
export function withdrawalBlockedError(found: readonly FoundWithdrawalBlocker[]): AppError {
  const reasons = found.flatMap((blocker) => blocker.reasons);
  return new AppError({
    code: 'withdrawal_blocked',
    status: 409,
    message: {
      ja: `次の理由により退会できません: ${reasons.map((reason) => reason.ja).join('／')}`,
      en: `You cannot withdraw yet: ${reasons.map((reason) => reason.en).join('; ')}`,
    },
  });
}

/** A new, empty registry; each app builds its own so tests and nodes never share registrations. */
export function createWithdrawalBlockerRegistry(): WithdrawalBlockerRegistry {
  const blockers: WithdrawalBlocker[] = [];

  async function findWithdrawalBlockers(db: DbOrTx, memberId: string): Promise<FoundWithdrawalBlocker[]> {
    const found: FoundWithdrawalBlocker[] = [];
    // One after another: a transaction is one connection, and PGlite is one connection in any case.
    for (const blocker of blockers) {
      const result = await blocker.check(db, memberId);
      if (!result.blocked) continue;
      if (result.reasons.length === 0) {
        throw new Error(`withdrawal blocker ${blocker.code} blocked without giving a reason`);
      }
      found.push({ code: blocker.code, reasons: result.reasons });
    }
    return found;
  }

  return {
    register(blocker) {
      if (blockers.some((existing) => existing.code === blocker.code)) {
        throw new Error(`withdrawal blocker ${blocker.code} is already registered`);
      }
      blockers.push(blocker);
    },
    codes: () => blockers.map((blocker) => blocker.code),
    findWithdrawalBlockers,
    async assertCanWithdraw(db, memberId) {
      const found = await findWithdrawalBlockers(db, memberId);
      if (found.length > 0) throw withdrawalBlockedError(found);
    },
  };
}
