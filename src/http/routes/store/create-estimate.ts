// POST /api/store/estimates: the price simulator, open to everyone; the one engine prices the choice.
import { createRoute } from '@hono/zod-openapi';
import { estimateProduct } from '../../../modules/catalog/index.js';
import { createRouter } from '../../openapi-app.js';
import { estimateJson, estimateRequestSchema, estimateSchema } from './catalog-schemas.js';
import { problem } from './identity-schemas.js';

/** Every line, per-rate subtotals, tax once per rate, one-time fees, per term and per month. Nothing is stored. */
export function createEstimateRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/store/estimates',
      tags: ['store'],
      summary: 'Simulate the price of a choice',
      request: {
        body: { required: true, content: { 'application/json': { schema: estimateRequestSchema } } },
      },
      responses: {
        200: { description: 'the estimate', content: { 'application/json': { schema: estimateSchema } } },
        404: problem('no published product with this slug or id'),
        422: problem('the choice is not possible (plan, term, option, quantity, usage)'),
      },
    }),
    async (c) => {
      const { product: ref, ...request } = c.req.valid('json');
      const result = await estimateProduct(c.get('ctx').db, { product: ref, request });
      return c.json(estimateJson(result.product, result.estimate), 200);
    },
  );
}
