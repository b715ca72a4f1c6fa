// GET and POST /api/admin/test-clock: the store clock of a rehearsal (KEIYAKU_TEST_CLOCK=1); 404 when the store runs without it.
import { createRoute, z } from '@hono/zod-openapi';
import { getTestClock, moveTestClock } from '../../../flows/move-test-clock.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const testClockSchema = z
  .object({
    now: z.string().openapi({ description: "the store's time", example: '2027-04-01T00:00:00Z' }),
    offsetMs: z.number().int().openapi({ description: 'how far the store is ahead of the system clock' }),
    refreshMs: z.number().int().openapi({ description: 'other nodes see a move within this time' }),
  })
  .openapi('TestClock');

const testClockMoveSchema = z
  .object({
    from: z.string(),
    now: z.string(),
    offsetMs: z.number().int(),
    sweeps: z.array(z.object({ name: z.string(), count: z.number().int() })).openapi({
      description: 'every registered sweep, in the order run, with how much each did',
    }),
    dispatched: z.number().int().nullable().openapi({
      description: 'outbox messages handed to delivery; null on a node without a worker',
    }),
  })
  .openapi('TestClockMove');

/** The store's time while rehearsing. */
export function adminGetTestClockRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/test-clock',
      tags: ['admin'],
      summary: "The rehearsal store clock's time",
      middleware: [requirePermission('test_clock.read')] as const,
      responses: {
        200: { description: 'the clock', content: { 'application/json': { schema: testClockSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('the store runs without KEIYAKU_TEST_CLOCK=1'),
      },
    }),
    (c) => {
      const state = getTestClock(c.get('ctx'));
      return c.json({ now: state.now.toString(), offsetMs: state.offsetMs, refreshMs: state.refreshMs }, 200);
    },
  );
}

/** Moves the store's time forward and runs everything due by then before answering. */
export function adminMoveTestClockRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/test-clock',
      tags: ['admin'],
      summary: 'Move the rehearsal store clock forward',
      middleware: [requirePermission('test_clock.move')] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({ to: z.string().max(64).openapi({ example: '2027-04-01T09:00:00+09:00' }) })
                .openapi('TestClockInput'),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'the clock moved; every sweep ran',
          content: { 'application/json': { schema: testClockMoveSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('the store runs without KEIYAKU_TEST_CLOCK=1'),
        409: problem('test_clock_backwards: the time is behind the store clock'),
        422: problem('invalid_instant: not a date and time with an offset'),
      },
    }),
    async (c) => {
      const move = await moveTestClock(c.get('ctx'), { to: c.req.valid('json').to, actor: operatorActor(c) });
      return c.json(
        {
          from: move.from.toString(),
          now: move.now.toString(),
          offsetMs: move.offsetMs,
          sweeps: move.sweeps,
          dispatched: move.dispatched,
        },
        200,
      );
    },
  );
}
