// Lifts the lock of a login ID (an operator's action for the `operator` lockout mode, usable in both modes).
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { authUser, loginLockouts } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { normalizeLoginId } from './login-id.js';

export interface UnlockLoginIdInput {
  /** The login ID as typed; known and unknown IDs alike, since unknown ones lock too. */
  loginId: string;
  actor: Actor;
  reason?: string;
  now: Temporal.Instant;
}

/** Clears the lock and the failure count; returns whether the ID was locked. Audited either way it changes. */
export async function unlockLoginId(db: Db, input: UnlockLoginIdInput): Promise<{ wasLocked: boolean }> {
  const key = normalizeLoginId(input.loginId);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(loginLockouts).where(eq(loginLockouts.loginIdKey, key));
    if (!before) return { wasLocked: false };
    await tx.delete(loginLockouts).where(eq(loginLockouts.loginIdKey, key));
    const [member] = await tx.select({ id: authUser.id }).from(authUser).where(eq(authUser.username, key));
    await recordAudit(tx, {
      actor: input.actor,
      action: 'login_id.unlocked',
      targetType: member ? 'member' : 'login_id',
      targetId: member?.id ?? key,
      before: {
        loginIdKey: key,
        failedCount: before.failedCount,
        lockedAt: before.lockedAt?.toISOString() ?? null,
        lockedUntil: before.lockedUntil?.toISOString() ?? null,
      },
      after: { failedCount: 0, lockedAt: null },
      ...(input.reason ? { reason: input.reason } : {}),
      at: input.now,
    });
    return { wasLocked: before.lockedAt !== null };
  });
}
