// DELETE /api/mypage/licences/{licenceId}/machines/{machineFingerprint}: the member frees a machine so the licence can be activated on another.
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { freeMemberMachine } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

/** Frees one machine of one of the member's licences; another member's licence is 404 like an unknown one. */
export function freeMyLicenceMachineRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'delete',
      path: '/api/mypage/licences/{licenceId}/machines/{machineFingerprint}',
      tags: ['mypage'],
      summary: 'Free a machine of my licence',
      request: {
        params: z.object({
          licenceId: z
            .string()
            .min(1)
            .max(100)
            .openapi({ param: { name: 'licenceId', in: 'path' } }),
          machineFingerprint: z
            .string()
            .min(1)
            .max(128)
            .openapi({ param: { name: 'machineFingerprint', in: 'path' } }),
        }),
      },
      responses: {
        204: { description: 'freed' },
        401: problem('not signed in'),
        404: problem('no such licence of this member, or no such machine on it'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const { licenceId, machineFingerprint } = c.req.valid('param');
      await freeMemberMachine(ctx.db, {
        memberId,
        licenceId,
        machineFingerprint,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
