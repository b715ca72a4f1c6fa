// The second step of a member's sign-in with a backup code instead of the mailed code; each code works once.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { memberAuth } from './auth.js';
import { authErrorCode } from './auth-failure.js';
import { identityErrors } from './identity-errors.js';
import { memberLockout } from './member-lockout.js';
import { pendingSignInLoginIdKey } from './pending-sign-in.js';
import { recordLoginFailure } from './record-login-failure.js';
import { recordSignIn } from './record-sign-in.js';
import { refuseLockedPendingSignIn } from './refuse-locked-pending-sign-in.js';
import { resetLoginFailures } from './reset-login-failures.js';

export interface VerifySignInBackupCodeInput {
  code: string;
  headers: Headers;
  /** The client's address (`clientAddress`), kept in the sign-in history and on the session. */
  ipAddress?: string | null;
  actor: Actor;
}

/** Spends a backup code against the request's pending challenge; returns the session's Set-Cookie lines. */
export async function verifySignInBackupCode(
  ctx: AppContext,
  input: VerifySignInBackupCodeInput,
): Promise<{ memberId: string; setCookies: string[] }> {
  const pending = await pendingSignInLoginIdKey(ctx.db, input.headers.get('cookie') ?? undefined);
  if (!pending) throw identityErrors.signInNotPending();
  const policy = await refuseLockedPendingSignIn(ctx, pending, input.actor);
  const actor = { ...input.actor, id: pending.memberId };
  try {
    const { headers, response } = await memberAuth(ctx).api.signInWithBackupCode({
      body: { code: input.code },
      headers: input.headers,
      returnHeaders: true,
    });
    await recordAudit(ctx.db, {
      actor,
      action: 'member.signed_in',
      targetType: 'member',
      targetId: pending.memberId,
      reason: 'backup code',
      at: ctx.clock.now(),
    });
    await recordSignIn(ctx.db, {
      memberId: pending.memberId,
      outcome: 'succeeded',
      method: 'backup_code',
      sessionToken: response.token,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.headers.get('user-agent'),
      at: ctx.clock.now(),
    });
    await resetLoginFailures(ctx.db, memberLockout, pending.loginIdKey);
    return { memberId: pending.memberId, setCookies: headers.getSetCookie() };
  } catch (error) {
    const code = authErrorCode(error);
    if (code === null) throw error;
    if (code !== 'INVALID_BACKUP_CODE') throw identityErrors.signInNotPending();
    await recordAudit(ctx.db, {
      actor,
      action: 'member.sign_in_code_failed',
      targetType: 'member',
      targetId: pending.memberId,
      reason: 'INVALID_BACKUP_CODE',
      at: ctx.clock.now(),
    });
    await recordSignIn(ctx.db, {
      memberId: pending.memberId,
      outcome: 'failed',
      method: 'backup_code',
      ipAddress: input.ipAddress ?? null,
      userAgent: input.headers.get('user-agent'),
      at: ctx.clock.now(),
    });
    const { locked } = await recordLoginFailure(ctx, memberLockout, {
      loginIdKey: pending.loginIdKey,
      policy,
      actor,
    });
    throw locked ? identityErrors.loginLocked(policy) : identityErrors.invalidBackupCode();
  }
}
