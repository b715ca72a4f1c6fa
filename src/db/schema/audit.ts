// Table of the audit module: who changed what, when and why.
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** `provider`: a provider's system through the provider API (its API key's provider is the actor id). */
export const auditActorKinds = ['member', 'operator', 'system', 'cli', 'provider'] as const;

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
    /** The client's address and browser when the change came through HTTP; null from jobs and the CLI. */
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_at_idx').on(t.at),
    check(
      'audit_log_actor_kind_known',
      sql`${t.actorKind} in ('member', 'operator', 'system', 'cli', 'provider')`,
    ),
  ],
);

export const identityCheckMethods = [
  'phone_callback',
  'registered_email_reply',
  'document',
  'other',
] as const;
export type IdentityCheckMethod = (typeof identityCheckMethods)[number];

/**
 * How an operator confirmed a person's identity before an action that restores access (unlock, second-factor
 * reset), kept apart from the audit entry it belongs to so the evidence can be listed per person.
 */
export const identityChecks = pgTable(
  'identity_checks',
  {
    id: text('id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    operatorId: text('operator_id').notNull(),
    /** What the action was for: `member.unlock`, `member.second_factor_reset`, `operator.unlock`, … */
    purpose: text('purpose').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    method: text('method', { enum: identityCheckMethods }).notNull(),
    note: text('note').notNull(),
    auditId: text('audit_id').notNull(),
  },
  (t) => [
    index('identity_checks_subject_idx').on(t.subjectType, t.subjectId),
    check(
      'identity_checks_method_known',
      sql`${t.method} in ('phone_callback', 'registered_email_reply', 'document', 'other')`,
    ),
  ],
);
