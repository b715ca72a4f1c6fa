// Finds the cart of a member or a guest, and creates one when asked to.
import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { carts } from '../../db/schema/ordering.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import type { CartOwner } from './cart-owner.js';

function ownedBy(owner: CartOwner) {
  return owner.kind === 'member'
    ? eq(carts.memberId, owner.memberId)
    : eq(carts.guestTokenHash, owner.tokenHash);
}

/** The owner's cart id, or null when the owner has none yet. */
export async function findCartId(db: DbOrTx, owner: CartOwner): Promise<string | null> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(ownedBy(owner));
  return row?.id ?? null;
}

/**
 * The owner's cart id with the cart row locked until the caller's transaction ends, or null without a cart.
 * Every change of a cart's items and placing an order from it take this lock first, so they happen one
 * after another and a placement sees the items exactly as it deletes them.
 */
export async function lockCartId(tx: DbOrTx, owner: CartOwner): Promise<string | null> {
  const [row] = await tx.select({ id: carts.id }).from(carts).where(ownedBy(owner)).for('update');
  return row?.id ?? null;
}

/** The owner's cart id, created if missing and locked like `lockCartId`; the unique indexes make a concurrent second create a no-op. */
export async function ensureCartId(db: DbOrTx, owner: CartOwner, now: Temporal.Instant): Promise<string> {
  const found = await lockCartId(db, owner);
  if (found) return found;
  await db
    .insert(carts)
    .values({
      id: newId('cart'),
      memberId: owner.kind === 'member' ? owner.memberId : null,
      guestTokenHash: owner.kind === 'guest' ? owner.tokenHash : null,
      createdAt: toDate(now),
      updatedAt: toDate(now),
    })
    .onConflictDoNothing();
  const created = await lockCartId(db, owner);
  if (!created) throw new Error('the cart was neither found nor created');
  return created;
}
