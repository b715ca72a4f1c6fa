// Lists every operator for the owner's console: profile, roles, status, authenticator app and lock state.
import { asc, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import {
  type OperatorRole,
  type OperatorStatus,
  operatorLoginLockouts,
  operators,
  operatorTwoFactor,
  operatorUser,
} from '../../db/schema/operators.js';
import { toDate } from '../../domain/clock.js';

export interface OperatorSummary {
  id: string;
  loginId: string;
  displayName: string;
  email: string;
  locale: 'ja' | 'en';
  roles: OperatorRole[];
  status: OperatorStatus;
  totpEnabled: boolean;
  /** Set while the login ID is locked; `lockedUntil` null means only an owner unlocks it. */
  lock: { lockedAt: Date; lockedUntil: Date | null } | null;
  createdAt: Date;
}

/** Every operator, oldest first; an automatic lock whose time is up is shown as unlocked. */
export async function listOperators(db: DbOrTx, now: Temporal.Instant): Promise<OperatorSummary[]> {
  const rows = await db
    .select({
      operator: operators,
      lockedAt: operatorLoginLockouts.lockedAt,
      lockedUntil: operatorLoginLockouts.lockedUntil,
      totpVerified: operatorTwoFactor.verified,
    })
    .from(operators)
    .innerJoin(operatorUser, eq(operatorUser.id, operators.id))
    .leftJoin(operatorLoginLockouts, eq(operatorLoginLockouts.loginIdKey, operatorUser.username))
    .leftJoin(operatorTwoFactor, eq(operatorTwoFactor.userId, operators.id))
    .orderBy(asc(operators.createdAt), asc(operators.id));
  const at = toDate(now);
  const byId = new Map<string, OperatorSummary>();
  for (const row of rows) {
    const o = row.operator;
    const locked =
      row.lockedAt !== null && (row.lockedUntil === null || row.lockedUntil.getTime() > at.getTime());
    const previous = byId.get(o.id);
    byId.set(o.id, {
      id: o.id,
      loginId: o.loginId,
      displayName: o.displayName,
      email: o.email,
      locale: o.locale,
      roles: o.roles,
      status: o.status,
      // An unconfirmed set-up leaves a row with verified false; only a confirmed app counts.
      totpEnabled: (previous?.totpEnabled ?? false) || row.totpVerified === true,
      lock: locked && row.lockedAt ? { lockedAt: row.lockedAt, lockedUntil: row.lockedUntil } : null,
      createdAt: o.createdAt,
    });
  }
  return [...byId.values()];
}
