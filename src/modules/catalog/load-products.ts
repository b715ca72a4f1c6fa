// Reads products with everything under them, in a few queries for any number of products, as definitions plus ids.
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  catalogOptionOffers,
  catalogOptions,
  catalogOrderFields,
  catalogPlans,
  catalogPlanTerms,
  catalogProducts,
  catalogProviders,
  catalogTrials,
  catalogUsageComponents,
} from '../../db/schema/catalog.js';
import { compareTerms, type ProductStatus, type TermKey } from '../../domain/catalog.js';
import { yenFromDb } from '../../domain/money.js';
import type { ProductDefinition } from './product-definition.js';

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

type ProductRow = typeof catalogProducts.$inferSelect;

/** Loads products by id (missing ids are left out), in the order of the ids given. */
export async function loadProducts(db: DbOrTx, productIds: readonly string[]): Promise<CatalogProduct[]> {
  if (productIds.length === 0) return [];
  const ids = [...productIds];
  const products = await db.select().from(catalogProducts).where(inArray(catalogProducts.id, ids));
  if (products.length === 0) return [];
  const providerIds = [...new Set(products.map((p) => p.providerId))];
  // One query after another: inside a transaction they share one connection.
  const providers = await db.select().from(catalogProviders).where(inArray(catalogProviders.id, providerIds));
  const plans = await db
    .select()
    .from(catalogPlans)
    .where(inArray(catalogPlans.productId, ids))
    .orderBy(asc(catalogPlans.sortOrder), asc(catalogPlans.id));
  const options = await db
    .select()
    .from(catalogOptions)
    .where(inArray(catalogOptions.productId, ids))
    .orderBy(asc(catalogOptions.sortOrder), asc(catalogOptions.id));
  const trials = await db.select().from(catalogTrials).where(inArray(catalogTrials.productId, ids));
  const fields = await db
    .select()
    .from(catalogOrderFields)
    .where(inArray(catalogOrderFields.productId, ids))
    .orderBy(asc(catalogOrderFields.sortOrder), asc(catalogOrderFields.id));
  const planIdList = plans.map((p) => p.id);
  const optionIdList = options.map((o) => o.id);
  const terms = planIdList.length
    ? await db.select().from(catalogPlanTerms).where(inArray(catalogPlanTerms.planId, planIdList))
    : [];
  const usage = planIdList.length
    ? await db
        .select()
        .from(catalogUsageComponents)
        .where(inArray(catalogUsageComponents.planId, planIdList))
        .orderBy(asc(catalogUsageComponents.sortOrder), asc(catalogUsageComponents.id))
    : [];
  const offers = optionIdList.length
    ? await db.select().from(catalogOptionOffers).where(inArray(catalogOptionOffers.optionId, optionIdList))
    : [];

  const byId = new Map(products.map((p) => [p.id, p]));
  const result: CatalogProduct[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const provider = providers.find((p) => p.id === row.providerId)!;
    const productPlans = plans.filter((p) => p.productId === id && !p.archived);
    const planCode = new Map(productPlans.map((p) => [p.id, p.code]));
    const productOptions = options.filter((o) => o.productId === id && !o.archived);
    const trial = trials.find((t) => t.productId === id && t.active);
    result.push({
      id,
      status: row.status as ProductStatus,
      provider: providerJson(provider),
      planIds: Object.fromEntries(productPlans.map((p) => [p.code, p.id])),
      optionIds: Object.fromEntries(productOptions.map((o) => [o.code, o.id])),
      publishedAt: row.publishedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      definition: {
        ...productFields(row, provider.slug),
        plans: productPlans.map((plan) => ({
          code: plan.code,
          name: { ja: plan.nameJa, en: plan.nameEn },
          description: { ja: plan.descriptionJa, en: plan.descriptionEn },
          taxRate: plan.taxRate as 'standard' | 'reduced',
          setupFee: yenFromDb(plan.setupFee),
          quantity: { min: plan.quantityMin, max: plan.quantityMax, step: plan.quantityStep },
          quantityUnit: { ja: plan.quantityUnitJa, en: plan.quantityUnitEn },
          minimumTermMonths: plan.minimumTermMonths,
          earlyTermination: {
            kind: plan.earlyTermination as 'none' | 'remaining_months' | 'fixed',
            fee: plan.earlyTerminationFee === null ? null : yenFromDb(plan.earlyTerminationFee),
          },
          billingTiming: plan.billingTiming as 'in_advance' | 'in_arrears',
          confirmationRule: plan.confirmationRule as ProductDefinition['plans'][number]['confirmationRule'],
          renewalModes: plan.renewalModes as ('auto' | 'manual')[],
          terms: terms
            .filter((t) => t.planId === plan.id)
            .sort((a, b) => compareTerms(a.term as TermKey, b.term as TermKey))
            .map((t) => ({ term: t.term as TermKey, price: yenFromDb(t.price) })),
          usageComponents: usage
            .filter((u) => u.planId === plan.id)
            .map((u) => ({
              code: u.code,
              name: { ja: u.nameJa, en: u.nameEn },
              unit: { ja: u.unitJa, en: u.unitEn },
              taxRate: u.taxRate as 'standard' | 'reduced',
              tierMode: u.tierMode as 'graduated' | 'volume',
              tiers: u.tiers.map((tier) => ({ upTo: tier.upTo, unitPrice: tier.unitPrice })),
            })),
        })),
        options: productOptions.map((option) => ({
          code: option.code,
          name: { ja: option.nameJa, en: option.nameEn },
          description: { ja: option.descriptionJa, en: option.descriptionEn },
          required: option.required,
          choiceGroup: option.choiceGroup,
          taxRate: option.taxRate as 'standard' | 'reduced',
          setupFee: yenFromDb(option.setupFee),
          quantity: { min: option.quantityMin, max: option.quantityMax, step: option.quantityStep },
          quantityUnit: { ja: option.quantityUnitJa, en: option.quantityUnitEn },
          termsDocuments: option.termsDocumentKeys,
          offers: offers
            .filter((o) => o.optionId === option.id && planCode.has(o.planId))
            .map(
              (o) =>
                ({
                  plan: planCode.get(o.planId)!,
                  term: o.term,
                  price: yenFromDb(o.price),
                  included: o.included,
                }) as { plan: string; term: TermKey; price: number; included: boolean },
            )
            .sort(
              (a, b) =>
                productPlans.findIndex((p) => p.code === a.plan) -
                  productPlans.findIndex((p) => p.code === b.plan) ||
                compareTerms(a.term as TermKey, b.term as TermKey),
            ),
        })),
        trial:
          trial && planCode.has(trial.planId)
            ? {
                days: trial.days,
                plan: planCode.get(trial.planId)!,
                conditionsDocument: trial.conditionsDocumentKey,
                paymentMethodRequired: trial.paymentMethodRequired,
              }
            : null,
        orderFields: fields
          .filter((f) => f.productId === id)
          .map((f) => ({
            key: f.key,
            label: { ja: f.labelJa, en: f.labelEn },
            help: { ja: f.helpJa, en: f.helpEn },
            type: f.type as ProductDefinition['orderFields'][number]['type'],
            required: f.required,
            validation: f.validation,
          })),
      },
    });
  }
  return result;
}

/** Loads one product by id or slug, or null. */
export async function loadProduct(db: DbOrTx, idOrSlug: string): Promise<CatalogProduct | null> {
  const [row] = await db
    .select({ id: catalogProducts.id })
    .from(catalogProducts)
    .where(or(eq(catalogProducts.id, idOrSlug), eq(catalogProducts.slug, idOrSlug)));
  if (!row) return null;
  const [product] = await loadProducts(db, [row.id]);
  return product ?? null;
}

function productFields(row: ProductRow, providerSlug: string) {
  return {
    slug: row.slug,
    provider: providerSlug,
    kind: row.kind as ProductDefinition['kind'],
    name: { ja: row.nameJa, en: row.nameEn },
    summary: { ja: row.summaryJa, en: row.summaryEn },
    description: { ja: row.descriptionJa, en: row.descriptionEn },
    images: row.images,
    category: row.category,
    tags: row.tags,
    termsDocuments: row.termsDocumentKeys,
    paymentMethods: row.paymentMethods as ProductDefinition['paymentMethods'],
    leadTimeDays: row.leadTimeDays,
    leadTimeNote: { ja: row.leadTimeNoteJa, en: row.leadTimeNoteEn },
    checkoutNote: { ja: row.checkoutNoteJa, en: row.checkoutNoteEn },
    sortOrder: row.sortOrder,
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
