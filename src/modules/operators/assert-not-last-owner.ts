// Keeps the store from losing its last active owner: nobody would be left to manage operators or the store.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { operators } from '../../db/schema/operators.js';
import { operatorErrors } from './operator-errors.js';

/**
 * Throws `last_owner` (409) when `operatorId` is the only active owner. Run inside the transaction that
 * disables or demotes; the owner rows are locked so two owners cannot demote each other at once.
 */
export async function assertNotLastOwner(tx: DbOrTx, operatorId: string): Promise<void> {
  const owners = await tx
    .select({ id: operators.id })
    .from(operators)
    .where(and(eq(operators.status, 'active'), sql`'owner' = any(${operators.roles})`))
    .for('update');
  if (owners.length === 1 && owners[0]?.id === operatorId) throw operatorErrors.lastOwner();
}
