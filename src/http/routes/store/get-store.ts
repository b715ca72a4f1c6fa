// GET /api/store: the store's public identity for the storefront header, footer and contact page.
import { createRoute, z } from '@hono/zod-openapi';
import { passwordPolicyPresets } from '../../../domain/forms/password-policy.js';
import { getStoreSettings } from '../../../modules/store/index.js';
import { createRouter } from '../../openapi-app.js';
import { DEV_MAIL_PATH, mayReadDevMail } from '../system/dev-mail.js';

export const publicStoreSchema = z
  .object({
    name: z.string().openapi({ example: 'keiyaku デモストア' }),
    issuerName: z.string().openapi({ example: '株式会社けいやくデモ' }),
    registrationNumber: z.string().nullable().openapi({ example: 'T6012345678901' }),
    postalCode: z.string().openapi({ example: '100-0005' }),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    businessHours: z.string(),
    testClock: z.boolean().openapi({
      description: 'the store runs on the rehearsal clock (KEIYAKU_TEST_CLOCK=1): not for real customers',
    }),
    passwordPolicy: z.enum(passwordPolicyPresets).openapi({
      description:
        'The password policy preset a new password must meet on registration, reset and change (domain/forms/password-policy), so forms check before submitting',
    }),
    devMailUrl: z.string().nullable().openapi({
      description:
        'The development mail viewer, when mail stays in the dev mailbox and this client may open it (loopback only); null otherwise',
      example: '/dev/mail',
    }),
  })
  .openapi('PublicStore');

/** The storefront's read of the store settings: identity and contact, nothing internal. */
export function getStoreRoute() {
  const router = createRouter();
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/api/store',
      tags: ['store'],
      summary: "The store's name and contact",
      responses: {
        200: { description: 'the store', content: { 'application/json': { schema: publicStoreSchema } } },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const settings = await getStoreSettings(ctx.db);
      return c.json(
        {
          name: settings.name,
          issuerName: settings.issuerName,
          registrationNumber: settings.registrationNumber,
          postalCode: settings.postalCode,
          address: settings.address,
          phone: settings.phone,
          email: settings.email,
          businessHours: settings.businessHours,
          testClock: ctx.config.testClock,
          passwordPolicy: settings.passwordPolicy,
          devMailUrl: mayReadDevMail(c) ? DEV_MAIL_PATH : null,
        },
        200,
      );
    },
  );
}
