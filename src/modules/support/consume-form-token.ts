// Spends an inquiry form token in the submission's transaction, so one token makes at most one inquiry.
import { lt } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { inquiryFormTokenUses } from '../../db/schema/support.js';
import { toDate } from '../../domain/clock.js';
import type { VerifiedFormToken } from './form-token.js';
import { supportErrors } from './support-errors.js';

/**
 * Records the token as used, or throws `form_token_used` (409). A twin submission with the same token waits
 * on the primary key until this transaction ends: it is refused if this one commits and may go on if it rolls
 * back (a refused submission leaves its token unspent). Records past their token's life are pruned first.
 */
export async function consumeFormToken(
  tx: DbOrTx,
  input: { token: VerifiedFormToken; now: Temporal.Instant },
): Promise<void> {
  const now = toDate(input.now);
  await tx.delete(inquiryFormTokenUses).where(lt(inquiryFormTokenUses.expiresAt, now));
  const inserted = await tx
    .insert(inquiryFormTokenUses)
    .values({ tokenId: input.token.tokenId, usedAt: now, expiresAt: toDate(input.token.expiresAt) })
    .onConflictDoNothing()
    .returning({ tokenId: inquiryFormTokenUses.tokenId });
  if (inserted.length === 0) throw supportErrors.formTokenUsed();
}
