// Signs a member out: the session row is deleted and the cookie expired.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { memberAuth } from './auth.js';

export interface SignOutInput {
  headers: Headers;
  actor: Actor;
}

/** Ends the request's session if there is one; returns the Set-Cookie lines that clear the cookie. */
export async function signOut(ctx: AppContext, input: SignOutInput): Promise<{ setCookies: string[] }> {
  const auth = memberAuth(ctx);
  const session = await auth.api.getSession({ headers: input.headers });
  const { headers } = await auth.api.signOut({ headers: input.headers, returnHeaders: true });
  if (session) {
    await recordAudit(ctx.db, {
      actor: { ...input.actor, id: session.user.id },
      action: 'member.signed_out',
      targetType: 'member',
      targetId: session.user.id,
      at: ctx.clock.now(),
    });
  }
  return { setCookies: headers.getSetCookie() };
}
