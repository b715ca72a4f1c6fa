// GET /api/store/products: the public catalog search with filters, sorting and paging; only published products.
import { createRoute, z } from '@hono/zod-openapi';
import { productSorts, searchProducts } from '../../../modules/catalog/index.js';
import { createRouter } from '../../openapi-app.js';
import { bilingualSchema, productSummaryJson, productSummarySchema } from './catalog-schemas.js';
import { problem } from './identity-schemas.js';

const querySchema = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'words that must all appear (name, summary, tags, provider, plans, options)' }),
  category: z.string().max(60).optional(),
  provider: z.string().max(80).optional().openapi({ description: "a provider's slug" }),
  minPrice: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'lowest "from" price per month, tax-exclusive yen' }),
  maxPrice: z.coerce.number().int().min(0).optional(),
  trial: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: '`true`: only products with a free trial' }),
  sort: z.enum(productSorts).default('recommended'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

const pageSchema = z
  .object({
    items: z.array(productSummarySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    categories: z.array(z.object({ value: z.string(), count: z.number().int() })),
    providers: z.array(z.object({ slug: z.string(), name: bilingualSchema, count: z.number().int() })),
  })
  .openapi('ProductPage');

/** Published products matching every filter given. */
export function listProductsRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/store/products',
      tags: ['store'],
      summary: 'Search the catalog',
      request: { query: querySchema },
      responses: {
        200: { description: 'one page of products', content: { 'application/json': { schema: pageSchema } } },
        422: problem('a filter is not valid'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const result = await searchProducts(c.get('ctx').db, {
        keyword: query.q,
        category: query.category,
        provider: query.provider,
        minPrice: query.minPrice,
        maxPrice: query.maxPrice,
        trialAvailable: query.trial === 'true',
        sort: query.sort,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json(
        {
          items: result.items.map((hit) =>
            productSummaryJson(hit.product, hit.priceFrom, result.taxRounding),
          ),
          total: result.total,
          limit: query.limit,
          offset: query.offset,
          categories: result.categories,
          providers: result.providers.map((p) => ({
            slug: p.slug,
            name: { ja: p.nameJa, en: p.nameEn },
            count: p.count,
          })),
        },
        200,
      );
    },
  );
}
