// GET /api/store/terms-documents/{key}: a product, option or trial document in force, linked from product pages and checkout.
import { createRoute, z } from '@hono/zod-openapi';
import { getCurrentTermsDocument } from '../../../modules/catalog/index.js';
import { createRouter } from '../../openapi-app.js';
import { bilingualSchema } from './catalog-schemas.js';
import { problem } from './identity-schemas.js';

const documentSchema = z
  .object({
    key: z.string(),
    version: z.string(),
    title: bilingualSchema,
    body: bilingualSchema.openapi({ description: 'Markdown' }),
    publishedAt: z.string(),
  })
  .openapi('CatalogTermsDocument');

/** The current version with its text. */
export function getCatalogTermsDocumentRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/store/terms-documents/{key}',
      tags: ['store'],
      summary: 'A product or option terms document in force',
      request: { params: z.object({ key: z.string().min(1).max(80) }) },
      responses: {
        200: { description: 'the document', content: { 'application/json': { schema: documentSchema } } },
        404: problem('no such document published'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const d = await getCurrentTermsDocument(ctx.db, {
        key: c.req.valid('param').key,
        now: ctx.clock.now(),
      });
      return c.json(
        {
          key: d.key,
          version: d.version,
          title: { ja: d.titleJa, en: d.titleEn },
          body: { ja: d.bodyJa, en: d.bodyEn },
          publishedAt: d.publishedAt.toISOString(),
        },
        200,
      );
    },
  );
}
