// POST /api/mypage/backup-codes/reveal: the member's backup codes, shown only after the password is entered again.
import { createRoute } from '@hono/zod-openapi';
import { requireMemberId, revealBackupCodes } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { backupCodeListSchema, passwordConfirmationSchema } from './backup-code-schemas.js';

/** Lists the codes with used flags, issuing ten the first time. */
export function revealBackupCodesRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/backup-codes/reveal',
      tags: ['mypage'],
      summary: 'Show my backup codes (password required)',
      request: {
        body: { required: true, content: { 'application/json': { schema: passwordConfirmationSchema } } },
      },
      responses: {
        200: {
          description: 'the codes, each with whether it was used',
          content: { 'application/json': { schema: backupCodeListSchema } },
        },
        401: problem('not signed in'),
        403: problem('wrong password'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const codes = await revealBackupCodes(ctx, {
        memberId,
        password: c.req.valid('json').password,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
      });
      c.header('cache-control', 'no-store');
      return c.json({ codes }, 200);
    },
  );
}
