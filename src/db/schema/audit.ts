// Table of the audit module: who changed what, when and why.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditActorKinds = ['member', 'operator', 'system', 'cli'] as const;

/** Append-only record of every change to data, kept as long as the law requires. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorKind: text('actor_kind', { enum: auditActorKinds }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    /** The client address and user agent of the request that made the change, when there was one. */
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_at_idx').on(t.at),
    check('audit_log_actor_kind_known', sql`${t.actorKind} in ('member', 'operator', 'system', 'cli')`),
  ],
);
