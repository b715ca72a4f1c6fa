// Issues an API key for a provider's system: returned once, stored as a hash, audited without the key.
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../db/client.js';
import { providerApiKeys } from '../../db/schema/provisioning.js';
import { toDate } from '../../domain/clock.js';
import { newId } from '../../domain/ids.js';
import { type Actor, recordAudit } from '../audit/index.js';
import { catalogErrors, findProviders } from '../catalog/index.js';
import { type ProviderApiKeySummary, providerApiKeyJson } from './list-provider-api-keys.js';
import { hashProviderApiKey, newProviderApiKey, visiblePrefix } from './provider-api-key.js';

export interface IssueProviderApiKeyInput {
  providerId: string;
  label: string;
  actor: Actor;
  now: Temporal.Instant;
}

/** The new key (`kpk_…`, shown only now) and its summary; an unknown provider is `provider_not_found`. */
export async function issueProviderApiKey(
  db: Db,
  input: IssueProviderApiKeyInput,
): Promise<{ key: string; summary: ProviderApiKeySummary }> {
  return db.transaction(async (tx) => {
    const provider = (await findProviders(tx, [input.providerId])).get(input.providerId);
    if (!provider) throw catalogErrors.providerNotFound();
    const key = newProviderApiKey();
    const [row] = await tx
      .insert(providerApiKeys)
      .values({
        id: newId('providerApiKey'),
        providerId: provider.id,
        label: input.label,
        prefix: visiblePrefix(key),
        keyHash: hashProviderApiKey(key),
        createdAt: toDate(input.now),
        createdBy: input.actor.id,
      })
      .returning();
    await recordAudit(tx, {
      actor: input.actor,
      action: 'provider_api_key.issued',
      targetType: 'provider',
      targetId: provider.id,
      after: { keyId: row!.id, label: row!.label, prefix: row!.prefix },
      at: input.now,
    });
    return { key, summary: providerApiKeyJson(row!) };
  });
}
