// Locks a member row against withdrawal while an order is placed for them, and says where the member stands.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/identity.js';
import type { MemberLifecycleStatus } from '../../domain/member-status.js';

/**
 * Takes the member row's key-share lock until the caller's transaction ends (the lock an order's foreign
 * key takes anyway; withdrawal locks the row for update, so it waits for the order or is seen to have
 * happened) and returns the member's status, null for an unknown member.
 */
export async function lockMemberForOrder(
  tx: DbOrTx,
  memberId: string,
): Promise<MemberLifecycleStatus | null> {
  const [member] = await tx
    .select({ status: members.status })
    .from(members)
    .where(eq(members.id, memberId))
    .for('key share');
  return member?.status ?? null;
}
