// Reads products with everything under them, in one statement for any number of products, as definitions plus ids.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { catalogProviders, UsageTierRow } from '../../db/schema/catalog.js';
import { compareTerms, type ProductStatus, type TermKey } from '../../domain/catalog.js';
import { yenFromDb } from '../../domain/money.js';
import {
  cachedProduct,
  cacheProduct,
  type RevisionEntry,
  readCatalogRevision,
  revisionEntry,
} from './product-cache.js';
import type { ProductDefinition } from './product-definition.js';
import { queryRows } from './query-rows.js';

/** A provider as the catalog shows it. */
export interface CatalogProvider {
  id: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  isStore: boolean;
  contactEmails: string[];
  /** The provider's webhook endpoint in `webhook_endpoints`, if it takes webhooks. */
  webhookEndpointId: string | null;
  /** The contact fields (`company`, `department`, `name`, `email`, `phone`, `address`) the provider receives. */
  sharedContactFields: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** A stored product: its definition (without archived plans and options), its state, and the ids of its parts. */
export interface CatalogProduct {
  id: string;
  status: ProductStatus;
  provider: CatalogProvider;
  definition: ProductDefinition;
  planIds: Record<string, string>;
  optionIds: Record<string, string>;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

// Column lists as JSON objects: one statement returns each product with all its children nested.
const PRODUCT_DOCUMENT = sql`
  json_build_object(
    'product', row_to_json(p),
    'provider', (select row_to_json(pr) from catalog_providers pr where pr.id = p.provider_id),
    'plans', (
      select coalesce(json_agg(json_build_object(
        'row', row_to_json(pl),
        'terms', (select coalesce(json_agg(row_to_json(t)), '[]') from catalog_plan_terms t where t.plan_id = pl.id),
        'usage', (
          select coalesce(json_agg(row_to_json(u) order by u.sort_order, u.id), '[]')
          from catalog_usage_components u where u.plan_id = pl.id
        )
      ) order by pl.sort_order, pl.id), '[]')
      from catalog_plans pl where pl.product_id = p.id and not pl.archived
    ),
    'options', (
      select coalesce(json_agg(json_build_object(
        'row', row_to_json(o),
        'offers', (select coalesce(json_agg(row_to_json(f)), '[]') from catalog_option_offers f where f.option_id = o.id)
      ) order by o.sort_order, o.id), '[]')
      from catalog_options o where o.product_id = p.id and not o.archived
    ),
    'trial', (select row_to_json(tr) from catalog_trials tr where tr.product_id = p.id and tr.active limit 1),
    'fields', (
      select coalesce(json_agg(row_to_json(fd) order by fd.sort_order, fd.id), '[]')
      from catalog_order_fields fd where fd.product_id = p.id
    )
  )`;

/**
 * Loads products by id (missing ids are left out), in the order of the ids given: from the cache of the
 * current catalog revision, the rest in one statement.
 */
export async function loadProducts(db: DbOrTx, productIds: readonly string[]): Promise<CatalogProduct[]> {
  if (productIds.length === 0) return [];
  return loadProductsAt(db, revisionEntry(await readCatalogRevision(db)), productIds);
}

/** `loadProducts` for a caller that has just read the revision token itself. */
export async function loadProductsAt(
  db: DbOrTx,
  entry: RevisionEntry,
  productIds: readonly string[],
): Promise<CatalogProduct[]> {
  const found = new Map<string, CatalogProduct>();
  const missing: string[] = [];
  for (const id of productIds) {
    const hit = cachedProduct(entry, id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  for (const product of await fetchProducts(db, missing)) {
    cacheProduct(entry, product);
    found.set(product.id, product);
  }
  return productIds.flatMap((id) => found.get(id) ?? []);
}

/** Loads one product by id or slug, or null, through the cache of the current catalog revision. */
export async function loadProduct(db: DbOrTx, idOrSlug: string): Promise<CatalogProduct | null> {
  const entry = revisionEntry(await readCatalogRevision(db));
  const hit = cachedProduct(entry, idOrSlug);
  if (hit) return hit;
  const product = await fetchProduct(db, idOrSlug);
  if (product) cacheProduct(entry, product);
  return product;
}

/** Reads products by id from the database, in the order of the ids given, in one statement. */
export async function fetchProducts(db: DbOrTx, productIds: readonly string[]): Promise<CatalogProduct[]> {
  if (productIds.length === 0) return [];
  const rows = await queryRows<{ doc: ProductDocument | string }>(
    db,
    sql`select ${PRODUCT_DOCUMENT} as doc
        from json_array_elements_text(${JSON.stringify(productIds)}::json) with ordinality as want(id, ord)
        join catalog_products p on p.id = want.id
        order by want.ord`,
  );
  return rows.map((r) => productFromDocument(parseJson(r.doc)));
}

/** Reads one product by id or slug from the database, or null, in one statement. */
export async function fetchProduct(db: DbOrTx, idOrSlug: string): Promise<CatalogProduct | null> {
  const rows = await queryRows<{ doc: ProductDocument | string }>(
    db,
    sql`select ${PRODUCT_DOCUMENT} as doc from catalog_products p
        where p.id = ${idOrSlug} or p.slug = ${idOrSlug}
        order by (p.id = ${idOrSlug}) desc limit 1`,
  );
  return rows[0] ? productFromDocument(parseJson(rows[0].doc)) : null;
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

// Rows as row_to_json writes them: snake_case keys, timestamps as ISO text, int8 as JSON numbers.
type Json = Record<string, unknown>;
interface ProductDocument {
  product: Json;
  provider: Json;
  plans: { row: Json; terms: Json[]; usage: Json[] }[];
  options: { row: Json; offers: Json[] }[];
  trial: Json | null;
  fields: Json[];
}

const str = (v: unknown) => v as string;
const num = (v: unknown) => v as number;
const date = (v: unknown) => new Date(v as string);
const yenOf = (v: unknown) => yenFromDb(v as number | string);

/** Builds the product from its document; children are matched with maps, never searched. */
function productFromDocument(doc: ProductDocument): CatalogProduct {
  const row = doc.product;
  const provider = providerFromJson(doc.provider);
  const planCode = new Map<string, string>();
  const planIndex = new Map<string, number>();
  for (const [index, plan] of doc.plans.entries()) {
    planCode.set(str(plan.row.id), str(plan.row.code));
    planIndex.set(str(plan.row.code), index);
  }
  const trial = doc.trial;
  return {
    id: str(row.id),
    status: row.status as ProductStatus,
    provider,
    planIds: Object.fromEntries(doc.plans.map((p) => [str(p.row.code), str(p.row.id)])),
    optionIds: Object.fromEntries(doc.options.map((o) => [str(o.row.code), str(o.row.id)])),
    publishedAt: row.published_at === null ? null : date(row.published_at),
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
    definition: {
      slug: str(row.slug),
      provider: provider.slug,
      kind: row.kind as ProductDefinition['kind'],
      name: { ja: str(row.name_ja), en: str(row.name_en) },
      summary: { ja: str(row.summary_ja), en: str(row.summary_en) },
      description: { ja: str(row.description_ja), en: str(row.description_en) },
      images: row.images as ProductDefinition['images'],
      category: str(row.category),
      tags: row.tags as string[],
      termsDocuments: row.terms_document_keys as string[],
      paymentMethods: row.payment_methods as ProductDefinition['paymentMethods'],
      leadTimeDays: row.lead_time_days as number | null,
      leadTimeNote: { ja: str(row.lead_time_note_ja), en: str(row.lead_time_note_en) },
      checkoutNote: { ja: str(row.checkout_note_ja), en: str(row.checkout_note_en) },
      sortOrder: num(row.sort_order),
      renewalWindowMonths: num(row.renewal_window_months),
      proration: row.proration as ProductDefinition['proration'],
      quantityChangeable: row.quantity_changeable as boolean,
      licenceMachineLimit: num(row.licence_machine_limit),
      plans: doc.plans.map(({ row: plan, terms, usage }) => ({
        code: str(plan.code),
        name: { ja: str(plan.name_ja), en: str(plan.name_en) },
        description: { ja: str(plan.description_ja), en: str(plan.description_en) },
        taxRate: plan.tax_rate as 'standard' | 'reduced',
        setupFee: yenOf(plan.setup_fee),
        quantity: { min: num(plan.quantity_min), max: num(plan.quantity_max), step: num(plan.quantity_step) },
        quantityUnit: { ja: str(plan.quantity_unit_ja), en: str(plan.quantity_unit_en) },
        minimumTermMonths: num(plan.minimum_term_months),
        earlyTermination: {
          kind: plan.early_termination as 'none' | 'remaining_months' | 'fixed',
          fee: plan.early_termination_fee === null ? null : yenOf(plan.early_termination_fee),
        },
        billingTiming: plan.billing_timing as 'in_advance' | 'in_arrears',
        confirmationRule: plan.confirmation_rule as ProductDefinition['plans'][number]['confirmationRule'],
        renewalModes: plan.renewal_modes as ('auto' | 'manual')[],
        terms: terms
          .map((t) => ({ term: t.term as TermKey, price: yenOf(t.price) }))
          .sort((a, b) => compareTerms(a.term, b.term)),
        usageComponents: usage.map((u) => ({
          code: str(u.code),
          name: { ja: str(u.name_ja), en: str(u.name_en) },
          unit: { ja: str(u.unit_ja), en: str(u.unit_en) },
          taxRate: u.tax_rate as 'standard' | 'reduced',
          tierMode: u.tier_mode as 'graduated' | 'volume',
          tiers: (u.tiers as UsageTierRow[]).map((tier) => ({ upTo: tier.upTo, unitPrice: tier.unitPrice })),
        })),
      })),
      options: doc.options.map(({ row: option, offers }) => ({
        code: str(option.code),
        name: { ja: str(option.name_ja), en: str(option.name_en) },
        description: { ja: str(option.description_ja), en: str(option.description_en) },
        required: option.required as boolean,
        choiceGroup: option.choice_group as string | null,
        taxRate: option.tax_rate as 'standard' | 'reduced',
        setupFee: yenOf(option.setup_fee),
        quantity: {
          min: num(option.quantity_min),
          max: num(option.quantity_max),
          step: num(option.quantity_step),
        },
        quantityUnit: { ja: str(option.quantity_unit_ja), en: str(option.quantity_unit_en) },
        termsDocuments: option.terms_document_keys as string[],
        offers: offers
          .filter((o) => planCode.has(str(o.plan_id)))
          .map((o) => ({
            plan: planCode.get(str(o.plan_id))!,
            term: o.term as TermKey,
            price: yenOf(o.price),
            included: o.included as boolean,
          }))
          .sort((a, b) => planIndex.get(a.plan)! - planIndex.get(b.plan)! || compareTerms(a.term, b.term)),
      })),
      trial:
        trial && planCode.has(str(trial.plan_id))
          ? {
              days: num(trial.days),
              plan: planCode.get(str(trial.plan_id))!,
              conditionsDocument: str(trial.conditions_document_key),
              paymentMethodRequired: trial.payment_method_required as boolean,
              atEnd: trial.at_end as 'convert' | 'end',
            }
          : null,
      orderFields: doc.fields.map((f) => ({
        key: str(f.key),
        label: { ja: str(f.label_ja), en: str(f.label_en) },
        help: { ja: str(f.help_ja), en: str(f.help_en) },
        type: f.type as ProductDefinition['orderFields'][number]['type'],
        required: f.required as boolean,
        validation: f.validation as ProductDefinition['orderFields'][number]['validation'],
      })),
    },
  };
}

function providerFromJson(row: Json): CatalogProvider {
  return {
    id: str(row.id),
    slug: str(row.slug),
    nameJa: str(row.name_ja),
    nameEn: str(row.name_en),
    isStore: row.is_store as boolean,
    contactEmails: row.contact_emails as string[],
    webhookEndpointId: row.webhook_endpoint_id as string | null,
    sharedContactFields: row.shared_contact_fields as string[],
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  };
}

/** The provider row as the module hands it out. */
export function providerJson(row: typeof catalogProviders.$inferSelect): CatalogProvider {
  return {
    id: row.id,
    slug: row.slug,
    nameJa: row.nameJa,
    nameEn: row.nameEn,
    isStore: row.isStore,
    contactEmails: row.contactEmails,
    webhookEndpointId: row.webhookEndpointId,
    sharedContactFields: row.sharedContactFields,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
