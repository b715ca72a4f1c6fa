// Claims an Idempotency-Key before the request's work starts, or says what became of the earlier request.
import { and, eq, lt } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/idempotency.js';
import { toDate } from '../../domain/clock.js';
import { idempotencyErrors } from './idempotency-errors.js';

/**
 * A claim left `in_progress` this long belongs to a request that died with its process (a crash between
 * claim and answer); a retry may take it over. Far longer than any request that writes an order.
 */
export const ABANDONED_CLAIM_SECONDS = 300;

export interface ClaimIdempotencyKeyInput {
  scope: string;
  key: string;
  fingerprint: string;
  now: Temporal.Instant;
}

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/** `claimed`: do the work, then complete or release the key. `replay`: answer with the stored response. */
export type ClaimResult = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

/**
 * Inserts the claim in its own statement (committed at once, outside any business transaction), so a
 * concurrent request with the same key sees it. Throws `idempotency_key_reused` (422) when the key came
 * with another request and `idempotency_request_in_progress` (409) while the first request is running.
 */
export async function claimIdempotencyKey(db: Db, input: ClaimIdempotencyKeyInput): Promise<ClaimResult> {
  const now = toDate(input.now);
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      scope: input.scope,
      key: input.key,
      fingerprint: input.fingerprint,
      status: 'in_progress',
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: 'claimed' };

  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.key)));
  if (!existing) return claimIdempotencyKey(db, input); // released in between: try again
  if (existing.fingerprint !== input.fingerprint) throw idempotencyErrors.keyReused();
  if (existing.status === 'completed') {
    return {
      kind: 'replay',
      response: {
        status: existing.responseStatus ?? 200,
        contentType: existing.responseContentType ?? 'application/json',
        body: existing.responseBody ?? '',
      },
    };
  }
  const abandonedBefore = new Date(now.getTime() - ABANDONED_CLAIM_SECONDS * 1000);
  const taken = await db
    .update(idempotencyKeys)
    .set({ createdAt: now })
    .where(
      and(
        eq(idempotencyKeys.scope, input.scope),
        eq(idempotencyKeys.key, input.key),
        eq(idempotencyKeys.status, 'in_progress'),
        lt(idempotencyKeys.createdAt, abandonedBefore),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  if (taken.length > 0) return { kind: 'claimed' };
  throw idempotencyErrors.inProgress();
}
