// The member signed in on a request, from better-auth's session cookie.
import type { AppContext } from '../../context.js';
import { memberAuth } from './auth.js';
import { identityErrors } from './identity-errors.js';

/** The member id of the request's session, or `not_signed_in` (401). */
export async function requireMemberId(ctx: AppContext, headers: Headers): Promise<string> {
  const session = await memberAuth(ctx).api.getSession({ headers });
  if (!session) throw identityErrors.notSignedIn();
  return session.user.id;
}
