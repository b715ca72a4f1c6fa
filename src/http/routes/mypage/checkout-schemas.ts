// OpenAPI schemas of the checkout routes and the function that shapes a checkout into them.
import { z } from '@hono/zod-openapi';
import type { Checkout, CheckoutInput } from '../../../modules/ordering/index.js';
import { consentKinds } from '../../../modules/ordering/index.js';
import { multilineText } from '../../input-text-guard.js';
import {
  bilingualSchema,
  documentTaxSchema,
  estimateJson,
  estimateSchema,
} from '../store/catalog-schemas.js';

const optionalText = (max: number) => z.string().max(max).nullable().default(null);

export const checkoutContactSchema = z
  .object({
    companyName: optionalText(200),
    departmentName: optionalText(200),
    name: z.string().max(100),
    nameKana: optionalText(100),
    email: z.string().max(254),
    phone: z.string().max(30),
    postalCode: optionalText(10),
    address: optionalText(400),
  })
  .openapi('CheckoutContact');

export const checkoutInputSchema = z
  .object({
    customerContact: checkoutContactSchema,
    billingContact: checkoutContactSchema,
    orderFields: z
      .record(z.string().max(100), z.record(z.string().max(60), multilineText(z.string().max(2000))))
      .default({})
      .openapi({ description: 'by cart item id, then by order field key' }),
    paymentMethod: z
      .string()
      .max(30)
      .nullable()
      .default(null)
      .openapi({ description: 'null only when no line needs a payment method (free trials)' }),
    consents: z
      .array(z.object({ documentKey: z.string().max(120), version: z.string().max(200) }))
      .max(100)
      .default([])
      .openapi({ description: 'each consent agreed to, with the version shown' }),
  })
  .openapi('CheckoutInput');

const orderFieldSchema = z.object({
  key: z.string(),
  label: bilingualSchema,
  help: bilingualSchema,
  type: z.enum(['text', 'textarea', 'number', 'email', 'domain', 'hostname', 'select']),
  required: z.boolean(),
  validation: z.object({
    pattern: z.string().optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    choices: z.array(z.object({ value: z.string(), labelJa: z.string(), labelEn: z.string() })).optional(),
  }),
});

export const checkoutSchema = z
  .object({
    customerContact: checkoutContactSchema,
    billingContact: checkoutContactSchema,
    lines: z.array(
      z.object({
        itemId: z.string(),
        product: z.object({ id: z.string(), slug: z.string(), name: bilingualSchema }),
        provider: z.object({ slug: z.string(), name: bilingualSchema, isStore: z.boolean() }),
        trial: z
          .object({
            days: z.number().int(),
            conditionsDocument: z.string(),
            paymentMethodRequired: z.boolean(),
          })
          .nullable(),
        trialUsed: z.boolean().openapi({ description: "the member already took this product's trial" }),
        needsPaymentMethod: z
          .boolean()
          .openapi({ description: 'false for a free trial whose product needs no payment method' }),
        paymentProblem: bilingualSchema.nullable().openapi({
          description:
            'why this line cannot be ordered now: none of the payment methods its product allows can be used yet, and what to do',
        }),
        estimate: estimateSchema,
        orderFields: z.array(orderFieldSchema),
        checkoutNote: bilingualSchema,
        leadTimeDays: z.number().int().nullable(),
        leadTimeNote: bilingualSchema,
      }),
    ),
    unavailableItems: z
      .array(
        z.object({
          itemId: z.string(),
          product: z.object({
            id: z.string(),
            slug: z.string().nullable(),
            name: bilingualSchema.nullable(),
          }),
          problem: z.object({ code: z.string(), message: bilingualSchema }).nullable(),
        }),
      )
      .openapi({ description: 'cart items that cannot be ordered as chosen; they stay in the cart' }),
    paymentMethods: z.array(
      z.object({
        method: z.enum(['card', 'bank_transfer', 'direct_debit', 'agency', 'wallet']),
        label: bilingualSchema,
        available: z.boolean(),
        reason: bilingualSchema.nullable(),
      }),
    ),
    paymentMethodRequired: z.boolean(),
    consents: z.array(
      z.object({
        kind: z.enum(consentKinds),
        documentKey: z.string(),
        version: z.string(),
        title: bilingualSchema,
        url: z.string().openapi({ description: 'the page of the document in the web app' }),
        provider: z.object({ slug: z.string(), name: bilingualSchema }).nullable(),
        sharedFields: z.array(z.string()),
      }),
    ),
    totals: z.object({ oneTime: documentTaxSchema, firstTerm: documentTaxSchema }).nullable().openapi({
      description: 'every line together, tax rounded once per rate; null when nothing can be ordered',
    }),
  })
  .openapi('Checkout');

export const checkoutConfirmationSchema = checkoutSchema
  .extend({
    input: checkoutInputSchema,
    quote: z
      .string()
      .openapi({ description: 'send it back with the order; it digests prices, availability and documents' }),
  })
  .openapi('CheckoutConfirmation');

export const placeOrderSchema = checkoutInputSchema
  .extend({ quote: z.string().min(1).max(200) })
  .openapi('PlaceOrder');

/** The JSON answer for a checkout. */
export function checkoutJson(checkout: Checkout): z.infer<typeof checkoutSchema> {
  const plain = <T extends { groups: object[] }>(doc: T) => ({
    ...doc,
    groups: doc.groups.map((g) => ({ ...g })),
  });
  return {
    customerContact: checkout.customerContact,
    billingContact: checkout.billingContact,
    lines: checkout.lines.map((line) => {
      const d = line.product.definition;
      return {
        itemId: line.itemId,
        product: { id: line.product.id, slug: d.slug, name: d.name },
        provider: {
          slug: line.product.provider.slug,
          name: { ja: line.product.provider.nameJa, en: line.product.provider.nameEn },
          isStore: line.product.provider.isStore,
        },
        trial: line.trial,
        trialUsed: line.trialUsed,
        needsPaymentMethod: line.needsPaymentMethod,
        paymentProblem: line.paymentProblem,
        estimate: estimateJson(line.product, line.estimate),
        orderFields: d.orderFields.map((f) => ({
          key: f.key,
          label: f.label,
          help: f.help,
          type: f.type,
          required: f.required,
          validation: f.validation,
        })),
        checkoutNote: d.checkoutNote,
        leadTimeDays: d.leadTimeDays,
        leadTimeNote: d.leadTimeNote,
      };
    }),
    unavailableItems: checkout.unavailableItems.map((item) => ({
      itemId: item.id,
      product: {
        id: item.productId,
        slug: item.product?.definition.slug ?? null,
        name: item.product?.definition.name ?? null,
      },
      problem: item.problem,
    })),
    paymentMethods: checkout.paymentMethods,
    paymentMethodRequired: checkout.paymentMethodRequired,
    consents: checkout.consents,
    totals: checkout.totals
      ? { oneTime: plain(checkout.totals.oneTime), firstTerm: plain(checkout.totals.firstTerm) }
      : null,
  } as z.infer<typeof checkoutSchema>;
}

/** The body as the module takes it. */
export function checkoutInputOf(body: z.infer<typeof checkoutInputSchema>): CheckoutInput {
  return {
    customerContact: body.customerContact,
    billingContact: body.billingContact,
    orderFields: body.orderFields,
    paymentMethod: body.paymentMethod,
    consents: body.consents,
  };
}
