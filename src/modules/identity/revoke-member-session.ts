// Signs one of a member's sessions out ("sign out this device" in the session list); audited.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authSession } from '../../db/schema/identity.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { memberAuth } from './auth.js';
import { identityErrors } from './identity-errors.js';

export interface RevokeMemberSessionInput {
  memberId: string;
  sessionId: string;
  currentSessionId: string;
  headers: Headers;
  actor: Actor;
}

/**
 * Deletes the session if it is the member's own (another member's or an unknown id is
 * `session_not_found`, 404) and records `member.session_revoked`. Ending the request's own session
 * also returns the Set-Cookie lines that clear this browser's cookie.
 */
export async function revokeMemberSession(
  ctx: AppContext,
  input: RevokeMemberSessionInput,
): Promise<{ setCookies: string[] }> {
  await ctx.db.transaction(async (tx) => {
    const [ended] = await tx
      .delete(authSession)
      .where(and(eq(authSession.id, input.sessionId), eq(authSession.userId, input.memberId)))
      .returning({ id: authSession.id });
    if (!ended) throw identityErrors.sessionNotFound();
    await recordAudit(tx, {
      actor: { ...input.actor, id: input.memberId },
      action: 'member.session_revoked',
      targetType: 'member',
      targetId: input.memberId,
      after: { sessionId: input.sessionId, current: input.sessionId === input.currentSessionId },
      at: ctx.clock.now(),
    });
  });
  if (input.sessionId !== input.currentSessionId) return { setCookies: [] };
  const { headers } = await memberAuth(ctx).api.signOut({ headers: input.headers, returnHeaders: true });
  return { setCookies: headers.getSetCookie() };
}
