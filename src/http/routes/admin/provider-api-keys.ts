// GET/POST /api/admin/catalog/providers/{id}/api-keys and POST …/{keyId}/revoke: the keys a provider's system uses on the provider API.
import { createRoute, z } from '@hono/zod-openapi';
import {
  issueProviderApiKey,
  listProviderApiKeys,
  type ProviderApiKeySummary,
  revokeProviderApiKey,
} from '../../../modules/provisioning/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const keySchema = z
  .object({
    id: z.string(),
    providerId: z.string(),
    label: z.string(),
    prefix: z.string().openapi({ example: 'kpk_AbCd1234', description: 'the first characters of the key' }),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ProviderApiKey');

function keyJson(k: ProviderApiKeySummary): z.infer<typeof keySchema> {
  return {
    ...k,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}

const providerParams = z.object({ id: z.string().min(1).max(100) });

/** A provider's keys, never the keys themselves. */
export function adminListProviderApiKeysRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/catalog/providers/{id}/api-keys',
      tags: ['admin'],
      summary: "A provider's API keys",
      description:
        'Prefix, label, when created and last used, and whether revoked; the key itself is never shown again.',
      middleware: [requirePermission('catalog.read')] as const,
      request: { params: providerParams },
      responses: {
        200: {
          description: 'oldest first',
          content: { 'application/json': { schema: z.object({ keys: z.array(keySchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const keys = await listProviderApiKeys(c.get('ctx').db, c.req.valid('param').id);
      return c.json({ keys: keys.map(keyJson) }, 200);
    },
  );
}

/** Issues a key, returned once. */
export function adminIssueProviderApiKeyRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/providers/{id}/api-keys',
      tags: ['admin'],
      summary: 'Issue a provider API key',
      description:
        'The answer holds the key (`kpk_…`) once: give it to the provider, who sends it as `Authorization: Bearer` on /api/provider. Only its SHA-256 is stored. Audited without the key.',
      middleware: [requirePermission('provider_keys.manage')] as const,
      request: {
        params: providerParams,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ label: z.string().trim().min(1).max(100).openapi({ example: '本番連携' }) })
                .openapi('IssueProviderApiKeyBody'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'the key, shown only now, and its summary',
          content: { 'application/json': { schema: z.object({ key: z.string(), apiKey: keySchema }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such provider'),
        422: problem('the label is missing'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const issued = await issueProviderApiKey(ctx.db, {
        providerId: c.req.valid('param').id,
        label: c.req.valid('json').label,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ key: issued.key, apiKey: keyJson(issued.summary) }, 201);
    },
  );
}

/** Revokes a key at once. */
export function adminRevokeProviderApiKeyRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/catalog/providers/{id}/api-keys/{keyId}/revoke',
      tags: ['admin'],
      summary: 'Revoke a provider API key',
      description: 'The next request with the key is 401. Revoking a revoked key changes nothing. Audited.',
      middleware: [requirePermission('provider_keys.manage')] as const,
      request: { params: z.object({ id: z.string().min(1).max(100), keyId: z.string().min(1).max(100) }) },
      responses: {
        200: { description: 'the key, revoked', content: { 'application/json': { schema: keySchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such key of this provider'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const params = c.req.valid('param');
      const key = await revokeProviderApiKey(ctx.db, {
        providerId: params.id,
        keyId: params.keyId,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(keyJson(key), 200);
    },
  );
}
