// Signs a member out of every other session, or of every session including this one; audited.
import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authSession } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { memberAuth } from './auth.js';

export interface SignOutEverywhereInput {
  memberId: string;
  /** The request's own session (from `requireMemberSession`). */
  currentSessionId: string;
  /** `others` keeps this browser signed in; `all` ends this session too. */
  scope: 'others' | 'all';
  headers: Headers;
  actor: Actor;
}

/**
 * Deletes the member's sessions and records `member.sessions_revoked` with how many, in one transaction.
 * With `all`, the answer also carries the Set-Cookie lines that clear this browser's cookie.
 */
export async function signOutEverywhere(
  ctx: AppContext,
  input: SignOutEverywhereInput,
): Promise<{ revoked: number; setCookies: string[] }> {
  const revoked = await ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(authSession)
      .where(
        input.scope === 'all'
          ? eq(authSession.userId, input.memberId)
          : and(eq(authSession.userId, input.memberId), ne(authSession.id, input.currentSessionId)),
      )
      .returning({ id: authSession.id });
    await recordAudit(tx, {
      actor: { ...input.actor, id: input.memberId },
      action: 'member.sessions_revoked',
      targetType: 'member',
      targetId: input.memberId,
      after: { scope: input.scope, revoked: ended.length },
      at: ctx.clock.now(),
    });
    return ended.length;
  });
  if (input.scope === 'others') return { revoked, setCookies: [] };
  // The session row is gone already; better-auth's sign-out still expires the cookie.
  const { headers } = await memberAuth(ctx).api.signOut({ headers: input.headers, returnHeaders: true });
  return { revoked, setCookies: headers.getSetCookie() };
}
