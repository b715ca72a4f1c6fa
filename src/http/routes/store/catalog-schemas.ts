// OpenAPI schemas of the storefront catalog routes and the functions that shape products and estimates into them.
import { z } from '@hono/zod-openapi';
import { type TermKey, termLabel, termMonths } from '../../../domain/catalog.js';
import type { Estimate } from '../../../domain/estimate.js';
import { yen } from '../../../domain/money.js';
import {
  type DocumentTax,
  type TaxRateKey,
  type TaxRounding,
  taxIncludedPrice,
} from '../../../domain/tax.js';
import type { CatalogProduct, CatalogTermsDocument, priceFrom } from '../../../modules/catalog/index.js';
import { estimateNotice } from '../../../modules/catalog/index.js';

export const bilingualSchema = z.object({ ja: z.string(), en: z.string() }).openapi('Bilingual');
const taxRateSchema = z.enum(['standard', 'reduced']);
const quantitySchema = z
  .object({ min: z.number().int(), max: z.number().int(), step: z.number().int() })
  .openapi('QuantityRule');

/** A tax-exclusive amount with its tax-inclusive price for display (never summed into documents). */
const priceSchema = z
  .object({
    amount: z.number().int().openapi({ description: 'tax-exclusive yen', example: 13200 }),
    withTax: z.number().int().openapi({ description: 'tax-inclusive yen, for display', example: 14520 }),
  })
  .openapi('Price');

const documentRefSchema = z
  .object({
    key: z.string(),
    version: z.string(),
    title: bilingualSchema,
    url: z.string().openapi({ example: '/api/store/terms-documents/hosting-terms' }),
  })
  .openapi('CatalogDocumentRef');

const priceFromSchema = z
  .object({ amount: z.number().int(), withTax: z.number().int(), plan: z.string(), term: z.string() })
  .openapi('PriceFrom', { description: "the cheapest plan and term's amount per month (rounded down)" });

export const productSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: z.string(),
    name: bilingualSchema,
    summary: bilingualSchema,
    category: z.string(),
    tags: z.array(z.string()),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    provider: z.object({ slug: z.string(), name: bilingualSchema }),
    priceFrom: priceFromSchema.nullable(),
    trial: z.object({ days: z.number().int() }).nullable(),
    leadTimeDays: z.number().int().nullable(),
  })
  .openapi('ProductSummary');

const orderFieldSchema = z
  .object({
    key: z.string(),
    label: bilingualSchema,
    help: bilingualSchema,
    type: z.string(),
    required: z.boolean(),
    validation: z.object({
      pattern: z.string().optional(),
      minLength: z.number().int().optional(),
      maxLength: z.number().int().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      choices: z.array(z.object({ value: z.string(), labelJa: z.string(), labelEn: z.string() })).optional(),
    }),
  })
  .openapi('OrderField');

export const productDetailSchema = productSummarySchema
  .extend({
    description: bilingualSchema.openapi({ description: 'Markdown' }),
    images: z.array(z.object({ url: z.string(), alt: z.string() })),
    paymentMethods: z.array(z.string()),
    leadTimeNote: bilingualSchema,
    checkoutNote: bilingualSchema,
    terms: z.array(documentRefSchema),
    taxRounding: z.enum(['floor', 'round', 'ceil']),
    proration: z.enum(['none', 'daily', 'monthly']).openapi({
      description: 'how a contract change within a term is charged for the rest of it',
    }),
    quantityChangeable: z.boolean().openapi({ description: 'false: a contract keeps its ordered quantity' }),
    plans: z.array(
      z.object({
        code: z.string(),
        name: bilingualSchema,
        description: bilingualSchema,
        taxRate: taxRateSchema,
        setupFee: priceSchema,
        quantity: quantitySchema,
        quantityUnit: bilingualSchema,
        minimumTermMonths: z.number().int(),
        earlyTermination: z.object({ kind: z.string(), fee: z.number().int().nullable() }),
        billingTiming: z.string(),
        renewalModes: z.array(z.string()),
        terms: z.array(
          z.object({
            term: z.string().openapi({ example: '12m' }),
            months: z.number().int(),
            label: bilingualSchema,
            price: priceSchema,
            perMonth: z.number().int().openapi({ description: 'tax-exclusive, rounded down' }),
          }),
        ),
        usageComponents: z.array(
          z.object({
            code: z.string(),
            name: bilingualSchema,
            unit: bilingualSchema,
            taxRate: taxRateSchema,
            tierMode: z.string(),
            tiers: z.array(z.object({ upTo: z.number().int().nullable(), unitPrice: z.number().int() })),
          }),
        ),
      }),
    ),
    options: z.array(
      z.object({
        code: z.string(),
        name: bilingualSchema,
        description: bilingualSchema,
        required: z.boolean(),
        choiceGroup: z.string().nullable(),
        taxRate: taxRateSchema,
        setupFee: priceSchema,
        quantity: quantitySchema,
        quantityUnit: bilingualSchema,
        terms: z.array(documentRefSchema),
        offers: z.array(
          z.object({ plan: z.string(), term: z.string(), price: priceSchema, included: z.boolean() }),
        ),
      }),
    ),
    trial: z
      .object({
        days: z.number().int(),
        plan: z.string(),
        paymentMethodRequired: z.boolean(),
        conditions: z
          .object({ key: z.string(), version: z.string(), title: bilingualSchema, url: z.string() })
          .nullable(),
      })
      .nullable(),
    orderFields: z.array(orderFieldSchema),
  })
  .openapi('ProductDetail');

const price = (amount: number, rate: TaxRateKey, rounding: TaxRounding) => ({
  amount,
  withTax: taxIncludedPrice(yen(amount), rate, rounding),
});

const documentRef = (documents: CatalogTermsDocument[], key: string) => {
  const document = documents.find((d) => d.key === key);
  if (!document) return null;
  return {
    key,
    version: document.version,
    title: { ja: document.titleJa, en: document.titleEn },
    url: `/api/store/terms-documents/${key}`,
  };
};

/** A product in a list. */
export function productSummaryJson(
  product: CatalogProduct,
  from: ReturnType<typeof priceFrom>,
  rounding: TaxRounding,
): z.infer<typeof productSummarySchema> {
  const def = product.definition;
  const fromPlan = from ? def.plans.find((p) => p.code === from.plan) : undefined;
  return {
    id: product.id,
    slug: def.slug,
    kind: def.kind,
    name: def.name,
    summary: def.summary,
    category: def.category,
    tags: def.tags,
    image: def.images[0] ?? null,
    provider: {
      slug: product.provider.slug,
      name: { ja: product.provider.nameJa, en: product.provider.nameEn },
    },
    priceFrom:
      from && fromPlan
        ? { ...price(from.amount, fromPlan.taxRate, rounding), plan: from.plan, term: from.term }
        : null,
    trial: def.trial ? { days: def.trial.days } : null,
    leadTimeDays: def.leadTimeDays,
  };
}

/** A product page: plans, terms and options with tax-exclusive and tax-inclusive prices, documents, trial, order fields. */
export function productDetailJson(
  product: CatalogProduct,
  from: ReturnType<typeof priceFrom>,
  documents: CatalogTermsDocument[],
  rounding: TaxRounding,
): z.infer<typeof productDetailSchema> {
  const def = product.definition;
  const refs = (keys: string[]) => keys.map((k) => documentRef(documents, k)).filter((r) => r !== null);
  return {
    ...productSummaryJson(product, from, rounding),
    description: def.description,
    images: def.images,
    paymentMethods: def.paymentMethods,
    leadTimeNote: def.leadTimeNote,
    checkoutNote: def.checkoutNote,
    terms: refs(def.termsDocuments),
    taxRounding: rounding,
    proration: def.proration,
    quantityChangeable: def.quantityChangeable,
    plans: def.plans.map((plan) => ({
      code: plan.code,
      name: plan.name,
      description: plan.description,
      taxRate: plan.taxRate,
      setupFee: price(plan.setupFee, plan.taxRate, rounding),
      quantity: plan.quantity,
      quantityUnit: plan.quantityUnit,
      minimumTermMonths: plan.minimumTermMonths,
      earlyTermination: plan.earlyTermination,
      billingTiming: plan.billingTiming,
      renewalModes: plan.renewalModes,
      terms: plan.terms.map((t) => {
        const term = t.term as TermKey;
        const months = termMonths(term);
        return {
          term,
          months,
          label: { ja: termLabel(term, 'ja'), en: termLabel(term, 'en') },
          price: price(t.price, plan.taxRate, rounding),
          perMonth: Math.floor(t.price / months),
        };
      }),
      usageComponents: plan.usageComponents,
    })),
    options: def.options.map((option) => ({
      code: option.code,
      name: option.name,
      description: option.description,
      required: option.required,
      choiceGroup: option.choiceGroup,
      taxRate: option.taxRate,
      setupFee: price(option.setupFee, option.taxRate, rounding),
      quantity: option.quantity,
      quantityUnit: option.quantityUnit,
      terms: refs(option.termsDocuments),
      offers: option.offers.map((o) => ({
        plan: o.plan,
        term: o.term,
        price: price(o.price, option.taxRate, rounding),
        included: o.included,
      })),
    })),
    trial: def.trial
      ? {
          days: def.trial.days,
          plan: def.trial.plan,
          paymentMethodRequired: def.trial.paymentMethodRequired,
          conditions: documentRef(documents, def.trial.conditionsDocument),
        }
      : null,
    orderFields: def.orderFields,
  };
}

export const documentTaxSchema = z
  .object({
    groups: z.array(
      z.object({
        rate: taxRateSchema,
        percent: z.number().int(),
        reduced: z.boolean(),
        taxableAmount: z.number().int(),
        tax: z.number().int(),
        totalWithTax: z.number().int(),
      }),
    ),
    subtotal: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
  })
  .openapi('DocumentTax', { description: 'tax-exclusive lines grouped by rate, tax rounded once per rate' });

export const estimateRequestSchema = z
  .object({
    product: z
      .string()
      .min(1)
      .max(100)
      .openapi({ description: "the product's slug or id", example: 'rental-server-x10' }),
    plan: z.string().min(1).max(60).openapi({ example: 'x10' }),
    term: z.string().min(1).max(10).openapi({ example: '12m' }),
    quantity: z.number().int().min(0).max(1_000_000).optional(),
    options: z
      .array(
        z.object({
          code: z.string().min(1).max(60),
          quantity: z.number().int().min(0).max(1_000_000).optional(),
        }),
      )
      .max(100)
      .default([]),
    usage: z
      .array(
        z.object({ code: z.string().min(1).max(60), quantity: z.number().int().min(0).max(1_000_000_000) }),
      )
      .max(50)
      .default([]),
  })
  .openapi('EstimateRequest');

export const estimateSchema = z
  .object({
    product: z.object({ id: z.string(), slug: z.string(), name: bilingualSchema }),
    simulation: z.literal(true),
    notice: bilingualSchema,
    plan: z.string(),
    planName: bilingualSchema,
    term: z.string(),
    termLabel: bilingualSchema,
    termMonths: z.number().int(),
    evergreen: z.boolean(),
    quantity: z.number().int(),
    lines: z.array(
      z.object({
        kind: z.enum(['plan', 'option', 'setup', 'usage']),
        code: z.string(),
        setupOf: z.enum(['plan', 'option']).nullable(),
        name: bilingualSchema,
        charge: z.enum(['per_term', 'one_time', 'usage_per_month']),
        quantity: z.number().int(),
        unitPrice: z.number().int(),
        amount: z.number().int(),
        taxRate: taxRateSchema,
        included: z.boolean(),
        unit: z.object({ ja: z.string(), en: z.string() }).nullable(),
        tiers: z
          .array(
            z.object({
              from: z.number().int(),
              upTo: z.number().int().nullable(),
              quantity: z.number().int(),
              unitPrice: z.number().int(),
              amount: z.number().int(),
            }),
          )
          .nullable(),
      }),
    ),
    oneTime: documentTaxSchema,
    perTerm: documentTaxSchema,
    perMonth: z.object({
      subtotal: z.number().int(),
      tax: z.number().int(),
      total: z.number().int(),
      exact: z.boolean(),
    }),
    firstTerm: documentTaxSchema,
    rounding: z.enum(['floor', 'round', 'ceil']),
  })
  .openapi('Estimate');

/** Said on every estimate: the simulator is not a stamped quotation (seed 001). */
/** The engine's answer with the product and the "simulation" notice. */
export function estimateJson(product: CatalogProduct, estimate: Estimate): z.infer<typeof estimateSchema> {
  const plan = product.definition.plans.find((p) => p.code === estimate.plan)!;
  const plain = (doc: DocumentTax) => ({ ...doc, groups: doc.groups.map((g) => ({ ...g })) });
  return {
    product: { id: product.id, slug: product.definition.slug, name: product.definition.name },
    simulation: true,
    notice: estimateNotice,
    plan: estimate.plan,
    planName: plan.name,
    term: estimate.term,
    termLabel: { ja: termLabel(estimate.term, 'ja'), en: termLabel(estimate.term, 'en') },
    termMonths: estimate.termMonths,
    evergreen: estimate.evergreen,
    quantity: estimate.quantity,
    lines: estimate.lines.map((line) => ({
      ...line,
      tiers: line.tiers ? line.tiers.map((t) => ({ ...t })) : null,
    })),
    oneTime: plain(estimate.oneTime),
    perTerm: plain(estimate.perTerm),
    perMonth: estimate.perMonth,
    firstTerm: plain(estimate.firstTerm),
    rounding: estimate.rounding,
  };
}
