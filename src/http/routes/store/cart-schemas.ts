// OpenAPI schemas of the cart routes and the function that shapes a priced cart into them.
import { z } from '@hono/zod-openapi';
import type { PricedCart } from '../../../modules/ordering/index.js';
import {
  bilingualSchema,
  documentTaxSchema,
  estimateJson,
  estimateRequestSchema,
  estimateSchema,
} from './catalog-schemas.js';

export const cartItemChoiceSchema = estimateRequestSchema.omit({ product: true }).openapi('CartItemChoice');
export const cartItemAddSchema = estimateRequestSchema
  .extend({
    trial: z.boolean().default(false).openapi({
      description:
        "a free trial of the product: the plan must be the trial's plan; priced at ¥0 for the trial period",
    }),
  })
  .openapi('CartItemAdd');

const cartItemSchema = z
  .object({
    id: z.string(),
    product: z.object({ id: z.string(), slug: z.string().nullable(), name: bilingualSchema.nullable() }),
    plan: z.string(),
    term: z.string(),
    quantity: z.number().int().nullable(),
    options: z.array(z.object({ code: z.string(), quantity: z.number().int().optional() })),
    usage: z.array(z.object({ code: z.string(), quantity: z.number().int() })),
    trial: z.boolean().openapi({ description: 'a free trial, priced at ¥0 for the trial period' }),
    trialDays: z.number().int().nullable().openapi({ description: 'the length of the trial in days' }),
    available: z.boolean(),
    problem: z
      .object({ code: z.string(), message: bilingualSchema })
      .nullable()
      .openapi({ description: 'why the item cannot be ordered as chosen any more' }),
    estimate: estimateSchema.nullable(),
  })
  .openapi('CartItem');

export const cartSchema = z
  .object({
    items: z.array(cartItemSchema),
    totals: z
      .object({ oneTime: documentTaxSchema, firstTerm: documentTaxSchema })
      .nullable()
      .openapi({ description: 'the available items together, tax rounded once per rate' }),
  })
  .openapi('Cart');

/** The JSON answer for a priced cart. */
export function cartJson(cart: PricedCart): z.infer<typeof cartSchema> {
  const plain = <T extends { groups: object[] }>(doc: T) => ({
    ...doc,
    groups: doc.groups.map((g) => ({ ...g })),
  });
  return {
    items: cart.items.map((item) => ({
      id: item.id,
      product: {
        id: item.productId,
        slug: item.product?.definition.slug ?? null,
        name: item.product?.definition.name ?? null,
      },
      plan: item.plan,
      term: item.term,
      quantity: item.quantity,
      options: item.options,
      usage: item.usage,
      trial: item.isTrial,
      trialDays: item.trial?.days ?? null,
      available: item.estimate !== null,
      problem: item.problem,
      estimate: item.estimate && item.product ? estimateJson(item.product, item.estimate) : null,
    })),
    totals: cart.totals
      ? { oneTime: plain(cart.totals.oneTime), firstTerm: plain(cart.totals.firstTerm) }
      : null,
  } as z.infer<typeof cartSchema>;
}

export const cartResponse = {
  description: 'the cart, every item re-priced now',
  content: { 'application/json': { schema: cartSchema } },
};
export const cartItemParams = z.object({ itemId: z.string().min(1).max(100) });
