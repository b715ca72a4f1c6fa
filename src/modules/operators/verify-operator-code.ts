// The second step of an operator's sign-in: a code from the authenticator app or the mail, which on success opens the session.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operatorUser } from '../../db/schema/operators.js';
import { type Actor, recordAudit } from '../audit/index.js';
import {
  assertLoginIdNotLocked,
  authErrorCode,
  recordLoginFailure,
  resetLoginFailures,
} from '../identity/auth-index.js';
import { operatorAuth } from './auth.js';
import { hasTotp } from './has-totp.js';
import { operatorErrors } from './operator-errors.js';
import { operatorLockout } from './operator-lockout.js';
import { pendingOperatorSignIn } from './pending-operator-sign-in.js';
import type { SecondFactor } from './sign-in-operator.js';

export interface VerifyOperatorCodeInput {
  code: string;
  headers: Headers;
  actor: Actor;
}

/** Checks the code against the request's pending challenge; returns the session's Set-Cookie lines. */
export async function verifyOperatorCode(
  ctx: AppContext,
  input: VerifyOperatorCodeInput,
): Promise<{ operatorId: string; method: SecondFactor; setCookies: string[] }> {
  const auth = operatorAuth(ctx);
  const pending = await pendingOperatorSignIn(ctx.db, input.headers.get('cookie') ?? undefined);
  const [pendingUser] = pending
    ? await ctx.db
        .select({ username: operatorUser.username })
        .from(operatorUser)
        .where(eq(operatorUser.id, pending))
    : [];
  const loginIdKey = pendingUser?.username ?? null;
  // A lock that came after the password step (by codes guessed elsewhere) stops this challenge too.
  const policy = loginIdKey
    ? await assertLoginIdNotLocked(ctx, operatorLockout, { loginIdKey, actor: input.actor })
    : null;
  // An operator with an authenticator app is asked for its code; the mailed code is for those without one.
  const method: SecondFactor = pending && (await hasTotp(ctx.db, pending)) ? 'totp' : 'email';
  try {
    const request = { body: { code: input.code }, headers: input.headers, returnHeaders: true } as const;
    const { headers, response } =
      method === 'totp' ? await auth.api.verifyTOTP(request) : await auth.api.verifyTwoFactorOTP(request);
    if (!('user' in response)) throw new Error('better-auth verified a sign-in code without a user');
    const operatorId = response.user.id;
    if (loginIdKey) await resetLoginFailures(ctx.db, operatorLockout, loginIdKey);
    await recordAudit(ctx.db, {
      actor: { ...input.actor, id: operatorId },
      action: 'operator.signed_in',
      targetType: 'operator',
      targetId: operatorId,
      after: { method },
      at: ctx.clock.now(),
    });
    return { operatorId, method, setCookies: headers.getSetCookie() };
  } catch (error) {
    const code = authErrorCode(error);
    if (code === null) throw error;
    if (pending) {
      await recordAudit(ctx.db, {
        actor: { ...input.actor, id: pending },
        action: 'operator.sign_in_code_failed',
        targetType: 'operator',
        targetId: pending,
        reason: `${method}: ${code}`,
        at: ctx.clock.now(),
      });
    }
    if (code === 'INVALID_CODE') {
      // A wrong code counts towards the lock like a wrong password; an expired or spent code is no guess.
      if (loginIdKey && policy) {
        const { locked } = await recordLoginFailure(ctx, operatorLockout, {
          loginIdKey,
          policy,
          actor: input.actor,
        });
        if (locked) throw operatorErrors.loginLocked(policy);
      }
      throw operatorErrors.invalidCode();
    }
    if (code === 'OTP_HAS_EXPIRED') throw operatorErrors.codeExpired();
    if (code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE') throw operatorErrors.codeAttemptsExhausted();
    throw operatorErrors.signInNotPending();
  }
}
