// The operator's member search: login ID, name, kana, company, email and phone, newest members first.
import { and, count, desc, eq, ilike, like, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type MemberStatus, members } from '../../db/schema/identity.js';

export interface SearchMembersInput {
  /** Matched literally and ignoring case against login ID, name, kana, company, contact email and phones. */
  search?: string | undefined;
  status?: MemberStatus | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type MemberSummary = Pick<
  typeof members.$inferSelect,
  'id' | 'loginId' | 'name' | 'nameKana' | 'email' | 'status' | 'createdAt' | 'companyName'
>;

export interface MemberPage {
  items: MemberSummary[];
  total: number;
}

function likePattern(text: string): string {
  // An operator typing % or _ means those characters, not wildcards.
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * Phones are stored in E.164 (`+81312345678`) while people say `03-1234-5678`: a query made of phone
 * characters is also compared by its digits, with a leading domestic 0 read as +81.
 */
function phonePatterns(search: string): string[] {
  const normalized = search.normalize('NFKC');
  if (!/^[0-9+\-‐－ー()\s]+$/.test(normalized)) return [];
  const digits = normalized.replace(/\D/g, '');
  if (digits.length < 4) return [];
  const patterns = [likePattern(digits)];
  if (digits.startsWith('0')) patterns.push(likePattern(`+81${digits.slice(1)}`));
  return patterns;
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
      ilike(members.companyName, pattern),
      ilike(members.phone, pattern),
      ilike(members.mobilePhone, pattern),
      ...phonePatterns(search).flatMap((p) => [like(members.phone, p), like(members.mobilePhone, p)]),
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
      companyName: members.companyName,
    })
    .from(members)
    .where(where)
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(limit)
    .offset(Math.max(input.offset ?? 0, 0));
  const [total] = await db.select({ n: count() }).from(members).where(where);
  return { items, total: total?.n ?? 0 };
}
