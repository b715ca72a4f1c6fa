// GET /api/store/products/{product}: one published product by slug or id, with plans, options, prices, documents, trial and order fields.
import { createRoute, z } from '@hono/zod-openapi';
import { getStorefrontProduct, priceFrom } from '../../../modules/catalog/index.js';
import { createRouter } from '../../openapi-app.js';
import { productDetailJson, productDetailSchema } from './catalog-schemas.js';
import { problem } from './identity-schemas.js';

/** The product page's data; drafts and retired products are not found. */
export function getProductRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/store/products/{product}',
      tags: ['store'],
      summary: 'One product',
      request: {
        params: z.object({
          product: z
            .string()
            .min(1)
            .max(100)
            .openapi({ description: 'slug or id', example: 'rental-server-x10' }),
        }),
      },
      responses: {
        200: { description: 'the product', content: { 'application/json': { schema: productDetailSchema } } },
        404: problem('no published product with this slug or id'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { product, documents, taxRounding } = await getStorefrontProduct(ctx.db, {
        product: c.req.valid('param').product,
        now: ctx.clock.now(),
      });
      return c.json(productDetailJson(product, priceFrom(product.definition), documents, taxRounding), 200);
    },
  );
}
