// /api/admin/catalog/products: every product in any status, created and saved as whole definitions, moved through draft → published → retired; audited.
import { createRoute, z } from '@hono/zod-openapi';
import { productStatuses } from '../../../domain/catalog.js';
import {
  catalogErrors,
  changeProductStatus,
  createProduct,
  listProducts,
  loadProduct,
  updateProduct,
} from '../../../modules/catalog/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import { adminProductDefinitionBody, adminProductJson, adminProductSchema } from './catalog-admin-schemas.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const productResponse = { content: { 'application/json': { schema: adminProductSchema } } };

/** Every product, newest first. */
export function adminListProductsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/catalog/products',
      tags: ['admin'],
      summary: 'Products in any status',
      middleware: [requirePermission('catalog.read')] as const,
      responses: {
        200: {
          description: 'newest first',
          content: { 'application/json': { schema: z.object({ products: z.array(adminProductSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => c.json({ products: (await listProducts(c.get('ctx').db)).map(adminProductJson) }, 200),
  );
}

/** One product with its whole definition. */
export function adminGetProductRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/catalog/products/{id}',
      tags: ['admin'],
      summary: 'One product',
      middleware: [requirePermission('catalog.read')] as const,
      request: { params: idParams },
      responses: {
        200: { description: 'the product', ...productResponse },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such product'),
      },
    }),
    async (c) => {
      const product = await loadProduct(c.get('ctx').db, c.req.valid('param').id);
      if (!product) throw catalogErrors.productNotFound();
      return c.json(adminProductJson(product), 200);
    },
  );
}

/** Creates a draft from a whole definition. */
export function adminCreateProductRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/products',
      tags: ['admin'],
      summary: 'Create a product (as a draft)',
      middleware: [requirePermission('catalog.update')] as const,
      request: {
        body: { required: true, content: { 'application/json': { schema: adminProductDefinitionBody } } },
      },
      responses: {
        201: { description: 'created as a draft', ...productResponse },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('the slug is taken'),
        422: problem('the definition is invalid; nothing was stored'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const product = await createProduct(ctx.db, {
        definition: c.req.valid('json'),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminProductJson(product), 201);
    },
  );
}

/** Replaces the definition; plans and options keep their ids by code, the ones left out are archived. */
export function adminUpdateProductRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/catalog/products/{id}',
      tags: ['admin'],
      summary: "Save a product's definition",
      middleware: [requirePermission('catalog.update')] as const,
      request: {
        params: idParams,
        body: { required: true, content: { 'application/json': { schema: adminProductDefinitionBody } } },
      },
      responses: {
        200: { description: 'the product after saving', ...productResponse },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such product'),
        409: problem('the slug is taken'),
        422: problem('the definition is invalid; nothing was changed'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const product = await updateProduct(ctx.db, {
        productId: c.req.valid('param').id,
        definition: c.req.valid('json'),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminProductJson(product), 200);
    },
  );
}

/** Publishes, retires or takes back to draft, as the status machine allows. */
export function adminChangeProductStatusRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/products/{id}/status',
      tags: ['admin'],
      summary: "Change a product's status",
      middleware: [requirePermission('catalog.update')] as const,
      request: {
        params: idParams,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                status: z.enum(productStatuses),
                reason: multilineText(z.string().max(500)).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: { description: 'the product after the change', ...productResponse },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such product'),
        409: problem('the status machine does not allow this step'),
        422: problem('not a status'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const product = await changeProductStatus(ctx.db, {
        productId: c.req.valid('param').id,
        status: body.status,
        reason: body.reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(adminProductJson(product), 200);
    },
  );
}
