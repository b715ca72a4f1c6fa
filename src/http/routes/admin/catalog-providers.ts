// GET, POST and PATCH /api/admin/catalog/providers: the companies whose products the store sells, each change audited.
import { createRoute, z } from '@hono/zod-openapi';
import {
  createProvider,
  listProviders,
  type ProviderChangeResult,
  rotateProviderWebhookSecret,
  updateProvider,
} from '../../../modules/catalog/index.js';
import { webhookSecretKey } from '../../../modules/notifications/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';
import {
  adminProviderChangeSchema,
  adminProviderJson,
  adminProviderSchema,
} from './catalog-admin-schemas.js';

function changeJson(result: ProviderChangeResult) {
  return { ...adminProviderJson(result.provider), webhookSecret: result.webhookSecret };
}

const providerBody = z.record(z.string(), z.unknown()).openapi('AdminProviderBody', {
  description:
    'slug, nameJa, nameEn, isStore, contactEmails[], webhookUrl, sharedContactFields[] (company, department, name, email, phone, address; all optional in a PATCH). A first webhookUrl creates the signed-webhook endpoint and the answer carries its secret once (webhookSecret); a changed URL keeps the secret; null removes the webhook.',
});

/** Every provider, the store itself first. */
export function adminListProvidersRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/catalog/providers',
      tags: ['admin'],
      summary: 'Providers',
      middleware: [requirePermission('catalog.read')] as const,
      responses: {
        200: {
          description: 'the store itself first',
          content: { 'application/json': { schema: z.object({ providers: z.array(adminProviderSchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => c.json({ providers: (await listProviders(c.get('ctx').db)).map(adminProviderJson) }, 200),
  );
}

/** Registers a provider. */
export function adminCreateProviderRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/providers',
      tags: ['admin'],
      summary: 'Register a provider',
      middleware: [requirePermission('catalog.update')] as const,
      request: { body: { required: true, content: { 'application/json': { schema: providerBody } } } },
      responses: {
        201: {
          description: 'created; webhookSecret is set when a webhookUrl was given',
          content: { 'application/json': { schema: adminProviderChangeSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('the slug is taken'),
        422: problem('a field is invalid'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const provider = await createProvider(ctx.db, {
        provider: c.req.valid('json'),
        sealingKey: webhookSecretKey(ctx.config.secret),
        resolver: ctx.hostResolver,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(changeJson(provider), 201);
    },
  );
}

/** Changes some of a provider's fields. */
export function adminUpdateProviderRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/catalog/providers/{id}',
      tags: ['admin'],
      summary: 'Change a provider',
      middleware: [requirePermission('catalog.update')] as const,
      request: {
        params: z.object({ id: z.string().min(1).max(100) }),
        body: { required: true, content: { 'application/json': { schema: providerBody } } },
      },
      responses: {
        200: {
          description:
            'the provider after the change; webhookSecret is set when this change created the webhook',
          content: { 'application/json': { schema: adminProviderChangeSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such provider'),
        409: problem('the slug is taken'),
        422: problem('a field is invalid; nothing was changed'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const provider = await updateProvider(ctx.db, {
        providerId: c.req.valid('param').id,
        patch: c.req.valid('json'),
        sealingKey: webhookSecretKey(ctx.config.secret),
        resolver: ctx.hostResolver,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(changeJson(provider), 200);
    },
  );
}

/** Replaces the provider's webhook signing secret; the new one is shown once. */
export function adminRotateProviderWebhookSecretRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/providers/{id}/webhook-secret',
      tags: ['admin'],
      summary: "Rotate a provider's webhook signing secret",
      description:
        'A new `whsec_…` secret for the same endpoint, shown only in this answer. Every delivery attempt is signed when made, so messages still waiting are signed with the new secret. 409 `provider_webhook_missing` when the provider has no webhook URL.',
      middleware: [requirePermission('catalog.update')] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: 'the new secret, shown once',
          content: {
            'application/json': {
              schema: z.object({ webhookEndpointId: z.string(), webhookSecret: z.string() }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such provider'),
        409: problem('the provider has no webhook URL'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const rotated = await rotateProviderWebhookSecret(ctx.db, {
        providerId: c.req.valid('param').id,
        sealingKey: webhookSecretKey(ctx.config.secret),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ webhookEndpointId: rotated.endpointId, webhookSecret: rotated.webhookSecret }, 200);
    },
  );
}
