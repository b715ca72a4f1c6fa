// A signed-in member changes their password: policy-checked, other sessions signed out, a mail afterwards.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { members } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { enqueueMail } from '../notifications/index.js';
import { getStoreSettings } from '../store/index.js';
import { memberAuth } from './auth.js';
import { authErrorCode } from './auth-failure.js';
import { identityErrors } from './identity-errors.js';
import { assertPasswordMeetsPolicy } from './password-policy.js';

export interface ChangePasswordInput {
  memberId: string;
  currentPassword: string;
  newPassword: string;
  /** The request's headers: better-auth finds the session to keep in its cookie. */
  headers: Headers;
  actor: Actor;
}

/** Changes the password and returns the Set-Cookie lines of the fresh session that replaces this one. */
export async function changePassword(
  ctx: AppContext,
  input: ChangePasswordInput,
): Promise<{ setCookies: string[] }> {
  const [member] = await ctx.db.select().from(members).where(eq(members.id, input.memberId));
  if (!member) throw identityErrors.notSignedIn();
  const { passwordPolicy } = await getStoreSettings(ctx.db);
  assertPasswordMeetsPolicy(
    input.newPassword,
    { preset: passwordPolicy, loginId: member.loginId },
    'newPassword',
  );
  const actor = { ...input.actor, id: member.id };

  const { headers } = await memberAuth(ctx)
    .api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        // Every session ends, this one is replaced by a new one: a thief's session does not survive.
        revokeOtherSessions: true,
      },
      headers: input.headers,
      returnHeaders: true,
    })
    .catch(async (error: unknown): Promise<never> => {
      const code = authErrorCode(error);
      if (code === null) throw error;
      if (code === 'UNAUTHORIZED') throw identityErrors.notSignedIn();
      await recordAudit(ctx.db, {
        actor,
        action: 'member.password_change_refused',
        targetType: 'member',
        targetId: member.id,
        reason: code === 'INVALID_PASSWORD' ? 'wrong current password' : code,
        at: ctx.clock.now(),
      });
      if (code === 'INVALID_PASSWORD') throw identityErrors.currentPasswordIncorrect();
      throw error;
    });

  // better-auth's write has committed; the mail and the audit entry follow it in their own transaction.
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await enqueueMail(tx, {
      template: 'member-password-changed',
      locale: member.locale,
      to: member.email,
      payload: { name: member.name, loginId: member.loginId, via: 'mypage' },
      now,
    });
    await recordAudit(tx, {
      actor,
      action: 'member.password_changed',
      targetType: 'member',
      targetId: member.id,
      reason: 'changed on My Page; other sessions signed out',
      at: now,
    });
  });
  return { setCookies: headers.getSetCookie() };
}
