// Sends one provisioning request through the outboxes: the signed webhook and a mail to each contact address.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import type { ProvisioningPayloadRow } from '../../db/schema/provisioning.js';
import { listOrderFieldLabels } from '../catalog/index.js';
import { enqueueMail, enqueueWebhook, findWebhookEndpoints } from '../notifications/index.js';
import { contactLabels } from './provisioning-payload.js';

export interface SendProvisioningRequestInput {
  requestId: string;
  payload: ProvisioningPayloadRow;
  provider: {
    nameJa: string;
    contactEmails: string[];
    webhookEndpointId: string | null;
  };
  now: Temporal.Instant;
}

/** The webhook event every provider receives for a new line. */
export const PROVISIONING_REQUESTED = 'provisioning.requested';

/**
 * Queues the webhook (when the provider has an enabled endpoint) and the mails in the caller's
 * transaction, and returns their ids so the request can show how its delivery went.
 */
export async function sendProvisioningRequest(
  tx: DbOrTx,
  input: SendProvisioningRequestInput,
): Promise<{ webhookMessageId: string | null; mailOutboxIds: string[] }> {
  const { payload, provider, now } = input;
  let webhookMessageId: string | null = null;
  if (provider.webhookEndpointId) {
    const endpoint = (await findWebhookEndpoints(tx, [provider.webhookEndpointId])).get(
      provider.webhookEndpointId,
    );
    if (endpoint && !endpoint.disabledAt) {
      webhookMessageId = await enqueueWebhook(tx, {
        endpointId: endpoint.id,
        eventType: PROVISIONING_REQUESTED,
        data: { requestId: input.requestId, ...payload },
        now,
      });
    }
  }
  // Providers are Japanese companies of a Japanese store: their mail is in Japanese.
  const fields = await listOrderFieldLabels(tx, payload.line.productId);
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const order = new Map(fields.map((f, i) => [f.key, i]));
  const orderFields = Object.entries(payload.orderFields).sort(
    ([a], [b]) => (order.get(a) ?? 999) - (order.get(b) ?? 999),
  );
  const mailPayload = {
    providerName: provider.nameJa,
    requestId: input.requestId,
    orderNumber: payload.orderNumber,
    productName: payload.line.productName.ja,
    plan: payload.line.plan,
    term: payload.line.term,
    quantity: payload.line.quantity,
    options: payload.line.options,
    trialDays: payload.line.trial ? payload.line.trial.days : null,
    orderFields: orderFields.map(([key, value]) => ({
      label: labels.get(key) ?? key,
      value,
    })),
    contact: Object.entries(payload.contact)
      .filter(([, value]) => value !== null && value !== '')
      .map(([key, value]) => ({ label: contactLabels[key]?.ja ?? key, value: value ?? '' })),
  };
  const mailOutboxIds: string[] = [];
  for (const to of provider.contactEmails) {
    mailOutboxIds.push(
      await enqueueMail(tx, {
        template: 'provisioning-requested',
        locale: 'ja',
        to,
        payload: mailPayload,
        now,
      }),
    );
  }
  return { webhookMessageId, mailOutboxIds };
}
