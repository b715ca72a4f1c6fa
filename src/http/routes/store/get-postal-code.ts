// GET /api/postal-codes/{code}: the prefecture, city and town a postal code stands for, to fill in the address form.
import { createRoute, z } from '@hono/zod-openapi';
import { identityErrors } from '../../../modules/identity/auth-index.js';
import { lookupPostalCode, normalizePostalCode } from '../../../modules/identity/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from './identity-schemas.js';

const postalCodeAddressSchema = z
  .object({
    postalCode: z.string().openapi({ example: '100-0005' }),
    prefecture: z.string().openapi({ example: '東京都' }),
    city: z
      .string()
      .openapi({ example: '千代田区', description: 'Empty when the code covers several cities' }),
    town: z.string().openapi({ example: '丸の内', description: 'Empty when the code covers several towns' }),
  })
  .openapi('PostalCodeAddress');

/** The address parts a postal code fills in; 404 for a code Japan Post does not list. */
export function getPostalCodeRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/postal-codes/{code}',
      tags: ['members'],
      summary: 'Look up a postal code',
      request: {
        params: z.object({
          code: z
            .string()
            .max(20)
            .refine((value) => normalizePostalCode(value) !== null, {
              error: 'Enter the postal code as 123-4567.',
              params: { code: 'postal_code_format', ja: '郵便番号は「123-4567」の形式で入力してください。' },
            })
            .openapi({ param: { name: 'code', in: 'path' }, example: '100-0005' }),
        }),
      },
      responses: {
        200: {
          description: 'the places the code stands for',
          content: { 'application/json': { schema: postalCodeAddressSchema } },
        },
        404: problem('no such postal code'),
        422: problem('not seven digits'),
      },
    }),
    (c) => {
      const { code } = c.req.valid('param');
      const address = lookupPostalCode(code);
      if (!address) throw identityErrors.postalCodeNotFound();
      return c.json({ postalCode: normalizePostalCode(code) ?? code, ...address }, 200);
    },
  );
}
