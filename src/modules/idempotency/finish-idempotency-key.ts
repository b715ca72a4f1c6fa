// Ends a claim: keep the answer for retries, or give the key back when the request failed on our side.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/idempotency.js';
import { toDate } from '../../domain/clock.js';
import type { StoredResponse } from './claim-idempotency-key.js';

export interface FinishIdempotencyKeyInput {
  scope: string;
  key: string;
  now: Temporal.Instant;
}

/** Stores the answer; a retry with the same key gets exactly it back. */
export async function completeIdempotencyKey(
  db: Db,
  input: FinishIdempotencyKeyInput & { response: StoredResponse },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({
      status: 'completed',
      responseStatus: input.response.status,
      responseContentType: input.response.contentType,
      responseBody: input.response.body,
      completedAt: toDate(input.now),
    })
    .where(and(eq(idempotencyKeys.scope, input.scope), eq(idempotencyKeys.key, input.key)));
}

/** Deletes the claim after a server error, so the client's retry runs the request again. */
export async function releaseIdempotencyKey(db: Db, input: FinishIdempotencyKeyInput): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, input.scope),
        eq(idempotencyKeys.key, input.key),
        eq(idempotencyKeys.status, 'in_progress'),
      ),
    );
}
