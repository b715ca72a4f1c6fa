// POST /api/license/v1/machines: a product activates its machine on a licence, authenticated by the licence's number and install key.
import { createRoute, z } from '@hono/zod-openapi';
import { activateMachineByKey } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { licenceCredentials } from './licence-basic-auth.js';

const bodySchema = z
  .object({
    machineFingerprint: z.string().min(1).max(128).openapi({ example: 'b1946ac92492d2347c6235b4d2611184' }),
    productVersion: z.string().min(1).max(32).openapi({ example: '2026.1.0' }),
  })
  .openapi('LicenceMachineActivationRequest');

const resultSchema = z
  .object({
    registrationNumber: z.string(),
    machineFingerprint: z.string(),
    activation: z.enum(['activated', 'seen']),
    machinesInUse: z.number().int(),
    machineLimit: z.number().int(),
  })
  .openapi('LicenceMachineActivation');

/** Takes a slot of the licence's machine limit (a catalog product setting); at the limit, 409 `too_many_machines`. */
export function activateLicenceMachineRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/license/v1/machines',
      tags: ['license'],
      summary: 'Activate this machine on a licence',
      description:
        'Authenticated with `Authorization: Basic` of `registrationNumber:installKey`. A machine already activated answers `seen`. See docs/licences.md.',
      request: { body: { required: true, content: { 'application/json': { schema: bodySchema } } } },
      responses: {
        200: { description: 'activated', content: { 'application/json': { schema: resultSchema } } },
        409: problem('`too_many_machines`: every slot is taken; free one on My Page or with DELETE'),
        422: problem('`licence_pair_invalid`: the number or the key is wrong (never said which)'),
        429: problem('too many requests from this address or for this number'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const pair = await licenceCredentials(c);
      const result = await activateMachineByKey(ctx.db, {
        ...pair,
        ...c.req.valid('json'),
        now: ctx.clock.now(),
      });
      return c.json(result, 200);
    },
  );
}
