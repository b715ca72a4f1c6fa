// GET /api/mypage/me: the signed-in member's own profile.
import { createRoute, z } from '@hono/zod-openapi';
import {
  getMemberProfile,
  type MemberProfile,
  requireMemberId,
} from '../../../modules/identity/auth-index.js';
import { memberStatuses } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

export const memberProfileSchema = z
  .object({
    id: z.string().openapi({ example: 'mem_0196f0c4-5b8e-7c1a-9d2e-3f4a5b6c7d8e' }),
    loginId: z.string(),
    memberKind: z.enum(['corporate', 'individual']),
    name: z.string(),
    nameKana: z.string(),
    email: z.string(),
    companyName: z.string().nullable(),
    department: z.string().nullable(),
    postalCode: z.string(),
    prefecture: z.string(),
    city: z.string(),
    street: z.string(),
    building: z.string().nullable(),
    phone: z.string().openapi({ example: '+81312345678', description: 'E.164' }),
    secondFactorChannel: z.enum(['email', 'sms']).openapi({
      description: 'Where sign-in codes go: `email` to the email address, `sms` to the mobile number',
    }),
    mobilePhone: z.string().nullable(),
    marketingOptIn: z.boolean(),
    locale: z.enum(['ja', 'en']),
    status: z.enum(memberStatuses),
    termsVersion: z.string(),
    confirmedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MemberProfile');

/** A profile as the API shows it: timestamps as ISO strings. */
export function profileJson(profile: MemberProfile) {
  return {
    ...profile,
    confirmedAt: profile.confirmedAt?.toISOString() ?? null,
    createdAt: profile.createdAt.toISOString(),
  };
}

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
      return c.json(profileJson(await getMemberProfile(ctx.db, memberId)), 200);
    },
  );
}
