// GET /api/mypage/me: the signed-in member's own profile.
import { createRoute, z } from '@hono/zod-openapi';
import { getMemberProfile, requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

export const memberProfileSchema = z
  .object({
    id: z.string().openapi({ example: 'mem_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    name: z.string(),
    nameKana: z.string(),
    email: z.string(),
    locale: z.enum(['ja', 'en']),
    status: z.enum(['unconfirmed', 'active']),
    confirmedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MemberProfile');

/** The profile of the session's member, never anyone else's. */
export function getMeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/me',
      tags: ['mypage'],
      summary: 'My profile',
      responses: {
        200: {
          description: 'the signed-in member',
          content: { 'application/json': { schema: memberProfileSchema } },
        },
        401: problem('not signed in'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const profile = await getMemberProfile(ctx.db, memberId);
      return c.json(
        {
          ...profile,
          confirmedAt: profile.confirmedAt?.toISOString() ?? null,
          createdAt: profile.createdAt.toISOString(),
        },
        200,
      );
    },
  );
}
