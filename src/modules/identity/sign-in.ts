// The password step of a member's sign-in: on success a code goes out (mail or SMS) and a pending-second-factor cookie is set.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authUser, type MemberStatus, members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { assertLoginIdNotLocked } from './assert-login-id-not-locked.js';
import { memberAuth } from './auth.js';
import { authErrorCode, cookieHeaderFrom } from './auth-failure.js';
import { identityErrors } from './identity-errors.js';
import { normalizeLoginId as lockoutKeyOf } from './login-id.js';
import { normalizeLoginId } from './member-fields.js';
import { memberLockout } from './member-lockout.js';
import { recordLoginFailure } from './record-login-failure.js';
import { recordSignIn } from './record-sign-in.js';
import { type SignInCodeDestination, signInCodeDestination } from './send-sign-in-code.js';

export interface SignInInput {
  loginId: string;
  password: string;
  /** The browser's request headers (cookies, Origin, User-Agent) as better-auth expects them. */
  headers: Headers;
  /** The client's address (`clientAddress`), kept in the sign-in history of a known member's failure. */
  ipAddress?: string | null;
  actor: Actor;
}

export interface SignInResult {
  /** The Set-Cookie lines of the pending challenge. */
  setCookies: string[];
  /** Where the code went, for the page to say so. */
  destination: SignInCodeDestination;
}

/** Checks the password and sends a code by the member's channel. No session yet. */
export async function signIn(ctx: AppContext, input: SignInInput): Promise<SignInResult> {
  const auth = memberAuth(ctx);
  const username = normalizeLoginId(input.loginId);
  const [known] = await ctx.db
    .select({ id: authUser.id })
    .from(authUser)
    .where(eq(authUser.username, username));
  const audit = (action: string, reason?: string) =>
    recordAudit(ctx.db, {
      actor: { ...input.actor, id: known?.id ?? null },
      action,
      targetType: known ? 'member' : 'login_id',
      targetId: known?.id ?? username,
      ...(reason ? { reason } : {}),
      at: ctx.clock.now(),
    });

  // The lock is checked before the password, so a right password during a lock is neither used nor revealed.
  const loginIdKey = lockoutKeyOf(input.loginId);
  const policy = await assertLoginIdNotLocked(ctx, memberLockout, { loginIdKey, actor: input.actor }).catch(
    async (error: unknown): Promise<never> => {
      await audit('member.sign_in_refused', 'login ID locked');
      throw error;
    },
  );

  const { headers, response } = await auth.api
    .signInUsername({
      body: { username: input.loginId, password: input.password },
      headers: input.headers,
      returnHeaders: true,
    })
    .catch(async (error: unknown): Promise<never> => {
      const code = authErrorCode(error);
      if (code === null) throw error;
      if (code === 'EMAIL_NOT_VERIFIED') {
        await audit('member.sign_in_refused', 'email not confirmed');
        throw identityErrors.emailNotConfirmed();
      }
      // Unknown ID, wrong password, malformed ID: one answer, so the answer tells nobody which IDs exist.
      await audit('member.sign_in_failed', 'wrong login ID or password');
      if (known) {
        await recordSignIn(ctx.db, {
          memberId: known.id,
          outcome: 'failed',
          method: 'password',
          ipAddress: input.ipAddress ?? null,
          userAgent: input.headers.get('user-agent'),
          at: ctx.clock.now(),
        });
      }
      const { locked, failuresLeft } = await recordLoginFailure(ctx, memberLockout, {
        loginIdKey,
        policy,
        actor: input.actor,
      });
      throw locked ? identityErrors.loginLocked(policy) : identityErrors.invalidCredentials(failuresLeft);
    });
  if (!('twoFactorRedirect' in response) || response.twoFactorRedirect !== true) {
    // Every member is created with the second factor on; a session without it must never be handed out.
    throw new Error(`member ${known?.id ?? username} signed in without a second factor`);
  }
  // Told only after the right password, so the status of an ID is never revealed to someone guessing.
  // The challenge cookie better-auth set is not passed on and no code is sent, so no session can follow.
  const [member] = await ctx.db
    .select({
      status: members.status,
      secondFactorChannel: members.secondFactorChannel,
      mobilePhone: members.mobilePhone,
      email: members.email,
    })
    .from(members)
    .where(eq(members.id, known?.id ?? ''));
  const refusal = member ? refusalFor(member.status) : null;
  if (refusal) {
    await audit('member.sign_in_refused', refusal.reason);
    throw refusal.error();
  }
  const setCookies = headers.getSetCookie();
  await auth.api.sendTwoFactorOTP({
    body: {},
    headers: new Headers({ cookie: cookieHeaderFrom(setCookies) }),
  });
  if (!member) throw new Error(`no member profile for ${known?.id}`);
  const destination = signInCodeDestination(member);
  await audit('member.sign_in_code_sent', `by ${destination.channel}`);
  return { setCookies, destination };
}

/** Why a member with the right password may not sign in, or null for an active member. */
function refusalFor(status: MemberStatus): { reason: string; error: () => Error } | null {
  switch (status) {
    case 'active':
      return null;
    case 'unconfirmed':
      // better-auth refuses these first (email not verified); kept so the status alone decides.
      return { reason: 'email not confirmed', error: identityErrors.emailNotConfirmed };
    case 'pending_review':
      return { reason: 'registration under review', error: identityErrors.registrationPendingReview };
    case 'rejected':
      return { reason: 'registration rejected', error: identityErrors.registrationRejected };
    case 'withdrawn':
      return { reason: 'withdrawn', error: identityErrors.memberWithdrawn };
  }
}
