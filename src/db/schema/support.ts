// Tables of the support module: inquiries, their messages, the per-year number counter, the guest rate limit and spent form tokens.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { inquiryCategories, inquiryMessageDirections, inquiryStatuses } from '../../domain/inquiries.js';
import { members } from './identity.js';

/** The last inquiry number handed out per year; bumped in the inquiry's own transaction, so no number repeats. */
export const inquiryNumberCounters = pgTable('inquiry_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/** One inquiry from a guest or a member, with the contact details given on the form. */
export const inquiries = pgTable(
  'inquiries',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    category: text('category', { enum: inquiryCategories }).notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    memberId: text('member_id').references(() => members.id),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    status: text('status', { enum: inquiryStatuses }).notNull().default('new'),
    /** The operator handling it; a plain id until the operator tables exist. */
    assigneeOperatorId: text('assignee_operator_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('inquiries_member_idx').on(t.memberId, t.createdAt),
    index('inquiries_status_idx').on(t.status, t.createdAt),
    check(
      'inquiries_category_known',
      sql`${t.category} in ('unlock', 'withdrawal', 'login_id', 'start_date', 'billing', 'other')`,
    ),
    check('inquiries_status_known', sql`${t.status} in ('new', 'in_progress', 'answered', 'closed')`),
    check('inquiries_locale_known', sql`${t.locale} in ('ja', 'en')`),
  ],
);

/** The conversation after the first message: follow-ups, replies, and notes only operators see. */
export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    id: text('id').primaryKey(),
    inquiryId: text('inquiry_id')
      .notNull()
      .references(() => inquiries.id),
    direction: text('direction', { enum: inquiryMessageDirections }).notNull(),
    body: text('body').notNull(),
    authorKind: text('author_kind', { enum: ['member', 'operator'] }).notNull(),
    authorId: text('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('inquiry_messages_inquiry_idx').on(t.inquiryId, t.createdAt),
    check(
      'inquiry_messages_direction_known',
      sql`${t.direction} in ('from_customer', 'to_customer', 'internal_note')`,
    ),
    check('inquiry_messages_author_kind_known', sql`${t.authorKind} in ('member', 'operator')`),
  ],
);

/** Guest submissions per client address within the rate-limit window; older rows are pruned as new ones come. */
export const inquiryGuestSubmissions = pgTable(
  'inquiry_guest_submissions',
  {
    id: text('id').primaryKey(),
    clientAddress: text('client_address').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('inquiry_guest_submissions_address_idx').on(t.clientAddress, t.submittedAt)],
);

/**
 * Each inquiry form token once a submission with it was accepted, by the token's random id: the primary key
 * makes a token single use, also for two submissions at once. Rows past the token's life are pruned.
 */
export const inquiryFormTokenUses = pgTable(
  'inquiry_form_token_uses',
  {
    tokenId: text('token_id').primaryKey(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('inquiry_form_token_uses_expires_idx').on(t.expiresAt)],
);
