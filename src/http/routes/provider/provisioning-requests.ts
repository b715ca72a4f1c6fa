// GET /api/provider/provisioning-requests and /{id}: a provider's own provisioning requests, read with its API key.
import { createRoute, z } from '@hono/zod-openapi';
import { getProvisioningRequest, listProvisioningRequests } from '../../../modules/provisioning/index.js';
import { type ProviderEnv, requireProvider } from '../../middleware/require-provider.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import {
  lineStatusSchema,
  provisioningRequestJson,
  provisioningRequestSchema,
} from './provisioning-schemas.js';

const security = [{ providerKey: [] }];

/** The key's provider's requests, oldest first, optionally only lines in some statuses. */
export function providerListProvisioningRequestsRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/provider/provisioning-requests',
      tags: ['provider'],
      summary: 'Your provisioning requests',
      description:
        'Every provisioning request of the provider the API key (`Authorization: Bearer kpk_…`) belongs to, oldest first. `status` filters by the order line status (comma-separated, e.g. `received,preparing` for the work still to do).',
      security,
      middleware: [requireProvider()] as const,
      request: {
        query: z.object({
          status: z
            .string()
            .regex(/^(received|preparing|started|rejected)(,(received|preparing|started|rejected))*$/)
            .optional()
            .openapi({ example: 'received,preparing', description: 'comma-separated line statuses' }),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: {
          description: 'the requests',
          content: {
            'application/json': { schema: z.object({ requests: z.array(provisioningRequestSchema) }) },
          },
        },
        401: problem('no valid API key'),
        422: problem('a query parameter is invalid'),
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const statuses = query.status
        ? query.status.split(',').map((s) => lineStatusSchema.parse(s))
        : undefined;
      const requests = await listProvisioningRequests(c.get('ctx').db, {
        providerId: c.get('provider').providerId,
        statuses,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ requests: requests.map(provisioningRequestJson) }, 200);
    },
  );
}

/** One request of the key's provider; another provider's is 404. */
export function providerGetProvisioningRequestRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/provider/provisioning-requests/{id}',
      tags: ['provider'],
      summary: 'One provisioning request',
      description: "A request of the key's provider; a request of any other provider answers 404.",
      security,
      middleware: [requireProvider()] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: 'the request',
          content: { 'application/json': { schema: provisioningRequestSchema } },
        },
        401: problem('no valid API key'),
        404: problem('no such request of this provider'),
      },
    }),
    async (c) => {
      const view = await getProvisioningRequest(c.get('ctx').db, {
        requestId: c.req.valid('param').id,
        providerId: c.get('provider').providerId,
      });
      return c.json(provisioningRequestJson(view), 200);
    },
  );
}
