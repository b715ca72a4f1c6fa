// Console routes of software licences: revoke and reissue an install key (shown once).
import { createRoute, z } from '@hono/zod-openapi';
import { reissueInstallKey } from '../../../modules/licensing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

/** POST /api/admin/licences/{id}/install-key: the old key stops working; the new one is in this answer only. */
export function adminReissueInstallKeyRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/licences/{id}/install-key',
      tags: ['admin'],
      summary: 'Revoke the install key and issue a new one (インストールキーの再発行)',
      middleware: [requirePermission('licences.manage')] as const,
      request: {
        params: z.object({ id: z.string().max(60) }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ reason: z.string().trim().max(500).nullable().default(null) }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the new key, shown once: it is not stored and cannot be shown again',
          content: {
            'application/json': {
              schema: z
                .object({ registrationNumber: z.string(), installKey: z.string() })
                .openapi('ReissuedInstallKey'),
            },
          },
        },
        404: problem('no such licence'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const issued = await reissueInstallKey(ctx.db, {
        licenceId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      // The answer carries a secret: never cached by anything between.
      c.header('cache-control', 'no-store');
      return c.json(issued, 200);
    },
  );
}
