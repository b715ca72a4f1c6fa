// Appends one entry to a member's sign-in history: a completed sign-in or a failed step on a known member.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { authSession, memberSignIns, type signInMethods } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { userAgentLabel } from './user-agent-label.js';

export interface RecordSignInInput {
  memberId: string;
  outcome: 'succeeded' | 'failed';
  method: (typeof signInMethods)[number];
  /** The session a successful sign-in opened, found by its token. */
  sessionToken?: string;
  /** From `clientAddress`, the server's view of the client (not better-auth's header guess). */
  ipAddress: string | null;
  userAgent: string | null;
  at: Temporal.Instant;
}

/**
 * Records the sign-in; for a successful one it also stamps the new session with the same address and
 * its first activity, so the session list and the history agree. Returns the session id, if any.
 */
export async function recordSignIn(db: DbOrTx, input: RecordSignInInput): Promise<string | null> {
  const userAgent = input.userAgent?.slice(0, 512) ?? null;
  let sessionId: string | null = null;
  if (input.sessionToken) {
    const [session] = await db
      .update(authSession)
      .set({ ipAddress: input.ipAddress, userAgent, lastActiveAt: toDate(input.at) })
      .where(eq(authSession.token, input.sessionToken))
      .returning({ id: authSession.id });
    sessionId = session?.id ?? null;
  }
  await db.insert(memberSignIns).values({
    id: newId('memberSignIn'),
    memberId: input.memberId,
    at: toDate(input.at),
    outcome: input.outcome,
    method: input.method,
    sessionId,
    ipAddress: input.ipAddress,
    userAgent,
    browser: userAgentLabel(userAgent),
  });
  return sessionId;
}
