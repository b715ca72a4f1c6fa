// The admin order detail: the order record (lines, timeline, consents) with each line's provisioning request and its delivery.
import type { DbOrTx } from '../db/client.js';
import { getOrderRecord, type OrderRecord } from '../modules/ordering/index.js';
import { listProvisioningRequests, type ProvisioningRequestView } from '../modules/provisioning/index.js';

export interface OrderForOperator extends OrderRecord {
  provisioningRequests: ProvisioningRequestView[];
}

/** The order or `order_not_found` (404). */
export async function getOrderForOperator(db: DbOrTx, orderId: string): Promise<OrderForOperator> {
  const record = await getOrderRecord(db, orderId);
  const provisioningRequests = await listProvisioningRequests(db, { orderId });
  return { ...record, provisioningRequests };
}
