// A member's sessions that are still alive under the store's timeouts, newest first, for "signed in on these devices".
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { authSession } from '../../db/schema/identity.js';
import { toDate } from '../../domain/clock.js';
import { loadSessionPolicy } from './session-policy.js';
import { userAgentLabel } from './user-agent-label.js';

export interface MemberActiveSession {
  id: string;
  signedInAt: Date;
  lastActiveAt: Date;
  /** When the session ends unless used again (idle), or at the latest (absolute). */
  expiresAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  browser: string;
}

/** The member's live sessions; a session past either timeout is left out (the next request on it deletes it). */
export async function listMemberSessions(
  db: DbOrTx,
  memberId: string,
  now: Temporal.Instant,
): Promise<MemberActiveSession[]> {
  const policy = await loadSessionPolicy(db);
  const nowDate = toDate(now);
  const lastActive = sql<Date>`coalesce(${authSession.lastActiveAt}, ${authSession.createdAt})`;
  const rows = await db
    .select({
      id: authSession.id,
      createdAt: authSession.createdAt,
      lastActiveAt: authSession.lastActiveAt,
      expiresAt: authSession.expiresAt,
      ipAddress: authSession.ipAddress,
      userAgent: authSession.userAgent,
    })
    .from(authSession)
    .where(
      and(
        eq(authSession.userId, memberId),
        gt(authSession.expiresAt, nowDate),
        gt(authSession.createdAt, toDate(now.subtract({ hours: policy.absoluteHours }))),
        gt(lastActive, toDate(now.subtract({ minutes: policy.idleMinutes }))),
      ),
    )
    .orderBy(desc(lastActive), desc(authSession.id));
  return rows.map((row) => {
    const lastActiveAt = row.lastActiveAt ?? row.createdAt;
    const idleEnd = lastActiveAt.getTime() + policy.idleMinutes * 60_000;
    const absoluteEnd = row.createdAt.getTime() + policy.absoluteHours * 3_600_000;
    return {
      id: row.id,
      signedInAt: row.createdAt,
      lastActiveAt,
      expiresAt: new Date(Math.min(idleEnd, absoluteEnd, row.expiresAt.getTime())),
      ipAddress: row.ipAddress,
      userAgent: row.userAgent,
      browser: userAgentLabel(row.userAgent),
    };
  });
}
