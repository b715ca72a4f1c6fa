// The password step of an operator's sign-in: on success the second factor is asked for (authenticator app, or a mailed code).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { operators, operatorUser } from '../../db/schema/operators.js';
import { type Actor, recordAudit } from '../audit/index.js';
import {
  assertLoginIdNotLocked,
  authErrorCode,
  cookieHeaderFrom,
  recordLoginFailure,
} from '../identity/auth-index.js';
import { operatorAuth } from './auth.js';
import { operatorErrors } from './operator-errors.js';
import { normalizeOperatorLoginId } from './operator-fields.js';
import { operatorLockout } from './operator-lockout.js';

/** Which second factor the sign-in waits for. */
export type SecondFactor = 'totp' | 'email';

export interface SignInOperatorInput {
  loginId: string;
  password: string;
  /** The browser's request headers (cookies, Origin, User-Agent) as better-auth expects them. */
  headers: Headers;
  actor: Actor;
}

/** Checks the password and opens a second-factor challenge; returns its Set-Cookie lines and the factor asked for. */
export async function signInOperator(
  ctx: AppContext,
  input: SignInOperatorInput,
): Promise<{ method: SecondFactor; setCookies: string[] }> {
  const auth = operatorAuth(ctx);
  const username = normalizeOperatorLoginId(input.loginId);
  // Checked before better-auth sees the password, so a right password during a lock is neither used nor revealed.
  const policy = await assertLoginIdNotLocked(ctx, operatorLockout, {
    loginIdKey: username,
    actor: input.actor,
  });
  const [known] = await ctx.db
    .select({ id: operatorUser.id, status: operators.status })
    .from(operatorUser)
    .innerJoin(operators, eq(operators.id, operatorUser.id))
    .where(eq(operatorUser.username, username));
  const audit = (action: string, reason?: string) =>
    recordAudit(ctx.db, {
      actor: { ...input.actor, id: known?.id ?? null },
      action,
      targetType: known ? 'operator' : 'operator_login_id',
      targetId: known?.id ?? username,
      ...(reason ? { reason } : {}),
      at: ctx.clock.now(),
    });

  const { headers, response } = await auth.api
    .signInUsername({
      body: { username: input.loginId, password: input.password },
      headers: input.headers,
      returnHeaders: true,
    })
    .catch(async (error: unknown): Promise<never> => {
      if (authErrorCode(error) === null) throw error;
      // Unknown ID and wrong password give one answer, so the answer tells nobody which IDs exist.
      await audit('operator.sign_in_failed', 'wrong login ID or password');
      // Unknown IDs count and lock like known ones, so the lock answer says nothing about existence either.
      const { locked, failuresLeft } = await recordLoginFailure(ctx, operatorLockout, {
        loginIdKey: username,
        policy,
        actor: input.actor,
      });
      throw locked ? operatorErrors.loginLocked(policy) : operatorErrors.invalidCredentials(failuresLeft);
    });
  if (!('twoFactorRedirect' in response) || response.twoFactorRedirect !== true) {
    throw new Error(`operator ${known?.id ?? username} signed in without a second factor`);
  }
  if (known?.status !== 'active') {
    // A disabled operator hears what a wrong password hears; the challenge cookie is not handed out.
    await audit('operator.sign_in_refused', 'operator disabled');
    // Counted like a wrong password, so repeated tries end in the same lock whatever the password was.
    const { locked, failuresLeft } = await recordLoginFailure(ctx, operatorLockout, {
      loginIdKey: username,
      policy,
      actor: input.actor,
    });
    throw locked ? operatorErrors.loginLocked(policy) : operatorErrors.invalidCredentials(failuresLeft);
  }
  const setCookies = headers.getSetCookie();
  const methods = 'twoFactorMethods' in response ? response.twoFactorMethods : [];
  if (Array.isArray(methods) && methods.includes('totp')) {
    await audit('operator.sign_in_totp_required');
    return { method: 'totp', setCookies };
  }
  await auth.api.sendTwoFactorOTP({
    body: {},
    headers: new Headers({ cookie: cookieHeaderFrom(setCookies) }),
  });
  await audit('operator.sign_in_code_sent');
  return { method: 'email', setCookies };
}
