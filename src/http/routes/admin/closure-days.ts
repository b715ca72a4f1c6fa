// GET, POST and DELETE /api/admin/closure-days: the store's own closure days, each change audited.
import { createRoute, z } from '@hono/zod-openapi';
import { addClosureDay, listClosureDays, removeClosureDay } from '../../../modules/store/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { closureDaySchema, operatorActor, problem } from './admin-schemas.js';

/** Every closure day, oldest first. */
export function adminListClosureDaysRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/closure-days',
      tags: ['admin'],
      summary: "The store's closure days",
      middleware: [requirePermission('closure_days.read')] as const,
      responses: {
        200: {
          description: 'oldest first',
          content: { 'application/json': { schema: z.object({ days: z.array(closureDaySchema) }) } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => c.json({ days: await listClosureDays(c.get('ctx').db) }, 200),
  );
}

/** Closes the store on a day; closing a closed day again only changes its reason. */
export function adminAddClosureDayRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/closure-days',
      tags: ['admin'],
      summary: 'Close the store on a day',
      middleware: [requirePermission('closure_days.update')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  day: z.string().openapi({ example: '2026-08-13' }),
                  reason: z.string().max(200).optional(),
                })
                .openapi('ClosureDayInput'),
            },
          },
        },
      },
      responses: {
        201: {
          description: 'the closure day',
          content: { 'application/json': { schema: closureDaySchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        422: problem('not a date'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const day = await addClosureDay(ctx.db, {
        day: body.day,
        ...(body.reason === undefined ? {} : { reason: body.reason }),
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(day, 201);
    },
  );
}

/** Opens the store again on a day. */
export function adminRemoveClosureDayRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/closure-days/{day}',
      tags: ['admin'],
      summary: 'Open the store again on a day',
      middleware: [requirePermission('closure_days.update')] as const,
      request: { params: z.object({ day: z.string().openapi({ example: '2026-08-13' }) }) },
      responses: {
        204: { description: 'the day is a business day again (unless a weekend or holiday)' },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('the store is not closed on that day'),
        422: problem('not a date'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      await removeClosureDay(ctx.db, {
        day: c.req.valid('param').day,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.body(null, 204);
    },
  );
}
