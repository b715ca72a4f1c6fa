// Tells the member (mail in the contract's language) and the provider (signed webhook + mail, as provisioning does) about a contract's cancellation steps.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../../db/client.js';
import { loadProducts } from '../catalog/index.js';
import { getMemberProfile } from '../identity/auth-index.js';
import {
  enqueueMail,
  enqueueWebhook,
  findWebhookEndpoints,
  type Locale,
  type MailTemplateName,
} from '../notifications/index.js';
import { type ContractRow, contractEventBase } from './contract-record.js';

/** The product's name in the contract's language. */
export function contractProductName(row: ContractRow): string {
  return row.locale === 'en' ? row.productNameEn : row.productNameJa;
}

function contractLocale(row: ContractRow): Locale {
  return row.locale === 'en' ? 'en' : 'ja';
}

/** Queues a mail to the member at their current address, in the contract's language. */
export async function mailContractMember(
  tx: DbOrTx,
  row: ContractRow,
  template: MailTemplateName,
  payload: Record<string, unknown>,
  now: Temporal.Instant,
): Promise<string> {
  const member = await getMemberProfile(tx, row.memberId);
  return enqueueMail(tx, {
    template,
    locale: contractLocale(row),
    to: member.email,
    payload: {
      name: member.name,
      contractNumber: row.number,
      productName: contractProductName(row),
      ...payload,
    },
    now,
  });
}

/** The webhook event types a provider receives about a contract. */
export type ProviderContractEvent = 'cancellation_scheduled' | 'cancellation_withdrawn' | 'ended' | 'changed';

/**
 * Queues `contract.<event>` to the provider's enabled webhook endpoint and a Japanese mail to each contact
 * address; a product of the store itself has nobody to tell. Returns what was queued.
 */
export async function tellContractProvider(
  tx: DbOrTx,
  row: ContractRow,
  event: ProviderContractEvent,
  extra: { endDate: string | null; requestId: string | null; effectiveDate?: string },
  now: Temporal.Instant,
): Promise<{ webhookMessageId: string | null; mailOutboxIds: string[] }> {
  const [product] = await loadProducts(tx, [row.productId]);
  const provider = product?.provider;
  if (!provider || provider.isStore) return { webhookMessageId: null, mailOutboxIds: [] };
  let webhookMessageId: string | null = null;
  if (provider.webhookEndpointId) {
    const endpoint = (await findWebhookEndpoints(tx, [provider.webhookEndpointId])).get(
      provider.webhookEndpointId,
    );
    if (endpoint && !endpoint.disabledAt) {
      webhookMessageId = await enqueueWebhook(tx, {
        endpointId: endpoint.id,
        eventType: `contract.${event}`,
        // What the provider needs to act on the service, without the member's personal data.
        data: {
          contractId: row.id,
          contractNumber: row.number,
          orderNumber: row.orderNumber,
          productId: row.productId,
          plan: row.plan,
          quantity: row.quantity,
          options: row.options,
          endDate: extra.endDate,
          ...(extra.effectiveDate ? { effectiveDate: extra.effectiveDate } : {}),
          requestId: extra.requestId,
          status: contractEventBase(row).status,
        },
        now,
      });
    }
  }
  const planName = row.pricing.lines.find((l) => l.kind === 'plan')?.labelJa ?? row.plan;
  // Options by their label in the price snapshot, with their own quantity when they have one.
  const optionNames = row.options.map((o) => {
    const label = row.pricing.lines.find((l) => l.kind === 'option' && l.code === o.code)?.labelJa ?? o.code;
    return o.quantity !== undefined && o.quantity > 1 ? `${label} × ${o.quantity}` : label;
  });
  const mailOutboxIds: string[] = [];
  for (const to of provider.contactEmails) {
    mailOutboxIds.push(
      await enqueueMail(tx, {
        template: 'provider-contract-notice',
        locale: 'ja',
        to,
        payload: {
          providerName: provider.nameJa,
          event,
          contractNumber: row.number,
          productName: row.productNameJa,
          plan: planName,
          quantity: row.quantity,
          endDate: extra.endDate,
          effectiveDate: extra.effectiveDate ?? null,
          options: optionNames,
        },
        now,
      }),
    );
  }
  return { webhookMessageId, mailOutboxIds };
}
