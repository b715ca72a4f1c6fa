// Tables of the operators module: a second set of better-auth tables for the store's staff, and their profile.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * better-auth's `user` model for operators, apart from members' so that no member row or session can be
 * read by the operator instance. `email` is an internal unique address; the contact email is in `operators`.
 */
export const operatorUser = pgTable('operator_user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  username: text('username').unique(),
  displayUsername: text('display_username'),
  twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** better-auth's `session` model for operators. */
export const operatorSession = pgTable(
  'operator_session',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => operatorUser.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('operator_session_user_idx').on(t.userId)],
);

/** better-auth's `account` model for operators: the argon2id credential. */
export const operatorAccount = pgTable(
  'operator_account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => operatorUser.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true, mode: 'date' }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true, mode: 'date' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('operator_account_user_idx').on(t.userId)],
);

/** better-auth's `verification` model for operators: pending second-factor challenges and mailed codes. */
export const operatorVerification = pgTable(
  'operator_verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('operator_verification_identifier_idx').on(t.identifier)],
);

/** better-auth's `twoFactor` model for operators: the encrypted TOTP secret of an authenticator app. */
export const operatorTwoFactor = pgTable(
  'operator_two_factor',
  {
    id: text('id').primaryKey(),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => operatorUser.id, { onDelete: 'cascade' }),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('operator_two_factor_user_idx').on(t.userId),
    index('operator_two_factor_secret_idx').on(t.secret),
  ],
);

export const operatorRoleNames = ['owner', 'billing', 'support', 'catalog'] as const;
export type OperatorRole = (typeof operatorRoleNames)[number];
export const operatorStatuses = ['active', 'disabled'] as const;
export type OperatorStatus = (typeof operatorStatuses)[number];

/** The operator profile: who the operator is, how to reach them, and what they may do. */
export const operators = pgTable(
  'operators',
  {
    id: text('id')
      .primaryKey()
      .references(() => operatorUser.id),
    loginId: text('login_id').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    roles: text('roles').array().$type<OperatorRole[]>().notNull(),
    status: text('status', { enum: operatorStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check(
      'operators_roles_known',
      sql`cardinality(${t.roles}) > 0 and ${t.roles} <@ array['owner', 'billing', 'support', 'catalog']::text[]`,
    ),
    check('operators_status_known', sql`${t.status} in ('active', 'disabled')`),
    check('operators_locale_known', sql`${t.locale} in ('ja', 'en')`),
  ],
);

/**
 * Consecutive failed sign-in steps per operator login ID (`normalizeOperatorLoginId`), whether or not an
 * operator holds it, like members' `login_lockouts` but apart from them: the two ID spaces overlap.
 * `locked_until` null while `locked_at` is set means only an owner unlocks.
 */
export const operatorLoginLockouts = pgTable('operator_login_lockouts', {
  loginIdKey: text('login_id_key').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true, mode: 'date' }),
  lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
});
