// Reads one provisioning request; scoped to a provider, another provider's request does not exist.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { provisioningRequests } from '../../db/schema/provisioning.js';
import { provisioningErrors } from './provisioning-errors.js';
import { loadProvisioningRequestViews, type ProvisioningRequestView } from './provisioning-request-view.js';

/** The request, or `provisioning_request_not_found` (404). */
export async function getProvisioningRequest(
  db: DbOrTx,
  input: { requestId: string; providerId?: string },
): Promise<ProvisioningRequestView> {
  const [view] = await loadProvisioningRequestViews(
    db,
    and(
      eq(provisioningRequests.id, input.requestId),
      input.providerId === undefined ? undefined : eq(provisioningRequests.providerId, input.providerId),
    ),
  );
  if (!view) throw provisioningErrors.requestNotFound();
  return view;
}
