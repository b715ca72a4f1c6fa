// POST /api/admin/licences/signing-keys/rotate: the owner replaces the key that signs licence answers; the old public key stays published until its answers expire.
import { createRoute, z } from '@hono/zod-openapi';
import { rotateSigningKey } from '../../../modules/licensing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const rotatedSchema = z
  .object({ retiredKeyId: z.string().nullable(), currentKeyId: z.string() })
  .openapi('RotatedLicenceSigningKey');

/** The route (owner only). */
export function adminRotateLicenceSigningKeyRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/licences/signing-keys/rotate',
      tags: ['admin'],
      summary: 'Rotate the licence signing key (署名鍵の更新)',
      middleware: [requirePermission('licences.rotate_signing_key')] as const,
      responses: {
        200: { description: 'rotated', content: { 'application/json': { schema: rotatedSchema } } },
        403: problem('not the owner'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const rotated = await rotateSigningKey(ctx.db, {
        secret: ctx.config.secret,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(rotated, 200);
    },
  );
}
