// PATCH /api/mypage/profile: the signed-in member changes their own profile (not the login ID, not the email).
import { createRoute, z } from '@hono/zod-openapi';
import { requireMemberId, updateMemberProfile } from '../../../modules/identity/auth-index.js';
import { memberTextLimits as limits } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { memberProfileSchema, profileJson } from './get-me.js';

// The shape and the module's text limits are checked here; the module applies the registration rules to each field given.
const profilePatchSchema = z
  .object({
    memberKind: z.enum(['corporate', 'individual']).optional(),
    name: z.string().max(limits.name).optional(),
    nameKana: z.string().max(limits.nameKana).optional(),
    companyName: z.string().max(limits.companyName).nullish(),
    department: z.string().max(limits.department).nullish(),
    postalCode: z.string().max(100).optional(),
    prefecture: z.string().max(100).optional(),
    city: z.string().max(limits.city).optional(),
    street: z.string().max(limits.street).optional(),
    building: z.string().max(limits.building).nullish(),
    phone: z.string().max(100).optional(),
    secondFactorChannel: z.enum(['email', 'sms']).optional().openapi({
      description: 'Where sign-in codes go from the next sign-in on; `sms` needs a mobile number',
    }),
    mobilePhone: z.string().max(100).nullish(),
    marketingOptIn: z.boolean().optional(),
    currentPassword: z
      .string()
      .max(1024)
      .optional()
      .openapi({ description: 'Required when the patch changes the phone, the mobile phone or the channel' }),
  })
  .openapi('MemberProfilePatch');

/** Changes the fields given; each change is audited with its value before and after. */
export function updateProfileRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'patch',
      path: '/api/mypage/profile',
      tags: ['mypage'],
      summary: 'Change my profile',
      request: { body: { required: true, content: { 'application/json': { schema: profilePatchSchema } } } },
      responses: {
        200: {
          description: 'the profile after the change',
          content: { 'application/json': { schema: memberProfileSchema } },
        },
        401: problem('not signed in'),
        403: problem('the current password is wrong'),
        422: problem('a field is invalid, or the current password is missing'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const profile = await updateMemberProfile(ctx.db, {
        memberId,
        patch: c.req.valid('json'),
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(profileJson(profile), 200);
    },
  );
}
