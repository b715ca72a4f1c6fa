// Tables of the provisioning hand-off: providers' API keys and one provisioning request per order line of a provider.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogProviders } from './catalog.js';
import { webhookMessages } from './notifications.js';
import { orderLines, orders } from './ordering.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A key a provider's system uses on `/api/provider/*`. Only the SHA-256 of the key is kept: the key is
 * shown once when issued; the prefix lets people tell keys apart.
 */
export const providerApiKeys = pgTable(
  'provider_api_keys',
  {
    id: text('id').primaryKey(),
    providerId: text('provider_id')
      .notNull()
      .references(() => catalogProviders.id),
    label: text('label').notNull(),
    /** The first characters of the key (`kpk_` + 8), shown in lists. */
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by'),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [
    uniqueIndex('provider_api_keys_hash_unique').on(t.keyHash),
    index('provider_api_keys_provider_idx').on(t.providerId, t.createdAt),
  ],
);

/** What a provisioning request carries: only what the provider needs and the member agreed to share. */
export interface ProvisioningPayloadRow {
  orderNumber: string;
  orderedAt: string;
  line: {
    orderLineId: string;
    productId: string;
    productSlug: string | null;
    productName: { ja: string; en: string };
    plan: string;
    term: string;
    quantity: number;
    options: { code: string; quantity?: number }[];
    trial: { days: number | null } | null;
  };
  orderFields: Record<string, string>;
  /** Only the contact fields the provider's `sharedContactFields` name, as written on the order. */
  contact: Record<string, string | null>;
}

/**
 * The hand-off of one order line to its provider (never for the store's own products): a signed webhook
 * `provisioning.requested` and/or a mail to the provider's contact addresses, written in the order's
 * transaction. Its delivery status is read from the webhook message and the outbox rows it names.
 */
export const provisioningRequests = pgTable(
  'provisioning_requests',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id),
    providerId: text('provider_id')
      .notNull()
      .references(() => catalogProviders.id),
    payload: jsonb('payload').$type<ProvisioningPayloadRow>().notNull(),
    /** The latest webhook message sent for it (a resend sends a new one). */
    webhookMessageId: text('webhook_message_id').references(() => webhookMessages.id),
    /** The latest outbox mails sent for it, one per contact address. */
    mailOutboxIds: jsonb('mail_outbox_ids').$type<string[]>().notNull(),
    /** 1 for the first hand-off, +1 for each resend. */
    sendCount: integer('send_count').notNull().default(1),
    createdAt: at('created_at').notNull(),
    lastSentAt: at('last_sent_at').notNull(),
  },
  (t) => [
    uniqueIndex('provisioning_requests_line_unique').on(t.orderLineId),
    index('provisioning_requests_provider_idx').on(t.providerId, t.createdAt),
    check('provisioning_requests_send_count_positive', sql`${t.sendCount} > 0`),
  ],
);
