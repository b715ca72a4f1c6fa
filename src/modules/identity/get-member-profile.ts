// Reads a member's own profile for My Page.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';

export const memberProfileColumns = {
  id: members.id,
  loginId: members.loginId,
  memberKind: members.memberKind,
  name: members.name,
  nameKana: members.nameKana,
  email: members.email,
  companyName: members.companyName,
  department: members.department,
  postalCode: members.postalCode,
  prefecture: members.prefecture,
  city: members.city,
  street: members.street,
  building: members.building,
  phone: members.phone,
  secondFactorChannel: members.secondFactorChannel,
  mobilePhone: members.mobilePhone,
  marketingOptIn: members.marketingOptIn,
  locale: members.locale,
  status: members.status,
  termsVersion: members.termsVersion,
  confirmedAt: members.confirmedAt,
  createdAt: members.createdAt,
};

export type MemberProfile = Pick<typeof members.$inferSelect, keyof typeof memberProfileColumns>;

/** The profile of a member; a session whose member row is gone counts as signed out. */
export async function getMemberProfile(db: DbOrTx, memberId: string): Promise<MemberProfile> {
  const [row] = await db.select(memberProfileColumns).from(members).where(eq(members.id, memberId));
  if (!row) throw identityErrors.notSignedIn();
  return row;
}
