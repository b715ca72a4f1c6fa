// GET /api/license/v1/keys and …/public-key: the store's Ed25519 public keys that verify signed licence answers offline.
import { createRoute, z } from '@hono/zod-openapi';
import { currentSigningKey, listPublishedKeys } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { publishedKeySchema } from './license-schemas.js';

/** Every published key with its id; a product picks the one named by an answer's `keyId`. */
export function listLicenceKeysRoute() {
  const router = createRouter();
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/api/license/v1/keys',
      tags: ['license'],
      summary: 'The public keys that verify signed licence answers',
      responses: {
        200: {
          description: 'the keys, oldest first',
          content: { 'application/json': { schema: z.object({ keys: z.array(publishedKeySchema) }) } },
        },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      // The first request on a new store makes the key, so there is always one to publish.
      await currentSigningKey(ctx.db, { secret: ctx.config.secret, now: ctx.clock.now() });
      return c.json({ keys: await listPublishedKeys(ctx.db, ctx.clock.now()) }, 200);
    },
  );
}

/** The current key alone, for products that embed one key at build time. */
export function getLicencePublicKeyRoute() {
  const router = createRouter();
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/api/license/v1/public-key',
      tags: ['license'],
      summary: 'The current public key that signs licence answers',
      responses: {
        200: {
          description: 'the current key',
          content: { 'application/json': { schema: publishedKeySchema } },
        },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { keyId } = await currentSigningKey(ctx.db, { secret: ctx.config.secret, now: ctx.clock.now() });
      const key = (await listPublishedKeys(ctx.db, ctx.clock.now())).find((k) => k.keyId === keyId)!;
      return c.json(key, 200);
    },
  );
}
