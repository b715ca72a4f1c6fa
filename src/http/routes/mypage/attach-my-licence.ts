// POST /api/mypage/licences: the member attaches a packaged product with its 製品登録番号 and インストールキー.
import { createRoute } from '@hono/zod-openapi';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { attachLicence, getMemberLicence } from '../../../modules/licensing/index.js';
import { createRouter } from '../../openapi-app.js';
import { limitRequest } from '../../rate-limit.js';
import { problem } from '../store/identity-schemas.js';
import { attachLicenceBodySchema, memberLicenceJson, memberLicenceSchema } from './licence-schemas.js';

/** Attaches the licence; a wrong pair never says which half was wrong, and tries are rate-limited. */
export function attachMyLicenceRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/api/mypage/licences',
      tags: ['mypage'],
      summary: 'Attach a licence with its registration number and install key',
      request: {
        body: { required: true, content: { 'application/json': { schema: attachLicenceBodySchema } } },
      },
      responses: {
        200: {
          description: 'attached (or already mine)',
          content: { 'application/json': { schema: memberLicenceSchema } },
        },
        401: problem('not signed in'),
        409: problem('`licence_held_by_another_member`: another member holds it; the store is told'),
        422: problem('`licence_pair_invalid`: the number or the key is wrong (never said which)'),
        429: problem('too many tries from this member or this address; `Retry-After` says when'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      await limitRequest(c, 'licenceAttach', memberId);
      const body = c.req.valid('json');
      const { licenceId } = await attachLicence(ctx.db, {
        memberId,
        ...body,
        actor: { kind: 'member', id: memberId, requestId: c.get('requestId') },
        now: ctx.clock.now(),
      });
      const licence = (await getMemberLicence(ctx.db, { memberId, licenceId }))!;
      return c.json(memberLicenceJson(licence), 200);
    },
  );
}
