// GET /api/terms/current: the terms of use and the privacy policy in force, which registration asks members to accept.
import { createRoute, z } from '@hono/zod-openapi';
import { getCurrentTerms, type TermsDocument } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './identity-schemas.js';

const termsDocumentSchema = z
  .object({
    kind: z.enum(['terms', 'privacy']),
    version: z.string().openapi({ example: '2026-04-01' }),
    title: z.string().openapi({ example: '利用規約' }),
    body: z.string().openapi({ description: 'Markdown' }),
    publishedAt: z.string(),
  })
  .openapi('TermsDocument');

const currentTermsSchema = z
  .object({ terms: termsDocumentSchema, privacy: termsDocumentSchema })
  .openapi('CurrentTerms');

const shape = (document: TermsDocument) => ({ ...document, publishedAt: document.publishedAt.toISOString() });

/** Both documents with their versions; registration must name exactly these versions. */
export function getCurrentTermsRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/terms/current',
      tags: ['members'],
      summary: 'The current terms of use and privacy policy',
      responses: {
        200: {
          description: 'the documents in force',
          content: { 'application/json': { schema: currentTermsSchema } },
        },
        503: problem('none published'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const current = await getCurrentTerms(ctx.db, ctx.clock.now());
      return c.json({ terms: shape(current.terms), privacy: shape(current.privacy) }, 200);
    },
  );
}
