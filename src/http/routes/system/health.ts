// Liveness, readiness and Prometheus metrics, for load balancers and monitoring.
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Registry } from 'prom-client';
import { metricsRefusal } from '../../metrics-access.js';
import { createRouter } from '../../openapi-app.js';
import { problemResponse } from '../../problem.js';

const healthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
const readySchema = z
  .object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['pglite', 'postgres']) })
  .openapi('Readiness');

/** `/healthz` (the process answers), `/readyz` (the database answers), `/metrics` (token or loopback). */
export function healthRoutes(metrics: Registry) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['system'],
      summary: 'The process is alive',
      responses: { 200: { description: 'alive', content: { 'application/json': { schema: healthSchema } } } },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  router.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['system'],
      summary: 'The database answers, so this node can take traffic',
      responses: {
        200: { description: 'ready', content: { 'application/json': { schema: readySchema } } },
        503: { description: 'not ready', content: { 'application/json': { schema: readySchema } } },
      },
    }),
    async (c) => {
      const { database } = c.get('ctx');
      try {
        await database.db.execute(sql`select 1`);
        return c.json({ status: 'ready' as const, database: database.kind }, 200);
      } catch {
        return c.json({ status: 'unavailable' as const, database: database.kind }, 503);
      }
    },
  );
  router.get('/metrics', async (c) => {
    const refusal = metricsRefusal(c);
    if (refusal) {
      const response = problemResponse(c, refusal);
      if (refusal.status === 401) response.headers.set('www-authenticate', 'Bearer');
      return response;
    }
    return c.body(await metrics.metrics(), 200, { 'content-type': metrics.contentType });
  });
  return router;
}
