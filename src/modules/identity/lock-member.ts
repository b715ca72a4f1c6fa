// Reads a member for a status change, holding the row lock so two operators (or a member and an operator) take turns.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import { identityErrors } from './identity-errors.js';

export type MemberRow = typeof members.$inferSelect;

/** The member locked until the transaction ends, or `member_not_found` (404). */
export async function lockMember(tx: DbOrTx, memberId: string): Promise<MemberRow> {
  const [row] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
  if (!row) throw identityErrors.memberNotFound();
  return row;
}
