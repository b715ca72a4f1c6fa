// GET /api/session: who is signed in, answered 200 to guests too, so pages that only ask cause no 401.
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../domain/errors.js';
import { getMemberProfile, requireMemberId } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { memberProfileSchema, profileJson } from '../mypage/get-me.js';

/** The session's member, or `member: null` for a guest (no session, or one that timed out). */
export function getSessionRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags: ['members'],
      summary: 'Who is signed in (null for a guest)',
      responses: {
        200: {
          description: 'the signed-in member, or null',
          content: {
            'application/json': { schema: z.object({ member: memberProfileSchema.nullable() }) },
          },
        },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      let memberId: string;
      try {
        memberId = await requireMemberId(ctx, c.req.raw.headers);
      } catch (error) {
        // Every "not signed in" answer (none, expired, idle) means a guest here; anything else is real.
        if (error instanceof AppError && error.status === 401) return c.json({ member: null }, 200);
        throw error;
      }
      return c.json({ member: profileJson(await getMemberProfile(ctx.db, memberId)) }, 200);
    },
  );
}
