// GET /api/mypage/licences: the member's software licences (ライセンス) with validity and activated machines.
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { listMemberLicences } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { memberLicenceJson, memberLicenceSchema } from './licence-schemas.js';

/** The signed-in member's licences, by registration number. */
export function listMyLicencesRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/licences',
      tags: ['mypage'],
      summary: 'My software licences',
      responses: {
        200: {
          description: 'the licences',
          content: { 'application/json': { schema: z.object({ licences: z.array(memberLicenceSchema) }) } },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const licences = await listMemberLicences(ctx.db, memberId);
      return c.json({ licences: licences.map(memberLicenceJson) }, 200);
    },
  );
}
