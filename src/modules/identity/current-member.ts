// The member signed in on a request, from better-auth's session cookie, with the store's idle and absolute timeouts.
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { authSession } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { memberAuth } from './auth.js';
import { identityErrors } from './identity-errors.js';
import { loadSessionPolicy } from './session-policy.js';

export interface CurrentMemberSession {
  memberId: string;
  /** The `auth_session` id (`ses_…`), to mark "this device" in lists. */
  sessionId: string;
}

// One check per request: the mypage guard and the route both ask, and the second must not extend twice
// or see a session the first just ended. Keyed by the request's Headers object, which both share.
const checked = new WeakMap<Headers, Promise<CurrentMemberSession>>();

/**
 * The request's member session, or `not_signed_in` (401) without one. A session past the store's idle
 * timeout (no request for `sessionIdleMinutes`) or absolute timeout (`sessionAbsoluteHours` after sign-in)
 * is deleted and answered `session_expired` (401); any other request moves its idle window on.
 */
export function requireMemberSession(ctx: AppContext, headers: Headers): Promise<CurrentMemberSession> {
  let result = checked.get(headers);
  if (!result) {
    result = checkMemberSession(ctx, headers);
    checked.set(headers, result);
  }
  return result;
}

/** The member id of the request's session; see `requireMemberSession`. */
export async function requireMemberId(ctx: AppContext, headers: Headers): Promise<string> {
  return (await requireMemberSession(ctx, headers)).memberId;
}

async function checkMemberSession(ctx: AppContext, headers: Headers): Promise<CurrentMemberSession> {
  // Refresh off: better-auth's expiry is a fixed ceiling, our timeouts below are the real ones.
  const session = await memberAuth(ctx).api.getSession({ headers, query: { disableRefresh: true } });
  if (!session) throw identityErrors.notSignedIn();
  const sessionId = session.session.id;
  const policy = await loadSessionPolicy(ctx.db);
  const now = ctx.clock.now();
  const idleSince = toDate(now.subtract({ minutes: policy.idleMinutes }));
  const signedInSince = toDate(now.subtract({ hours: policy.absoluteHours }));
  // One statement reads the session and, only when its activity stamp is a minute old or more, moves it
  // on: a busy member costs no write per request. The update re-checks both timeouts on the row it
  // changes, so two requests racing cannot revive a dead session. (The idle window thus runs from a stamp
  // up to a minute older than the last request: a session may end up to a minute early, never late.)
  const lastActive = sql`coalesce(${authSession.lastActiveAt}, ${authSession.createdAt})`;
  const alive = isAlive(
    await ctx.db.execute(sql`
      with refreshed as (
        update ${authSession} set ${sql.identifier('last_active_at')} = ${toDate(now).toISOString()}::timestamptz
        where ${authSession.id} = ${sessionId}
          and ${authSession.createdAt} > ${signedInSince.toISOString()}::timestamptz
          and ${lastActive} > ${idleSince.toISOString()}::timestamptz
          and ${lastActive} <= ${toDate(now.subtract({ minutes: 1 })).toISOString()}::timestamptz
        returning ${authSession.id}
      )
      select exists (select 1 from refreshed)
        or exists (
          select 1 from ${authSession}
          where ${authSession.id} = ${sessionId}
            and ${authSession.createdAt} > ${signedInSince.toISOString()}::timestamptz
            and ${lastActive} > ${idleSince.toISOString()}::timestamptz
        ) as alive`),
  );
  if (!alive) {
    await ctx.db.delete(authSession).where(eq(authSession.id, sessionId));
    const reason = session.session.createdAt.getTime() <= signedInSince.getTime() ? 'absolute' : 'idle';
    // Not an action by a person, so no audit entry; the debug line helps explain a support call.
    ctx.logger.debug({ memberId: session.user.id, sessionId, reason }, 'member session expired');
    throw identityErrors.sessionExpired();
  }
  return { memberId: session.user.id, sessionId };
}

function isAlive(result: unknown): boolean {
  const [row] = (result as { rows: { alive: boolean }[] }).rows;
  return row?.alive === true;
}
