// Tables of the store module: the store's identity, its own closure days and the rehearsal clock's offset.
import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row (id = 1): who the store is, as printed on invoices and shown on the storefront. */
export const storeSettings = pgTable(
  'store_settings',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    issuerName: text('issuer_name').notNull(),
    registrationNumber: text('registration_number'),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    businessHours: text('business_hours').notNull(),
    taxRounding: text('tax_rounding', { enum: ['floor', 'round', 'ceil'] })
      .notNull()
      .default('floor'),
    /** Consecutive sign-in failures (password or second factor) that lock a login ID. */
    lockoutThreshold: integer('lockout_threshold').notNull().default(5),
    /** `auto`: the lock lifts after `lockoutMinutes`; `operator`: only an operator lifts it. */
    lockoutMode: text('lockout_mode', { enum: ['auto', 'operator'] })
      .notNull()
      .default('auto'),
    lockoutMinutes: integer('lockout_minutes').notNull().default(10),
    passwordPolicy: text('password_policy', { enum: ['seed', 'modern'] })
      .notNull()
      .default('seed'),
    /** A member session unused this long ends (minutes). */
    sessionIdleMinutes: integer('session_idle_minutes').notNull().default(30),
    /** A member session ends this long after sign-in whatever its use (hours). */
    sessionAbsoluteHours: integer('session_absolute_hours').notNull().default(24),
    /** `auto`: a confirmed email makes the member active; `manual`: the member waits for an operator. */
    registrationReview: text('registration_review', { enum: ['auto', 'manual'] })
      .notNull()
      .default('auto'),
    /** `self-service`: members withdraw on My Page; `by-request`: through the inquiry form, done by an operator. */
    withdrawal: text('withdrawal', { enum: ['self-service', 'by-request'] })
      .notNull()
      .default('self-service'),
    /** Days after withdrawal (or rejection) before the member's personal data is anonymised. */
    personalDataRetentionDays: integer('personal_data_retention_days').notNull().default(365),
    /** How order numbers are written: `{YYYY}`/`{YY}` and `{SEQ:n}` (see `parseOrderNumberFormat`). */
    orderNumberFormat: text('order_number_format').notNull().default('K{YYYY}-{SEQ:6}'),
    /** How contract numbers are written, with the same tokens as order numbers. */
    contractNumberFormat: text('contract_number_format').notNull().default('C{YYYY}-{SEQ:6}'),
    /** Days before a trial's last day the reminder mail goes out (0: none). */
    trialReminderDays: integer('trial_reminder_days').notNull().default(7),
    /** Days before a manual renewal's term end the reminder mails go out, e.g. 60/30/7. */
    renewalReminderDays: jsonb('renewal_reminder_days')
      .$type<number[]>()
      .notNull()
      .default(sql`'[60, 30, 7]'::jsonb`),
    /** Days after the term end a manual renewal may still be paid before the contract expires. */
    renewalGraceDays: integer('renewal_grace_days').notNull().default(14),
    /** `on_contract`: members change a contract's payment method (seed 002); `recontract`: only by cancelling and ordering again (seed 003). */
    paymentMethodChange: text('payment_method_change', { enum: ['on_contract', 'recontract'] })
      .notNull()
      .default('on_contract'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('store_settings_single_row', sql`${t.id} = 1`),
    check('store_settings_tax_rounding_known', sql`${t.taxRounding} in ('floor', 'round', 'ceil')`),
    check('store_settings_lockout_mode_known', sql`${t.lockoutMode} in ('auto', 'operator')`),
    check('store_settings_password_policy_known', sql`${t.passwordPolicy} in ('seed', 'modern')`),
    check('store_settings_lockout_threshold_positive', sql`${t.lockoutThreshold} between 1 and 100`),
    check('store_settings_lockout_minutes_positive', sql`${t.lockoutMinutes} between 1 and 1440`),
    check('store_settings_session_idle_range', sql`${t.sessionIdleMinutes} between 5 and 1440`),
    check('store_settings_session_absolute_range', sql`${t.sessionAbsoluteHours} between 1 and 168`),
    check('store_settings_registration_review_known', sql`${t.registrationReview} in ('auto', 'manual')`),
    check('store_settings_withdrawal_known', sql`${t.withdrawal} in ('self-service', 'by-request')`),
    check('store_settings_retention_days_range', sql`${t.personalDataRetentionDays} between 1 and 3650`),
    check('store_settings_trial_reminder_days_range', sql`${t.trialReminderDays} between 0 and 365`),
    check('store_settings_renewal_grace_days_range', sql`${t.renewalGraceDays} between 0 and 365`),
    check(
      'store_settings_payment_method_change_known',
      sql`${t.paymentMethodChange} in ('on_contract', 'recontract')`,
    ),
  ],
);

/** Days the store itself is closed (beyond weekends, holidays and Dec 31 – Jan 3). */
export const storeClosureDays = pgTable('store_closure_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  reason: text('reason').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * One row (id = 1) once an owner first moves the store clock for a rehearsal (`KEIYAKU_TEST_CLOCK=1`):
 * how far the store's "now" is ahead of the system clock. Only ever grows; every node re-reads it.
 */
export const storeClock = pgTable(
  'store_clock',
  {
    id: integer('id').primaryKey().default(1),
    offsetMs: bigint('offset_ms', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('store_clock_single_row', sql`${t.id} = 1`),
    check('store_clock_offset_not_negative', sql`${t.offsetMs} >= 0`),
  ],
);
