// The second step of a member's sign-in: the mailed code, which on success opens the session.
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

export interface VerifySignInCodeInput {
  code: string;
  headers: Headers;
  /** The client's address (`clientAddress`), kept in the sign-in history and on the session. */
  ipAddress?: string | null;
  actor: Actor;
}

/** Checks the code against the request's pending challenge; returns the session's Set-Cookie lines. */
export async function verifySignInCode(
  ctx: AppContext,
  input: VerifySignInCodeInput,
): Promise<{ memberId: string; setCookies: string[] }> {
  const auth = memberAuth(ctx);
  const pending = await pendingSignInLoginIdKey(ctx.db, input.headers.get('cookie') ?? undefined);
  const policy = pending ? await refuseLockedPendingSignIn(ctx, pending, input.actor) : null;
  try {
    const { headers, response } = await auth.api.verifyTwoFactorOTP({
      body: { code: input.code },
      headers: input.headers,
      returnHeaders: true,
    });
    await recordAudit(ctx.db, {
      actor: { ...input.actor, id: response.user.id },
      action: 'member.signed_in',
      targetType: 'member',
      targetId: response.user.id,
      at: ctx.clock.now(),
    });
    await recordSignIn(ctx.db, {
      memberId: response.user.id,
      outcome: 'succeeded',
      method: 'code',
      sessionToken: response.token,
      ipAddress: input.ipAddress ?? null,
      userAgent: input.headers.get('user-agent'),
      at: ctx.clock.now(),
    });
    if (pending) await resetLoginFailures(ctx.db, memberLockout, pending.loginIdKey);
    return { memberId: response.user.id, setCookies: headers.getSetCookie() };
  } catch (error) {
    const code = authErrorCode(error);
    if (code === null) throw error;
    if (pending) {
      await recordAudit(ctx.db, {
        actor: { ...input.actor, id: pending.memberId },
        action: 'member.sign_in_code_failed',
        targetType: 'member',
        targetId: pending.memberId,
        reason: code,
        at: ctx.clock.now(),
      });
      await recordSignIn(ctx.db, {
        memberId: pending.memberId,
        outcome: 'failed',
        method: 'code',
        ipAddress: input.ipAddress ?? null,
        userAgent: input.headers.get('user-agent'),
        at: ctx.clock.now(),
      });
    }
    if (code === 'INVALID_CODE') {
      // Only a wrong guess counts toward the lock; an expired or spent code is not a guess.
      if (pending && policy) {
        const { locked } = await recordLoginFailure(ctx, memberLockout, {
          loginIdKey: pending.loginIdKey,
          policy,
          actor: { ...input.actor, id: pending.memberId },
        });
        if (locked) throw identityErrors.loginLocked(policy);
      }
      throw identityErrors.invalidCode();
    }
    if (code === 'OTP_HAS_EXPIRED') throw identityErrors.codeExpired();
    if (code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE') throw identityErrors.codeAttemptsExhausted();
    throw identityErrors.signInNotPending();
  }
}
