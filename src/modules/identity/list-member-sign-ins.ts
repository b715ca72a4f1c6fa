// A member's recent sign-ins, newest first, for My Page and the admin member page.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberSignIns, members } from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';

/** How many sign-ins My Page and the admin page show. */
export const RECENT_SIGN_INS = 20;

export interface MemberSignIn {
  id: string;
  at: Date;
  outcome: 'succeeded' | 'failed';
  method: 'password' | 'code' | 'backup_code';
  sessionId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  browser: string;
}

/** The member's last `limit` sign-ins (default 20), newest first. */
export async function listMemberSignIns(
  db: DbOrTx,
  memberId: string,
  limit = RECENT_SIGN_INS,
): Promise<MemberSignIn[]> {
  return db
    .select({
      id: memberSignIns.id,
      at: memberSignIns.at,
      outcome: memberSignIns.outcome,
      method: memberSignIns.method,
      sessionId: memberSignIns.sessionId,
      ipAddress: memberSignIns.ipAddress,
      userAgent: memberSignIns.userAgent,
      browser: memberSignIns.browser,
    })
    .from(memberSignIns)
    .where(eq(memberSignIns.memberId, memberId))
    .orderBy(desc(memberSignIns.at), desc(memberSignIns.id))
    .limit(limit);
}

/** The same list for an operator, `member_not_found` (404) when no member has the id. */
export async function memberSignInHistory(db: DbOrTx, memberId: string): Promise<MemberSignIn[]> {
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!member) throw identityErrors.memberNotFound();
  return listMemberSignIns(db, memberId);
}
