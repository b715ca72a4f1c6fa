// Tables of the licensing module: software licences (one per contract), their machine activations and the store's signing keys.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { catalogProducts } from './catalog.js';
import { contracts } from './contracts.js';
import { members } from './identity.js';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const licenceEditions = ['package', 'download'] as const;
export const licenceConflictResolutions = ['moved', 'dismissed'] as const;

/**
 * The licence of one contract of a `software` product: the registration number and install key the
 * member types into the product (only a SHA-256 hash of the key is kept), the edition, and the dates kept
 * in step with the contract's events.
 */
export const licences = pgTable(
  'licences',
  {
    id: text('id').primaryKey(),
    /** Null for a licence imported for a package already printed: it has no contract of this store. */
    contractId: text('contract_id').references(() => contracts.id),
    /** Null until a member attaches an imported licence (at registration or on My Page). */
    memberId: text('member_id').references(() => members.id),
    /** When the member attached the licence; null for a licence opened by the member's own contract. */
    attachedAt: at('attached_at'),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    /** `NNNN-NNNN-NNNN`, the last digit a Luhn check digit. */
    registrationNumber: text('registration_number').notNull(),
    /** Hex SHA-256 of the normalised install key. */
    installKeyHash: text('install_key_hash').notNull(),
    edition: text('edition', { enum: licenceEditions }).notNull(),
    /** How many machines may be activated at once. */
    machineLimit: integer('machine_limit').notNull(),
    /** The contract's status as its last event said. */
    contractStatus: text('contract_status').notNull(),
    /** The last day the basic service is paid for (Asia/Tokyo). */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Versions released up to this day may be installed free of charge. */
    updatesAllowedUntil: date('updates_allowed_until', { mode: 'string' }).notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('licences_contract_unique').on(t.contractId),
    uniqueIndex('licences_registration_number_unique').on(t.registrationNumber),
    index('licences_member_idx').on(t.memberId),
    check('licences_edition_known', sql`${t.edition} in ('package', 'download')`),
    // A contract's licence always belongs to the contract's member.
    check('licences_contract_has_member', sql`${t.contractId} is null or ${t.memberId} is not null`),
    check('licences_machine_limit_positive', sql`${t.machineLimit} between 1 and 1000`),
  ],
);

/** A machine that runs a licence: at most the licence's `machine_limit` rows per licence. */
export const licenceActivations = pgTable(
  'licence_activations',
  {
    licenceId: text('licence_id')
      .notNull()
      .references(() => licences.id),
    /** The product's own fingerprint of the machine (opaque to us). */
    machineFingerprint: text('machine_fingerprint').notNull(),
    activatedAt: at('activated_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
    lastProductVersion: text('last_product_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenceId, t.machineFingerprint] })],
);

/**
 * The store's Ed25519 key pairs for signing licence answers. The private key is sealed under the server
 * secret; one key is current (no `retired_at`), retired ones stay published until their answers expire.
 */
export const licenceSigningKeys = pgTable(
  'licence_signing_keys',
  {
    id: text('id').primaryKey(),
    /** The raw 32-byte public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** PKCS#8 DER of the private key, base64, sealed (`sealSecret`) and bound to the key's id. */
    sealedPrivateKey: text('sealed_private_key').notNull(),
    createdAt: at('created_at').notNull(),
    retiredAt: at('retired_at'),
  },
  (t) => [
    // At most one current key, so nodes racing to make the first one keep a single one.
    uniqueIndex('licence_signing_keys_one_current').on(sql`(true)`).where(sql`${t.retiredAt} is null`),
  ],
);

/**
 * A member's attempt to attach a licence that another member already holds: refused, and kept here so the
 * console shows operators what to look into (a shared or leaked key, or a resold package).
 */
export const licenceAttachConflicts = pgTable(
  'licence_attach_conflicts',
  {
    id: text('id').primaryKey(),
    licenceId: text('licence_id')
      .notNull()
      .references(() => licences.id),
    /** The member who tried to attach it; null when it was tried in a registration that was then refused. */
    memberId: text('member_id').references(() => members.id),
    at: at('at').notNull(),
    /** When an operator marked it looked into; open conflicts are counted on the console home. */
    resolvedAt: at('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** `moved`: the licence went to the claiming member; `dismissed`: it stayed, for `resolutionReason`. */
    resolution: text('resolution', { enum: licenceConflictResolutions }),
    resolutionReason: text('resolution_reason'),
  },
  (t) => [
    index('licence_attach_conflicts_open_idx').on(t.at).where(sql`${t.resolvedAt} is null`),
    check(
      'licence_attach_conflicts_resolution_known',
      sql`(${t.resolvedAt} is null and ${t.resolution} is null) or (${t.resolvedAt} is not null and ${t.resolution} in ('moved', 'dismissed'))`,
    ),
  ],
);

/**
 * Every answer `POST /api/license/v1/validate` gave, appended and never changed: the licence (null when the
 * pair matched none), a SHA-256 of the machine fingerprint, the product version, the answer's code and the
 * client address. Rows older than `LICENCE_VALIDATION_RETENTION_DAYS` are deleted by a sweep.
 */
export const licenceValidations = pgTable(
  'licence_validations',
  {
    /** An identity, not a prefixed id: the store's most written table, ordered by it within a second. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    licenceId: text('licence_id'),
    /** Hex SHA-256 of the fingerprint the product sent. */
    machineFingerprintHash: text('machine_fingerprint_hash').notNull(),
    productVersion: text('product_version').notNull(),
    code: text('code').notNull(),
    at: at('at').notNull(),
    /** As the audit log keeps it: the socket's peer, or the trusted proxy's word; null in-process. */
    ipAddress: text('ip_address'),
  },
  (t) => [
    // No foreign key: the log records what was answered, so the hottest insert skips the key check; the
    // licence id always comes from the row read in the same transaction.
    index('licence_validations_licence_idx').on(t.licenceId, t.at.desc(), t.id.desc()),
    index('licence_validations_at_idx').on(t.at),
  ],
);
