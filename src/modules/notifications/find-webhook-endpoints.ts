// Reads webhook endpoints by id (URL and whether disabled), never their secrets, for the screens that show them.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { webhookEndpoints } from '../../db/schema/notifications.js';

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
  allowedPrivateNetworks: string[];
}

/** The endpoints among `ids` that exist, by id. */
export async function findWebhookEndpoints(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, WebhookEndpointSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      createdAt: webhookEndpoints.createdAt,
      disabledAt: webhookEndpoints.disabledAt,
      disabledReason: webhookEndpoints.disabledReason,
      allowedPrivateNetworks: webhookEndpoints.allowedPrivateNetworks,
    })
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}
