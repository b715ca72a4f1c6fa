// POST /api/store/estimates/pdf: the simulator's answer as a printable PDF, plainly marked as a simulation.
import { createRoute, z } from '@hono/zod-openapi';
import { termLabel } from '../../../domain/catalog.js';
import { estimateProduct, renderEstimatePdf } from '../../../modules/catalog/index.js';
import { getStoreSettings } from '../../../modules/store/index.js';
import { createRouter } from '../../openapi-app.js';
import { preferredLocale } from '../../problem.js';
import { estimateRequestSchema } from './catalog-schemas.js';
import { problem } from './identity-schemas.js';

const estimatePdfRequestSchema = estimateRequestSchema
  .extend({
    locale: z
      .enum(['ja', 'en'])
      .optional()
      .openapi({ description: 'the language of the PDF; Accept-Language otherwise' }),
  })
  .openapi('EstimatePdfRequest');

/** The same choice as `POST /api/store/estimates`, priced by the same engine, rendered to A4. */
export function createEstimatePdfRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/store/estimates/pdf',
      tags: ['store'],
      summary: 'The price simulation as a PDF',
      request: {
        body: { required: true, content: { 'application/json': { schema: estimatePdfRequestSchema } } },
      },
      responses: {
        200: {
          description: 'the PDF (A4, Japanese or English)',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        404: problem('no published product with this slug or id'),
        422: problem('the choice is not possible (plan, term, option, quantity, usage)'),
      },
    }),
    async (c) => {
      const { product: ref, locale: asked, ...request } = c.req.valid('json');
      const ctx = c.get('ctx');
      const { product, estimate } = await estimateProduct(ctx.db, { product: ref, request });
      const store = await getStoreSettings(ctx.db);
      const plan = product.definition.plans.find((p) => p.code === estimate.plan)!;
      const pdf = await renderEstimatePdf({
        locale: asked ?? preferredLocale(c.req.header('accept-language')),
        storeName: store.name,
        productName: product.definition.name,
        planName: plan.name,
        termLabel: { ja: termLabel(estimate.term, 'ja'), en: termLabel(estimate.term, 'en') },
        estimate,
        now: ctx.clock.now(),
      });
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="estimate-${product.definition.slug}.pdf"`,
        'cache-control': 'no-store',
      });
    },
  );
}
