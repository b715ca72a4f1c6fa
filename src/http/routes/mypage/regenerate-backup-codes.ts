// POST /api/mypage/backup-codes/regenerate: ten new backup codes replace all old ones (password required).
import { createRoute } from '@hono/zod-openapi';
import { regenerateBackupCodes, requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { backupCodeListSchema, passwordConfirmationSchema } from './backup-code-schemas.js';

/** Replaces every code; the old ones stop working at once. */
export function regenerateBackupCodesRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/backup-codes/regenerate',
      tags: ['mypage'],
      summary: 'Replace my backup codes (password required)',
      request: {
        body: { required: true, content: { 'application/json': { schema: passwordConfirmationSchema } } },
      },
      responses: {
        200: {
          description: 'the new codes',
          content: { 'application/json': { schema: backupCodeListSchema } },
        },
        401: problem('not signed in'),
        403: problem('wrong password'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const codes = await regenerateBackupCodes(ctx, {
        memberId,
        password: c.req.valid('json').password,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
      });
      c.header('cache-control', 'no-store');
      return c.json({ codes }, 200);
    },
  );
}
