// The operators' review queue: registrations by status, the longest-waiting first.
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type MemberStatus, members } from '../../db/schema/identity.js';

export interface ListRegistrationsInput {
  status: MemberStatus;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type RegistrationSummary = Pick<
  typeof members.$inferSelect,
  | 'id'
  | 'loginId'
  | 'memberKind'
  | 'name'
  | 'nameKana'
  | 'email'
  | 'companyName'
  | 'department'
  | 'postalCode'
  | 'prefecture'
  | 'city'
  | 'street'
  | 'building'
  | 'phone'
  | 'status'
  | 'createdAt'
  | 'confirmedAt'
  | 'reviewedAt'
  | 'reviewedBy'
  | 'rejectionReason'
>;

export interface RegistrationPage {
  items: RegistrationSummary[];
  total: number;
}

/** A page of registrations in a status (50 by default, at most 200), oldest confirmation first, and the count. */
export async function listRegistrations(
  db: DbOrTx,
  input: ListRegistrationsInput,
): Promise<RegistrationPage> {
  const conditions: SQL[] = [eq(members.status, input.status)];
  const where = and(...conditions);
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const items = await db
    .select({
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
      status: members.status,
      createdAt: members.createdAt,
      confirmedAt: members.confirmedAt,
      reviewedAt: members.reviewedAt,
      reviewedBy: members.reviewedBy,
      rejectionReason: members.rejectionReason,
    })
    .from(members)
    .where(where)
    // A queue: whoever confirmed first has waited longest (business days only, so order matters).
    .orderBy(asc(members.confirmedAt), asc(members.createdAt), asc(members.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(members).where(where);
  return { items, total: total?.n ?? 0 };
}
