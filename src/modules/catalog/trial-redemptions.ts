// One free trial per member per product: which trials a member took, and taking one (the unique key decides races).
import { and, eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { catalogTrialRedemptions } from '../../db/schema/catalog.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';

/** The ids among `productIds` whose trial the member already took. */
export async function findRedeemedTrials(
  db: DbOrTx,
  memberId: string,
  productIds: readonly string[],
): Promise<Set<string>> {
  if (productIds.length === 0) return new Set();
  const rows = await db
    .select({ productId: catalogTrialRedemptions.productId })
    .from(catalogTrialRedemptions)
    .where(
      and(
        eq(catalogTrialRedemptions.memberId, memberId),
        inArray(catalogTrialRedemptions.productId, [...productIds]),
      ),
    );
  return new Set(rows.map((row) => row.productId));
}

/**
 * Records that the member took the product's trial with this order. Returns false when a row already
 * exists (a concurrent order took it first): `ON CONFLICT DO NOTHING` keeps the caller's transaction usable.
 */
export async function redeemTrial(
  tx: DbOrTx,
  input: { memberId: string; productId: string; orderId: string; now: Temporal.Instant },
): Promise<boolean> {
  const inserted = await tx
    .insert(catalogTrialRedemptions)
    .values({
      id: newId('trialRedemption'),
      memberId: input.memberId,
      productId: input.productId,
      orderId: input.orderId,
      redeemedAt: toDate(input.now),
    })
    .onConflictDoNothing()
    .returning({ id: catalogTrialRedemptions.id });
  return inserted.length > 0;
}
