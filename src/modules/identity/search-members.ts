// The operator's member search: login ID, name, kana and email, newest members first.
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type MemberStatus, members } from '../../db/schema/identity.js';

export interface SearchMembersInput {
  /** Matched literally and ignoring case against login ID, name, kana and contact email. */
  search?: string | undefined;
  status?: MemberStatus | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type MemberSummary = Pick<
  typeof members.$inferSelect,
  'id' | 'loginId' | 'name' | 'nameKana' | 'email' | 'status' | 'createdAt'
>;

export interface MemberPage {
  items: MemberSummary[];
  total: number;
}

function likePattern(text: string): string {
  // An operator typing % or _ means those characters, not wildcards.
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** A page of matching members (50 by default, at most 200) and the number of matches. */
export async function searchMembers(db: DbOrTx, input: SearchMembersInput = {}): Promise<MemberPage> {
  const conditions: SQL[] = [];
  if (input.status) conditions.push(eq(members.status, input.status));
  const search = input.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const anyField = or(
      ilike(members.loginId, pattern),
      ilike(members.name, pattern),
      ilike(members.nameKana, pattern),
      ilike(members.email, pattern),
    );
    if (anyField) conditions.push(anyField);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const items = await db
    .select({
      id: members.id,
      loginId: members.loginId,
      name: members.name,
      nameKana: members.nameKana,
      email: members.email,
      status: members.status,
      createdAt: members.createdAt,
    })
    .from(members)
    .where(where)
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(members).where(where);
  return { items, total: total?.n ?? 0 };
}
