// Who signs in with a login ID, as the one lockout needs to know them: members and operators are two subjects.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { AppError } from '../../domain/errors.js';
import type { LockoutTable } from './lockout-counters.js';
import type { LockoutPolicy } from './lockout-policy.js';

/** The person behind a locked login ID, and how they are told of the lock. */
export interface LockedPerson {
  id: string;
  /** Queues the lock mail inside the caller's transaction, so the audit entry and the mail go together. */
  tellOfLock(tx: DbOrTx, now: Temporal.Instant): Promise<void>;
}

/** Where a kind of login ID has its failures counted, what the audit calls it and how its owner is found. */
export interface LoginLockoutSubject {
  /** `login_lockouts` for members, `operator_login_lockouts` for operators. */
  table: LockoutTable;
  /** The audit's name for the login ID itself (action prefix, and target when nobody has the ID). */
  loginIdKind: 'login_id' | 'operator_login_id';
  /** The audit's target type when the ID belongs to someone. */
  personKind: 'member' | 'operator';
  /** The 423 answer while the ID is locked. */
  lockedError(policy: LockoutPolicy): AppError;
  /** The person whose login ID this is, or null for an ID nobody has (failures still count: no oracle). */
  findPerson(db: DbOrTx, loginIdKey: string, policy: LockoutPolicy): Promise<LockedPerson | null>;
}
