// POST /api/license/v1/validate: a desktop product asks at start-up whether it may run; the answer is signed so it can be kept and checked offline.
import { createRoute } from '@hono/zod-openapi';
import { normaliseRegistrationNumber } from '../../../domain/licences.js';
import { validateLicence } from '../../../modules/licensing/index.js';
import { clientAddress } from '../../client-address.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { validateLicenceBodySchema, validationResultSchema } from './license-schemas.js';

/** Always 200 for a well-formed request, whatever the verdict, so products parse one shape. */
export function validateLicenceRoute() {
  const router = createRouter();
  return router.openapi(
    createRoute({
      method: 'post',
      path: '/api/license/v1/validate',
      tags: ['license'],
      summary: 'Validate a licence at product start-up and activate the machine',
      description:
        "Answers with a stable `code` (valid, not_found, expired, renewal_unpaid, edition_expired_may_run, too_many_machines, suspended) and the same answer signed with the store's Ed25519 key. A wrong registration number and a wrong install key both answer `not_found`. See docs/licences.md.",
      request: {
        body: { required: true, content: { 'application/json': { schema: validateLicenceBodySchema } } },
      },
      responses: {
        200: {
          description: 'the verdict',
          content: { 'application/json': { schema: validationResultSchema } },
        },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      // Counted per number whether or not it exists, so a refusal tells nothing about the number.
      const account = normaliseRegistrationNumber(body.registrationNumber) ?? body.registrationNumber.trim();
      await limitRequest(c, 'licenceValidate', account);
      const { answer, signed } = await validateLicence(ctx.db, {
        ...body,
        now: ctx.clock.now(),
        secret: ctx.config.secret,
        ipAddress: clientAddress(c, ctx.config.trustProxy),
      });
      return c.json({ ...answer, signed }, 200);
    },
  );
}
