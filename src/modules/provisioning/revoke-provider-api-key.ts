// Revokes a provider API key at once (the next request with it is 401); audited.
import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { providerApiKeys } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { type ProviderApiKeySummary, providerApiKeyJson } from './list-provider-api-keys.js';
import { provisioningErrors } from './provisioning-errors.js';

export interface RevokeProviderApiKeyInput {
  providerId: string;
  keyId: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** Revokes the key of that provider; revoking twice keeps the first time. Unknown key → 404. */
export async function revokeProviderApiKey(
  db: Db,
  input: RevokeProviderApiKeyInput,
): Promise<ProviderApiKeySummary> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(providerApiKeys)
      .where(and(eq(providerApiKeys.id, input.keyId), eq(providerApiKeys.providerId, input.providerId)))
      .for('update');
    if (!row) throw provisioningErrors.keyNotFound();
    if (row.revokedAt) return providerApiKeyJson(row);
    const [after] = await tx
      .update(providerApiKeys)
      .set({ revokedAt: toDate(input.now), revokedBy: input.actor.id })
      .where(eq(providerApiKeys.id, row.id))
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'provider_api_key.revoked',
      targetType: 'provider',
      targetId: row.providerId,
      after: { keyId: row.id, prefix: row.prefix },
      at: input.now,
    });
    return providerApiKeyJson(after!);
  });
}
