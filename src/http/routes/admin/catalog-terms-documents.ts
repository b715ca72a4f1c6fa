// GET and POST /api/admin/catalog/terms-documents: product, option and trial documents; each POST publishes a new, unchangeable version.
import { createRoute, z } from '@hono/zod-openapi';
import { listTermsDocumentVersions, publishTermsDocument } from '../../../modules/catalog/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { adminTermsDocumentJson, adminTermsDocumentSchema } from './catalog-admin-schemas.js';

/** Every version of every document, by key, newest version first. */
export function adminListTermsDocumentsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/catalog/terms-documents',
      tags: ['admin'],
      summary: 'Product and option documents, every version',
      middleware: [requirePermission('catalog.read')] as const,
      responses: {
        200: {
          description: 'by key, newest version first',
          content: {
            'application/json': { schema: z.object({ documents: z.array(adminTermsDocumentSchema) }) },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) =>
      c.json(
        { documents: (await listTermsDocumentVersions(c.get('ctx').db)).map(adminTermsDocumentJson) },
        200,
      ),
  );
}

/** Publishes a new version. */
export function adminPublishTermsDocumentRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/terms-documents',
      tags: ['admin'],
      summary: 'Publish a document version',
      middleware: [requirePermission('catalog.update')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.record(z.string(), z.unknown()).openapi('AdminTermsDocumentBody', {
                description:
                  'key, version, titleJa, titleEn, bodyJa (Markdown), bodyEn, publishedAt (optional, ISO 8601)',
              }),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'published',
          content: { 'application/json': { schema: adminTermsDocumentSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('this version exists'),
        422: problem('a field is invalid'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const document = await publishTermsDocument(ctx.db, {
        document: c.req.valid('json'),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminTermsDocumentJson(document), 201);
    },
  );
}
