// A provisioning request as providers and operators read it: what was sent, where the line stands, and how delivery went.
import { asc, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { type ProvisioningPayloadRow, provisioningRequests } from '../../db/schema/provisioning.js';
import type { OrderLineStatus } from '../../domain/orders.js';
import { findDeliveries } from '../notifications/index.js';
import { findOrderLineStates } from '../ordering/index.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface ProvisioningRequestView {
  id: string;
  orderId: string;
  orderLineId: string;
  providerId: string;
  /** Where the line stands: received, preparing, started, rejected. */
  lineStatus: OrderLineStatus;
  serviceStartDate: string | null;
  rejectionReason: string | null;
  payload: ProvisioningPayloadRow;
  /** The hand-off: delivered when every channel delivered, failed when one gave up, pending meanwhile. */
  delivery: {
    status: DeliveryStatus;
    sendCount: number;
    lastSentAt: Date;
    webhook: { messageId: string; status: string; attempts: number; lastStatusCode: number | null } | null;
    mails: { outboxId: string; to: string; status: string }[];
  };
  createdAt: Date;
}

/** Reduces the channel statuses to one: failed beats pending beats delivered. */
export function deliveryStatus(statuses: readonly string[]): DeliveryStatus {
  if (statuses.some((s) => s === 'failed')) return 'failed';
  if (statuses.every((s) => s === 'delivered')) return 'delivered';
  return 'pending';
}

/** The requests matching `where` (oldest first), paged, with their line and delivery. */
export async function loadProvisioningRequestViews(
  db: DbOrTx,
  where: SQL | undefined,
  page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
): Promise<ProvisioningRequestView[]> {
  const requests = await db
    .select()
    .from(provisioningRequests)
    .where(where)
    .orderBy(asc(provisioningRequests.createdAt), asc(provisioningRequests.id))
    .limit(page.limit)
    .offset(page.offset);
  const states = await findOrderLineStates(
    db,
    requests.map((r) => r.orderLineId),
  );
  const { webhooks: messages, mails } = await findDeliveries(db, {
    webhookMessageIds: requests.flatMap((r) => (r.webhookMessageId ? [r.webhookMessageId] : [])),
    outboxIds: requests.flatMap((r) => r.mailOutboxIds),
  });
  const rows = requests.flatMap((request) => {
    // Every request has its line (a foreign key): this only narrows the type.
    const line = states.get(request.orderLineId);
    return line ? [{ request, line }] : [];
  });
  return rows.map(({ request, line }) => {
    const message = request.webhookMessageId ? messages.get(request.webhookMessageId) : undefined;
    const mailRows = request.mailOutboxIds.flatMap((id) => {
      const m = mails.get(id);
      return m ? [{ outboxId: m.id, to: m.to, status: m.status }] : [];
    });
    const statuses = [...(message ? [message.status] : []), ...mailRows.map((m) => m.status)];
    return {
      id: request.id,
      orderId: request.orderId,
      orderLineId: request.orderLineId,
      providerId: request.providerId,
      lineStatus: line.status,
      serviceStartDate: line.serviceStartDate,
      rejectionReason: line.rejectionReason,
      payload: request.payload,
      delivery: {
        status: deliveryStatus(statuses),
        sendCount: request.sendCount,
        lastSentAt: request.lastSentAt,
        webhook: message
          ? {
              messageId: message.id,
              status: message.status,
              attempts: message.attempts,
              lastStatusCode: message.lastStatusCode,
            }
          : null,
        mails: mailRows,
      },
      createdAt: request.createdAt,
    };
  });
}
