// POST /api/members: a new member registers and is sent a confirmation link.
import { createRoute, z } from '@hono/zod-openapi';
import { registerMember } from '../../../modules/identity/auth-index.js';
import { createRouter } from '../../openapi-app.js';
import { preferredLocale } from '../../problem.js';
import { loginIdSchema, problem } from './identity-schemas.js';

const registrationSchema = z
  .object({
    loginId: loginIdSchema,
    password: z.string().min(1).max(1024).openapi({ example: 'Kei-yaku2026!' }),
    name: z.string().trim().min(1).max(100).openapi({ example: '山田 花子' }),
    nameKana: z.string().trim().min(1).max(100).openapi({ example: 'ヤマダ ハナコ' }),
    email: z.email().max(254).openapi({ example: 'hanako@example.jp' }),
    termsVersion: z.string().min(1).max(40).openapi({ example: '2026-04-01' }),
  })
  .openapi('MemberRegistration');

const registeredSchema = z
  .object({ memberId: z.string(), loginId: z.string(), status: z.literal('unconfirmed') })
  .openapi('RegisteredMember');

/** Registration: the member exists unconfirmed until the mailed link is opened. */
export function registerMemberRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/members',
      tags: ['members'],
      summary: 'Register as a member',
      request: { body: { required: true, content: { 'application/json': { schema: registrationSchema } } } },
      responses: {
        201: {
          description: 'registered; a confirmation mail is on its way',
          content: { 'application/json': { schema: registeredSchema } },
        },
        409: problem('the login ID is taken (case does not matter)'),
        422: problem('a field is invalid, e.g. a weak password'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const registered = await registerMember(ctx.db, {
        ...body,
        locale: preferredLocale(c.req.header('accept-language')),
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(registered, 201);
    },
  );
}
