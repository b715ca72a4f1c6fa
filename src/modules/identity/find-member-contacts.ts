// Reads members' names, login IDs, email addresses and languages by id, for modules that show or write to a member (ordering, support, contracts).
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';

export interface MemberContact {
  id: string;
  loginId: string;
  name: string;
  companyName: string | null;
  email: string;
  locale: 'ja' | 'en';
}

/** The members among `memberIds`, by id; an unknown id is absent. */
export async function findMemberContacts(
  db: DbOrTx,
  memberIds: readonly string[],
): Promise<Map<string, MemberContact>> {
  const ids = [...new Set(memberIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: members.id,
      loginId: members.loginId,
      name: members.name,
      companyName: members.companyName,
      email: members.email,
      locale: members.locale,
    })
    .from(members)
    .where(inArray(members.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}
