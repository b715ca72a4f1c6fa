// Signs an operator out: the session row is deleted and the admin cookie expired.
import type { AppContext } from '../../context.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { operatorAuth } from './auth.js';

export interface SignOutOperatorInput {
  headers: Headers;
  actor: Actor;
}

/** Ends the request's operator session if there is one; returns the Set-Cookie lines that clear the cookie. */
export async function signOutOperator(
  ctx: AppContext,
  input: SignOutOperatorInput,
): Promise<{ setCookies: string[] }> {
  const auth = operatorAuth(ctx);
  const session = await auth.api.getSession({ headers: input.headers });
  const { headers } = await auth.api.signOut({ headers: input.headers, returnHeaders: true });
  if (session) {
    await recordAudit(ctx.db, {
      actor: { ...input.actor, id: session.user.id },
      action: 'operator.signed_out',
      targetType: 'operator',
      targetId: session.user.id,
      at: ctx.clock.now(),
    });
  }
  return { setCookies: headers.getSetCookie() };
}
