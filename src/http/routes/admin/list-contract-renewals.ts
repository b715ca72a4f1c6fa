// GET /api/admin/contracts/{id}/renewals: a contract's renewals (awaiting payment or paid), for recording a manual renewal's payment.
import { createRoute, z } from '@hono/zod-openapi';
import { getContractRow, listContractRenewals } from '../../../modules/contracts/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { contractRenewalsSchema, renewalViewJson } from '../mypage/renewal-schemas.js';
import { problem } from './admin-schemas.js';

/** The route (anyone who may read contracts). */
export function adminListContractRenewalsRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/contracts/{id}/renewals',
      tags: ['admin'],
      summary: "A contract's renewals, newest term first",
      middleware: [requirePermission('contracts.read')] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: 'the renewals not cancelled',
          content: { 'application/json': { schema: z.object({ renewals: contractRenewalsSchema }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such contract'),
      },
    }),
    async (c) => {
      const db = c.get('ctx').db;
      const row = await getContractRow(db, { contractId: c.req.valid('param').id });
      return c.json({ renewals: (await listContractRenewals(db, row.id)).map(renewalViewJson) }, 200);
    },
  );
}
