// GET and PATCH /api/admin/store: the store's full settings for the owner, changed through updateStoreSettings and audited.
import { createRoute, z } from '@hono/zod-openapi';
import {
  getStoreSettings,
  type StoreSettings,
  storeSettingsPatchSchema,
  updateStoreSettings,
} from '../../../modules/store/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { adminStoreSchema, operatorActor, problem } from './admin-schemas.js';

function toAdminStore(settings: StoreSettings) {
  return {
    name: settings.name,
    issuerName: settings.issuerName,
    registrationNumber: settings.registrationNumber,
    postalCode: settings.postalCode,
    address: settings.address,
    phone: settings.phone,
    email: settings.email,
    businessHours: settings.businessHours,
    taxRounding: settings.taxRounding,
    sessionIdleMinutes: settings.sessionIdleMinutes,
    sessionAbsoluteHours: settings.sessionAbsoluteHours,
    registrationReview: settings.registrationReview,
    withdrawal: settings.withdrawal,
    personalDataRetentionDays: settings.personalDataRetentionDays,
    orderNumberFormat: settings.orderNumberFormat,
    contractNumberFormat: settings.contractNumberFormat,
    paymentMethodChange: settings.paymentMethodChange,
    updatedAt: settings.updatedAt.toISOString(),
  };
}

/** The store's settings as the owner edits them. */
export function adminGetStoreRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/store',
      tags: ['admin'],
      summary: "The store's settings",
      middleware: [requirePermission('store.read')] as const,
      responses: {
        200: { description: 'the settings', content: { 'application/json': { schema: adminStoreSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => c.json(toAdminStore(await getStoreSettings(c.get('ctx').db)), 200),
  );
}

/** Changes some settings; a bad field rejects the whole patch. */
export function adminUpdateStoreRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/store',
      tags: ['admin'],
      summary: "Change the store's settings",
      middleware: [requirePermission('store.update')] as const,
      request: {
        body: {
          required: true,
          // The store module's own schema, so the OpenAPI document (and the typed client) names every field;
          // updateStoreSettings checks it again for the CLI, which does not come through here.
          content: {
            'application/json': {
              // Rewrapped: a schema built before @hono/zod-openapi extended zod has no `.openapi()`.
              schema: z.object(storeSettingsPatchSchema.shape).partial().strict().openapi('AdminStorePatch', {
                description: 'any of the settings; a field left out is not changed',
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the settings after the change',
          content: { 'application/json': { schema: adminStoreSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('a field is invalid; nothing was changed'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const settings = await updateStoreSettings(ctx.db, {
        patch: c.req.valid('json'),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(toAdminStore(settings), 200);
    },
  );
}
