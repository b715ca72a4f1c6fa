// Tables of the notifications module: the outbox, the dev mailbox and the dev SMS outbox.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const outboxStatuses = ['pending', 'dispatched', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** How an outbox row leaves: a mail (SMTP or the dev mailbox) or an SMS (Twilio or the dev SMS outbox). */
export const outboxChannels = ['mail', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

/**
 * Side effects that leave the process, written in the same transaction as the business change.
 * A dispatcher turns pending rows into jobs; the job marks them delivered.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: outboxChannels }).notNull(),
    template: text('template').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    /** An email address for mail, an E.164 number for SMS. */
    recipient: text('recipient').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Stable across retries, so a receiver can recognise a repeated delivery. */
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The provider's id for a handed-over SMS (Twilio's Message SID), for tracing it in their console. */
    providerMessageId: text('provider_message_id'),
    /** The provider's error code of a permanent refusal (Twilio's 21211 for an invalid To number). */
    providerErrorCode: text('provider_error_code'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.createdAt),
    check('outbox_status_known', sql`${t.status} in ('pending', 'dispatched', 'delivered', 'failed')`),
    check('outbox_channel_known', sql`${t.channel} in ('mail', 'sms')`),
    check('outbox_locale_known', sql`${t.locale} in ('ja', 'en')`),
  ],
);

/** Mail kept instead of sent when no SMTP server is configured (evaluation and development). */
export const devMailbox = pgTable('dev_mailbox', {
  id: text('id').primaryKey(),
  outboxId: text('outbox_id')
    .notNull()
    .unique()
    .references(() => outbox.id),
  messageId: text('message_id').notNull(),
  from: text('from_address').notNull(),
  to: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text_body').notNull(),
  html: text('html_body').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Where signed webhooks go (a provider's provisioning endpoint, for one). The signing secret is sealed
 * with the server secret (`domain/sealed-secret.ts`), bound to the endpoint id.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: text('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description').notNull(),
  sealedSecret: text('sealed_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** Set by an operator, or when the receiver answers 410 Gone; no new messages go to it then. */
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  disabledReason: text('disabled_reason'),
  /**
   * CIDR ranges an operator allows although they are internal (a provider on the same network); every
   * other loopback, private, link-local, unique-local or metadata address is refused at save and delivery.
   */
  allowedPrivateNetworks: text('allowed_private_networks').array().notNull().default(sql`'{}'::text[]`),
});

/**
 * One webhook message, written in the business transaction and delivered by a job with retries. Its id
 * is the `webhook-id` header, the same on every attempt, so the receiver can drop repeats.
 */
export const webhookMessages = pgTable(
  'webhook_messages',
  {
    id: text('id').primaryKey(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    eventType: text('event_type').notNull(),
    /** The whole JSON body sent, fixed at enqueue time so every attempt signs the same bytes. */
    body: text('body').notNull(),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('webhook_messages_pending_idx').on(t.status, t.createdAt),
    index('webhook_messages_endpoint_idx').on(t.endpointId, t.createdAt),
    check(
      'webhook_messages_status_known',
      sql`${t.status} in ('pending', 'dispatched', 'delivered', 'failed')`,
    ),
  ],
);
/** SMS kept instead of sent when no SMS provider is configured (evaluation and development). */
export const devSms = pgTable('dev_sms', {
  id: text('id').primaryKey(),
  outboxId: text('outbox_id')
    .notNull()
    .unique()
    .references(() => outbox.id),
  to: text('to_number').notNull(),
  body: text('body').notNull(),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }).notNull(),
});
