// Tables of the catalog module: providers, products, plans and their terms, options and where they are offered, usage components, trials, order fields, product terms documents.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { productStatuses } from '../../domain/catalog.js';
import { isOneOf } from '../one-of.js';
import { members } from './identity.js';
import { webhookEndpoints } from './notifications.js';

const money = (name: string) => bigint(name, { mode: 'bigint' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A stored usage tier: `upTo` null is the open last tier; `unitPrice` whole yen. */
export interface UsageTierRow {
  upTo: number | null;
  unitPrice: number;
}

/** A product image: where it is and what it shows. */
export interface ProductImageRow {
  url: string;
  alt: string;
}

/** Extra validation of an order field, by type. */
export interface OrderFieldValidationRow {
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  choices?: { value: string; labelJa: string; labelEn: string }[];
}

/** Who provides a product: the store itself, or another company in marketplace mode (seed 003). */
export const catalogProviders = pgTable('catalog_providers', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  /** True for the store itself: its products need no provisioning hand-off. */
  isStore: boolean('is_store').notNull().default(false),
  /** Where provisioning requests and notices go. */
  contactEmails: jsonb('contact_emails').$type<string[]>().notNull(),
  /**
   * The provider's signed-webhook endpoint (URL and sealed `whsec_` secret live in `webhook_endpoints`);
   * null when the provider takes provisioning requests by mail only.
   */
  webhookEndpointId: text('webhook_endpoint_id').references(() => webhookEndpoints.id),
  /** The member's contact fields this provider receives (the member consents to sharing them at checkout). */
  sharedContactFields: jsonb('shared_contact_fields')
    .$type<string[]>()
    .notNull()
    .default(sql`'["company", "name", "email", "phone"]'::jsonb`),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Versioned documents of products and options (service terms, option terms, trial conditions); consent records the version. */
export const catalogTermsDocuments = pgTable(
  'catalog_terms_documents',
  {
    /** A stable key: `hosting-terms`, `ssl-terms`, `saas-trial-conditions`. */
    key: text('key').notNull(),
    version: text('version').notNull(),
    titleJa: text('title_ja').notNull(),
    titleEn: text('title_en').notNull(),
    /** Markdown. */
    bodyJa: text('body_ja').notNull(),
    bodyEn: text('body_en').notNull(),
    /** The current version of a key is the latest already published. */
    publishedAt: at('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

export const catalogProducts = pgTable(
  'catalog_products',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    providerId: text('provider_id')
      .notNull()
      .references(() => catalogProviders.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('draft'),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    summaryJa: text('summary_ja').notNull(),
    summaryEn: text('summary_en').notNull(),
    /** Markdown, rendered safely by the storefront. */
    descriptionJa: text('description_ja').notNull(),
    descriptionEn: text('description_en').notNull(),
    images: jsonb('images').$type<ProductImageRow[]>().notNull(),
    category: text('category').notNull(),
    tags: jsonb('tags').$type<string[]>().notNull(),
    /** Keys of `catalog_terms_documents` the buyer agrees to; the current version of each applies. */
    termsDocumentKeys: jsonb('terms_document_keys').$type<string[]>().notNull(),
    paymentMethods: jsonb('payment_methods').$type<string[]>().notNull(),
    /** Usual business days from order to service start, shown on the product page (seeds 000, 003). */
    leadTimeDays: integer('lead_time_days'),
    leadTimeNoteJa: text('lead_time_note_ja').notNull().default(''),
    leadTimeNoteEn: text('lead_time_note_en').notNull().default(''),
    checkoutNoteJa: text('checkout_note_ja').notNull().default(''),
    checkoutNoteEn: text('checkout_note_en').notNull().default(''),
    /** The store's own order in lists ("recommended"), lower first. */
    sortOrder: integer('sort_order').notNull().default(0),
    /** How many months before a term's end a manual renewal may be applied for (seed 004: 2). */
    renewalWindowMonths: integer('renewal_window_months').notNull().default(2),
    /** How a change within a term is charged for the rest of it: `none` (in full), `daily` or `monthly`. */
    proration: text('proration').notNull().default('none'),
    /** False when the quantity is fixed for the contract's life (seed 000: a service ID cannot change quantity). */
    quantityChangeable: boolean('quantity_changeable').notNull().default(true),
    /** Software only: machines one licence may be activated on at once (seed 004's products: 2). */
    licenceMachineLimit: integer('licence_machine_limit').notNull().default(2),
    publishedAt: at('published_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    /**
     * Derived from the definition by `refreshProductSearch` so the storefront search can filter, sort and
     * page in SQL: the folded text the keyword search matches (null until first computed), the "from"
     * price per month, whether a trial is offered, and the place of `name_ja` in Japanese collation order
     * among all products (PGlite has no ICU `ja` collation, so the order is computed with Intl.Collator).
     */
    searchText: text('search_text'),
    priceFrom: money('price_from'),
    hasTrial: boolean('has_trial').notNull().default(false),
    nameRank: integer('name_rank').notNull().default(0),
  },
  (t) => [
    index('catalog_products_status_idx').on(t.status, t.sortOrder),
    index('catalog_products_provider_idx').on(t.providerId),
    // One index per storefront sort, over published products only, each ending in the unique name rank.
    index('catalog_products_recommended_idx')
      .on(t.sortOrder, t.nameRank, t.id)
      .where(sql`${t.status} = 'published'`),
    index('catalog_products_newest_idx')
      .on(t.publishedAt.desc().nullsLast(), t.nameRank, t.id)
      .where(sql`${t.status} = 'published'`),
    index('catalog_products_price_asc_idx')
      .on(t.priceFrom.asc().nullsLast(), t.nameRank, t.id)
      .where(sql`${t.status} = 'published'`),
    index('catalog_products_price_desc_idx')
      .on(t.priceFrom.desc().nullsFirst(), t.nameRank, t.id)
      .where(sql`${t.status} = 'published'`),
    index('catalog_products_name_idx').on(t.nameRank, t.id).where(sql`${t.status} = 'published'`),
    index('catalog_products_category_idx').on(t.category).where(sql`${t.status} = 'published'`),
    // Keyword search is LIKE '%word%' on the folded text: trigrams (pg_trgm) let the index answer it.
    index('catalog_products_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('catalog_products_status_known', isOneOf(t.status, productStatuses)),
    check(
      'catalog_products_kind_known',
      sql`${t.kind} in ('cloud', 'saas', 'hosting', 'software', 'service', 'other')`,
    ),
    check('catalog_products_lead_time_positive', sql`${t.leadTimeDays} is null or ${t.leadTimeDays} >= 0`),
    check('catalog_products_proration_known', sql`${t.proration} in ('none', 'daily', 'monthly')`),
  ],
);

/** A plan (プラン / エディション) of a product. Plans are never deleted, only archived, because orders name them. */
export const catalogPlans = pgTable(
  'catalog_plans',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionJa: text('description_ja').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    taxRate: text('tax_rate').notNull().default('standard'),
    setupFee: money('setup_fee').notNull().default(sql`0`),
    quantityMin: integer('quantity_min').notNull().default(1),
    quantityMax: integer('quantity_max').notNull().default(1),
    quantityStep: integer('quantity_step').notNull().default(1),
    /** What the quantity counts (users, IDs); empty when fixed to one. */
    quantityUnitJa: text('quantity_unit_ja').notNull().default(''),
    quantityUnitEn: text('quantity_unit_en').notNull().default(''),
    minimumTermMonths: integer('minimum_term_months').notNull().default(0),
    earlyTermination: text('early_termination').notNull().default('none'),
    /** For `fixed`: the fee; otherwise null. */
    earlyTerminationFee: money('early_termination_fee'),
    billingTiming: text('billing_timing').notNull().default('in_advance'),
    confirmationRule: text('confirmation_rule').notNull().default('on_order'),
    renewalModes: jsonb('renewal_modes').$type<string[]>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
  },
  (t) => [
    unique('catalog_plans_product_code_unique').on(t.productId, t.code),
    check('catalog_plans_tax_rate_known', sql`${t.taxRate} in ('standard', 'reduced')`),
    check('catalog_plans_setup_fee_positive', sql`${t.setupFee} >= 0`),
    check(
      'catalog_plans_quantity_rule',
      sql`${t.quantityMin} >= 0 and ${t.quantityMax} >= ${t.quantityMin} and ${t.quantityStep} >= 1`,
    ),
    check('catalog_plans_minimum_term_positive', sql`${t.minimumTermMonths} >= 0`),
    check(
      'catalog_plans_early_termination_known',
      sql`${t.earlyTermination} in ('none', 'remaining_months', 'fixed')`,
    ),
    check(
      'catalog_plans_early_termination_fee',
      sql`(${t.earlyTermination} = 'fixed') = (${t.earlyTerminationFee} is not null)`,
    ),
    check('catalog_plans_billing_timing_known', sql`${t.billingTiming} in ('in_advance', 'in_arrears')`),
    check(
      'catalog_plans_confirmation_rule_known',
      sql`${t.confirmationRule} in ('on_order', 'usage_month_13', 'next_month_13', 'month_after_next_13')`,
    ),
  ],
);

/** The terms a plan offers and the tax-exclusive price of one term per unit. */
export const catalogPlanTerms = pgTable(
  'catalog_plan_terms',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => catalogPlans.id),
    /** `monthly` or `Nm`. */
    term: text('term').notNull(),
    months: integer('months').notNull(),
    price: money('price').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.term] }),
    check('catalog_plan_terms_term_known', sql`${t.term} ~ '^(monthly|[1-9][0-9]?m)$'`),
    check('catalog_plan_terms_price_positive', sql`${t.price} >= 0`),
  ],
);

/** Usage-based components (従量) of a plan: estimated now, metered and billed by billing later. */
export const catalogUsageComponents = pgTable(
  'catalog_usage_components',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => catalogPlans.id),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    unitJa: text('unit_ja').notNull(),
    unitEn: text('unit_en').notNull(),
    taxRate: text('tax_rate').notNull().default('standard'),
    tierMode: text('tier_mode').notNull().default('graduated'),
    tiers: jsonb('tiers').$type<UsageTierRow[]>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    unique('catalog_usage_components_plan_code_unique').on(t.planId, t.code),
    check('catalog_usage_components_tax_rate_known', sql`${t.taxRate} in ('standard', 'reduced')`),
    check('catalog_usage_components_tier_mode_known', sql`${t.tierMode} in ('graduated', 'volume')`),
  ],
);

/** Options (オプション) of a product. Like plans, archived rather than deleted. */
export const catalogOptions = pgTable(
  'catalog_options',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    code: text('code').notNull(),
    nameJa: text('name_ja').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionJa: text('description_ja').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    required: boolean('required').notNull().default(false),
    /** Options of one group are alternatives (SSL quick / OV / EV). */
    choiceGroup: text('choice_group'),
    taxRate: text('tax_rate').notNull().default('standard'),
    setupFee: money('setup_fee').notNull().default(sql`0`),
    quantityMin: integer('quantity_min').notNull().default(1),
    quantityMax: integer('quantity_max').notNull().default(1),
    quantityStep: integer('quantity_step').notNull().default(1),
    quantityUnitJa: text('quantity_unit_ja').notNull().default(''),
    quantityUnitEn: text('quantity_unit_en').notNull().default(''),
    /** The option's own terms (seed 002: SSL, backup, device security each need consent). */
    termsDocumentKeys: jsonb('terms_document_keys').$type<string[]>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    archived: boolean('archived').notNull().default(false),
  },
  (t) => [
    unique('catalog_options_product_code_unique').on(t.productId, t.code),
    check('catalog_options_tax_rate_known', sql`${t.taxRate} in ('standard', 'reduced')`),
    check('catalog_options_setup_fee_positive', sql`${t.setupFee} >= 0`),
    check(
      'catalog_options_quantity_rule',
      sql`${t.quantityMin} >= 0 and ${t.quantityMax} >= ${t.quantityMin} and ${t.quantityStep} >= 1`,
    ),
  ],
);

/**
 * Where an option is offered — one row per plan and term — at what price per term per unit, and whether
 * it is included in that plan and cannot be removed (seed 004's download edition).
 */
export const catalogOptionOffers = pgTable(
  'catalog_option_offers',
  {
    optionId: text('option_id')
      .notNull()
      .references(() => catalogOptions.id),
    planId: text('plan_id').notNull(),
    term: text('term').notNull(),
    price: money('price').notNull(),
    included: boolean('included').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.optionId, t.planId, t.term] }),
    // Only a term the plan offers can carry an option.
    foreignKey({
      columns: [t.planId, t.term],
      foreignColumns: [catalogPlanTerms.planId, catalogPlanTerms.term],
      name: 'catalog_option_offers_plan_term_fk',
    }).onDelete('cascade'),
    check('catalog_option_offers_price_positive', sql`${t.price} >= 0`),
  ],
);

/** A product's free trial (one per product): length, the plan used, its conditions, whether a payment method is needed. */
export const catalogTrials = pgTable(
  'catalog_trials',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .unique()
      .references(() => catalogProducts.id),
    days: integer('days').notNull(),
    planId: text('plan_id')
      .notNull()
      .references(() => catalogPlans.id),
    /** The trial-conditions document (a key of `catalog_terms_documents`). */
    conditionsDocumentKey: text('conditions_document_key').notNull(),
    paymentMethodRequired: boolean('payment_method_required').notNull().default(false),
    /** At the trial's end: `convert` to the paid plan chosen at order, or `end` the contract. */
    atEnd: text('at_end').notNull().default('convert'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [check('catalog_trials_days_positive', sql`${t.days} between 1 and 365`)],
);

/**
 * One free trial per member per product: the ordering module writes a row when it accepts a trial
 * order, and the unique key refuses a second one even under concurrent orders.
 */
export const catalogTrialRedemptions = pgTable(
  'catalog_trial_redemptions',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    /** The order that took the trial; a plain id until the ordering tables exist. */
    orderId: text('order_id'),
    redeemedAt: at('redeemed_at').notNull(),
  },
  (t) => [unique('catalog_trial_redemptions_member_product_unique').on(t.memberId, t.productId)],
);

/**
 * One row whose token changes (by trigger, in the writing transaction) whenever any catalog table
 * changes: cached product definitions are keyed by it, so every node sees a write as soon as it commits.
 */
export const catalogRevision = pgTable(
  'catalog_revision',
  {
    id: integer('id').primaryKey().default(1),
    token: text('token').notNull(),
  },
  (t) => [check('catalog_revision_single_row', sql`${t.id} = 1`)],
);

/** Operator-defined fields collected at checkout to prepare the service (host name, domain, users…). */
export const catalogOrderFields = pgTable(
  'catalog_order_fields',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => catalogProducts.id),
    key: text('key').notNull(),
    labelJa: text('label_ja').notNull(),
    labelEn: text('label_en').notNull(),
    helpJa: text('help_ja').notNull().default(''),
    helpEn: text('help_en').notNull().default(''),
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    validation: jsonb('validation').$type<OrderFieldValidationRow>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    unique('catalog_order_fields_product_key_unique').on(t.productId, t.key),
    check(
      'catalog_order_fields_type_known',
      sql`${t.type} in ('text', 'textarea', 'number', 'email', 'domain', 'hostname', 'select')`,
    ),
  ],
);
