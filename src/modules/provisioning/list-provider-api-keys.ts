// Lists a provider's API keys (prefix, label, created, last used, revoked), never the keys themselves.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { providerApiKeys } from '../../db/schema/provisioning.js';

export interface ProviderApiKeySummary {
  id: string;
  providerId: string;
  label: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function providerApiKeyJson(row: typeof providerApiKeys.$inferSelect): ProviderApiKeySummary {
  return {
    id: row.id,
    providerId: row.providerId,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** The provider's keys, oldest first. */
export async function listProviderApiKeys(db: DbOrTx, providerId: string): Promise<ProviderApiKeySummary[]> {
  const rows = await db
    .select()
    .from(providerApiKeys)
    .where(eq(providerApiKeys.providerId, providerId))
    .orderBy(asc(providerApiKeys.createdAt), asc(providerApiKeys.id));
  return rows.map(providerApiKeyJson);
}
