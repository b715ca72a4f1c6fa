// DELETE /api/license/v1/machines/{machineFingerprint}: a product frees its machine (uninstall, replacement), authenticated by the licence's number and install key.
import { createRoute, z } from '@hono/zod-openapi';
import { freeMachineByKey } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { licenceCredentials } from './licence-basic-auth.js';

/** Frees the machine's slot so another machine may be activated. */
export function freeLicenceMachineRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/license/v1/machines/{machineFingerprint}',
      tags: ['license'],
      summary: 'Free this machine of a licence',
      description: 'Authenticated with `Authorization: Basic` of `registrationNumber:installKey`.',
      request: {
        params: z.object({
          machineFingerprint: z
            .string()
            .min(1)
            .max(128)
            .openapi({ param: { name: 'machineFingerprint', in: 'path' } }),
        }),
      },
      responses: {
        204: { description: 'freed' },
        404: problem('`licence_machine_not_found`: the machine is not activated on this licence'),
        422: problem('`licence_pair_invalid`: the number or the key is wrong (never said which)'),
        429: problem('too many requests from this address or for this number'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const pair = await licenceCredentials(c);
      await freeMachineByKey(ctx.db, {
        ...pair,
        machineFingerprint: c.req.valid('param').machineFingerprint,
        actor: { kind: 'system', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
