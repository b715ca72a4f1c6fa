// Lists one provider's provisioning requests (or one order's, for operators), filtered by the line's status.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import type { OrderLineStatus } from '../../domain/orders.js';
import { orderLineStatusIn } from '../ordering/index.js';
import { loadProvisioningRequestViews, type ProvisioningRequestView } from './provisioning-request-view.js';

export interface ListProvisioningRequestsInput {
  /** The provider whose requests these are (the API key's provider). */
  providerId?: string;
  orderId?: string;
  statuses?: readonly OrderLineStatus[];
  limit?: number;
  offset?: number;
}

/** Oldest first, so a provider works through them in order. */
export async function listProvisioningRequests(
  db: DbOrTx,
  input: ListProvisioningRequestsInput,
): Promise<ProvisioningRequestView[]> {
  const where = and(
    input.providerId === undefined ? undefined : eq(provisioningRequests.providerId, input.providerId),
    input.orderId === undefined ? undefined : eq(provisioningRequests.orderId, input.orderId),
    input.statuses?.length ? orderLineStatusIn(provisioningRequests.orderLineId, input.statuses) : undefined,
  );
  return loadProvisioningRequestViews(db, where, { limit: input.limit ?? 1000, offset: input.offset ?? 0 });
}
