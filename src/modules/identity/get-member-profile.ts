// Reads a member's own profile for My Page.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';

export type MemberProfile = Pick<
  typeof members.$inferSelect,
  'id' | 'loginId' | 'name' | 'nameKana' | 'email' | 'locale' | 'status' | 'confirmedAt' | 'createdAt'
>;

/** The profile of a member; a session whose member row is gone counts as signed out. */
export async function getMemberProfile(db: DbOrTx, memberId: string): Promise<MemberProfile> {
  const [row] = await db
    .select({
      id: members.id,
      loginId: members.loginId,
      name: members.name,
      nameKana: members.nameKana,
      email: members.email,
      locale: members.locale,
      status: members.status,
      confirmedAt: members.confirmedAt,
      createdAt: members.createdAt,
    })
    .from(members)
    .where(eq(members.id, memberId));
  if (!row) throw identityErrors.notSignedIn();
  return row;
}
