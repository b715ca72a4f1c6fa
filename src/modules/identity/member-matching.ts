// A search condition for another module's query: rows whose member's login ID, name, company or email matches a LIKE pattern.
import { ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { members } from '../../db/schema/identity.js';

/** `memberIdColumn` names a member whose login ID, name, company or email is `ilike` the (escaped) pattern. */
export function memberMatching(memberIdColumn: AnyPgColumn, pattern: string): SQL {
  const anyField = or(
    ilike(members.loginId, pattern),
    ilike(members.name, pattern),
    ilike(members.companyName, pattern),
    ilike(members.email, pattern),
  );
  return sql`${memberIdColumn} in (select ${members.id} from ${members} where ${anyField})`;
}
