// POST /api/members: a new member registers with the full form and is sent a confirmation link.
import { createRoute, z } from '@hono/zod-openapi';
import { registerMemberWithLicence } from '../../../flows/register-member-with-licence.js';
import { LOGIN_ID_MAX_LENGTH, memberTextLimits as limits } from '../../../modules/identity/index.js';
import { clientAddress } from '../../client-address.js';
import { createRouter } from '../../openapi-app.js';
import { preferredLocale } from '../../problem.js';
import { emailKey, limitRequest } from '../../rate-limit.js';
import { problem } from './identity-schemas.js';

// The shape and the module's text limits are checked here; `parseRegistration` applies every other rule and
// answers all failing fields at once.
const registrationSchema = z
  .object({
    memberKind: z.enum(['corporate', 'individual']).openapi({ example: 'individual' }),
    loginId: z.string().max(LOGIN_ID_MAX_LENGTH).openapi({ example: 'hanako.yamada' }),
    password: z.string().max(1024).openapi({
      example: 'Kei-yaku2026!',
      description:
        'The store policy applies (10+ characters with digits, upper, lower and symbols); it may not contain the login ID',
    }),
    name: z.string().max(limits.name).openapi({ example: '山田 花子' }),
    nameKana: z
      .string()
      .max(limits.nameKana)
      .openapi({ example: 'やまだ はなこ', description: 'Katakana or hiragana; stored as katakana' }),
    email: z.string().max(limits.email).openapi({ example: 'hanako@example.jp' }),
    companyName: z
      .string()
      .max(limits.companyName)
      .nullish()
      .openapi({ description: 'Required for corporate members' }),
    department: z.string().max(limits.department).nullish(),
    postalCode: z.string().max(100).openapi({ example: '100-0005' }),
    prefecture: z.string().max(100).openapi({ example: '東京都' }),
    city: z.string().max(limits.city).openapi({ example: '千代田区' }),
    street: z.string().max(limits.street).openapi({ example: '丸の内1-1-1' }),
    building: z.string().max(limits.building).nullish(),
    phone: z.string().max(100).openapi({ example: '03-1234-5678', description: 'Stored in E.164' }),
    secondFactorChannel: z.enum(['email', 'sms']).openapi({
      description:
        'Where sign-in codes go: `email` to the email address, `sms` to the mobile number (which `sms` requires)',
    }),
    mobilePhone: z
      .string()
      .max(100)
      .nullish()
      .openapi({ example: '090-1234-5678', description: 'A Japanese mobile number; required with `sms`' }),
    marketingOptIn: z.boolean(),
    termsVersion: z.string().max(limits.documentVersion).openapi({
      example: '2026-04-01',
      description: 'Must be the current version from GET /api/terms/current',
    }),
    privacyPolicyVersion: z.string().max(limits.documentVersion).openapi({ example: '2026-04-01' }),
    registrationNumber: z.string().max(32).nullish().openapi({
      example: '1234-5678-9012',
      description:
        '製品登録番号 of a packaged product (seed 004), optional; with `installKey` the new member holds that licence',
    }),
    installKey: z.string().max(64).nullish().openapi({
      example: 'K7QX2-MHT4P-9RWZD-C3N8F-VB6YE',
      description: 'インストールキー, with `registrationNumber`',
    }),
  })
  .openapi('MemberRegistration');

const registeredSchema = z
  .object({
    memberId: z.string(),
    loginId: z.string(),
    status: z.literal('unconfirmed'),
    licenceAttached: z.boolean(),
  })
  .openapi('RegisteredMember');

/** Registration: the member exists unconfirmed until the mailed link is opened; both consents are recorded with the client's address. */
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
        409: problem(
          "the login ID is taken (case does not matter), or `licence_held_by_another_member`: the licence typed is another member's",
        ),
        422: problem(
          'fields are invalid (each listed): a weak password, one containing the login ID, an outdated consent (`consent_outdated`), `licence_pair_invalid` (the registration number or install key is wrong, never said which) …',
        ),
        503: problem('no terms of use or privacy policy is published'),
        429: problem(
          'too many requests from this address or for this account; `Retry-After` says when to retry',
        ),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { registrationNumber, installKey, ...registration } = c.req.valid('json');
      await limitRequest(c, 'registration', emailKey(registration.email));
      const number = registrationNumber?.trim() ?? '';
      const key = installKey?.trim() ?? '';
      // One half alone is a wrong pair too, answered the same way; tries count like My Page's.
      if (number || key) await limitRequest(c, 'licenceAttach', `email:${emailKey(registration.email)}`);
      const registered = await registerMemberWithLicence(ctx.db, {
        registration,
        licence: number || key ? { registrationNumber: number, installKey: key } : null,
        ipAddress: clientAddress(c, ctx.config.trustProxy),
        locale: preferredLocale(c.req.header('accept-language')),
        actor: { kind: 'member', id: null, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      return c.json(registered, 201);
    },
  );
}
