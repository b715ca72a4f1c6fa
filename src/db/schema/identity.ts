// Tables of the identity module: better-auth's own tables for members, and our member profile beside them.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { type MemberLifecycleStatus, memberLifecycleStatuses } from '../../domain/member-status.js';
import { isOneOf } from '../one-of.js';

/**
 * better-auth's `user` model. Its unique `email` is an internal address per member
 * (`<memberId>@members.keiyaku.invalid`); the member's real contact email is in `members`.
 * `username` holds the login ID lower-cased, so uniqueness ignores case.
 */
export const authUser = pgTable('auth_user', {
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

/** better-auth's `session` model: one row per signed-in browser. */
export const authSession = pgTable(
  'auth_session',
  {
    id: text('id').primaryKey(),
    token: text('token').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Ours, not better-auth's: the last request on this session, for the idle timeout (null = never since sign-in). */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('auth_session_user_idx').on(t.userId)],
);

/** better-auth's `account` model: the credential (argon2id password hash) of each member. */
export const authAccount = pgTable(
  'auth_account',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
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
  (t) => [index('auth_account_user_idx').on(t.userId)],
);

/** better-auth's `verification` model: pending second-factor challenges and their codes. */
export const authVerification = pgTable(
  'auth_verification',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('auth_verification_identifier_idx').on(t.identifier)],
);

/** better-auth's `twoFactor` model; only authenticator apps use it, mail codes live in `auth_verification`. */
export const authTwoFactor = pgTable(
  'auth_two_factor',
  {
    id: text('id').primaryKey(),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => authUser.id, { onDelete: 'cascade' }),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('auth_two_factor_user_idx').on(t.userId), index('auth_two_factor_secret_idx').on(t.secret)],
);

export const memberKinds = ['corporate', 'individual'] as const;
export const secondFactorChannels = ['email', 'sms'] as const;

/** The member lifecycle: the list, its labels and the allowed steps are data in `src/domain/member-status.ts`. */
export const memberStatuses = memberLifecycleStatuses;
export type MemberStatus = MemberLifecycleStatus;

/** The member profile: who the member is and how to reach them. The email is not unique on purpose. */
export const members = pgTable(
  'members',
  {
    id: text('id')
      .primaryKey()
      .references(() => authUser.id),
    loginId: text('login_id').notNull(),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    email: text('email').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }).notNull(),
    status: text('status', { enum: memberStatuses }).notNull(),
    termsVersion: text('terms_version').notNull(),
    termsAcceptedAt: timestamp('terms_accepted_at', { withTimezone: true, mode: 'date' }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    // Members registered before the full form have empty address and phone columns until they edit their profile.
    memberKind: text('member_kind', { enum: memberKinds }).notNull().default('individual'),
    companyName: text('company_name'),
    department: text('department'),
    postalCode: text('postal_code').notNull().default(''),
    prefecture: text('prefecture').notNull().default(''),
    city: text('city').notNull().default(''),
    street: text('street').notNull().default(''),
    building: text('building'),
    /** E.164. */
    phone: text('phone').notNull().default(''),
    /** The channel the member chose for sign-in codes; SMS is stored but codes still go by mail until SMS sending exists. */
    secondFactorChannel: text('second_factor_channel', { enum: secondFactorChannels })
      .notNull()
      .default('email'),
    /** A Japanese mobile number in E.164, required when the channel is `sms`. */
    mobilePhone: text('mobile_phone'),
    marketingOptIn: boolean('marketing_opt_in').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }),
    /** When an operator approved or rejected the registration (manual review), and who. */
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: text('reviewed_by'),
    /** The reason given to the member when the registration was rejected. */
    rejectionReason: text('rejection_reason'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    /** `self` or an operator's reason. */
    withdrawalReason: text('withdrawal_reason'),
    /**
     * When the personal data is to be anonymised: set on withdrawal or rejection from the retention setting
     * then in force, so the sweep only compares it with the clock.
     */
    anonymiseDueAt: timestamp('anonymise_due_at', { withTimezone: true, mode: 'date' }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('members_email_idx').on(t.email),
    index('members_anonymise_due_idx').on(t.anonymiseDueAt),
    check('members_status_known', isOneOf(t.status, memberLifecycleStatuses)),
    check('members_locale_known', sql`${t.locale} in ('ja', 'en')`),
    check('members_kind_known', sql`${t.memberKind} in ('corporate', 'individual')`),
    check('members_second_factor_channel_known', sql`${t.secondFactorChannel} in ('email', 'sms')`),
  ],
);

export const termsDocumentKinds = ['terms', 'privacy'] as const;
export type TermsDocumentKind = (typeof termsDocumentKinds)[number];

/** Versions of the terms of use and the privacy policy; the current one of a kind is the latest already published. */
export const termsDocuments = pgTable(
  'terms_documents',
  {
    kind: text('kind', { enum: termsDocumentKinds }).notNull(),
    version: text('version').notNull(),
    title: text('title').notNull(),
    /** Markdown. */
    body: text('body').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.version] }),
    check('terms_documents_kind_known', sql`${t.kind} in ('terms', 'privacy')`),
  ],
);

/** Each agreement of a member to one version of a document, with when and from where. */
export const memberConsents = pgTable(
  'member_consents',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: termsDocumentKinds }).notNull(),
    version: text('version').notNull(),
    agreedAt: timestamp('agreed_at', { withTimezone: true, mode: 'date' }).notNull(),
    ipAddress: text('ip_address'),
  },
  (t) => [
    index('member_consents_member_idx').on(t.memberId),
    // A consent can only name a version that exists.
    foreignKey({
      columns: [t.kind, t.version],
      foreignColumns: [termsDocuments.kind, termsDocuments.version],
      name: 'member_consents_document_fk',
    }),
  ],
);

/** Pending changes of a member's contact email: the link mailed to the new address carries the token, we keep its hash. */
export const memberEmailChanges = pgTable(
  'member_email_changes',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    newEmail: text('new_email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('member_email_changes_member_idx').on(t.memberId)],
);

/** Single-use email confirmation links; only the SHA-256 of the token is stored. */
export const memberEmailConfirmations = pgTable(
  'member_email_confirmations',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('member_email_confirmations_member_idx').on(t.memberId)],
);

/**
 * Sign-in failures per login ID key (`normalizeLoginId`), whether or not a member holds that ID, so a
 * lock says nothing about which IDs exist. `locked_until` null with `locked_at` set: only an operator unlocks.
 */
export const loginLockouts = pgTable('login_lockouts', {
  loginIdKey: text('login_id_key').primaryKey(),
  failedCount: integer('failed_count').notNull().default(0),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true, mode: 'date' }),
  lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
});

/** Forgotten-password requests: the SHA-256 of the mailed link token and of the mailed temporary password. */
export const memberPasswordResets = pgTable(
  'member_password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    temporaryPasswordHash: text('temporary_password_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('member_password_resets_member_idx').on(t.memberId)],
);

/** A member's backup codes, one row each, AES-256-GCM encrypted with a key derived from the server secret. */
export const memberBackupCodes = pgTable(
  'member_backup_codes',
  {
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    position: integer('position').notNull(),
    ciphertext: text('ciphertext').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.position] })],
);

export const signInOutcomes = ['succeeded', 'failed'] as const;
export const signInMethods = ['password', 'code', 'backup_code'] as const;

/**
 * Each sign-in of a member, kept so the member (My Page) and the operators can spot misuse: a completed
 * sign-in (`succeeded`, with the session it opened) and a failed step on a known member (`failed`).
 * `session_id` is not a foreign key: the history outlives the session.
 */
export const memberSignIns = pgTable(
  'member_sign_ins',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    outcome: text('outcome', { enum: signInOutcomes }).notNull(),
    /** The step: `password` (failed only), `code` (the mailed code) or `backup_code`. */
    method: text('method', { enum: signInMethods }).notNull(),
    sessionId: text('session_id'),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** A short "browser on OS" label parsed from the user agent, e.g. `Chrome 131 / Windows`. */
    browser: text('browser').notNull().default(''),
  },
  (t) => [
    index('member_sign_ins_member_at_idx').on(t.memberId, t.at),
    check('member_sign_ins_outcome_known', sql`${t.outcome} in ('succeeded', 'failed')`),
    check('member_sign_ins_method_known', sql`${t.method} in ('password', 'code', 'backup_code')`),
  ],
);
