// One JSON log line per request, with the request id, and metrics for Prometheus.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Histogram } from 'prom-client';
import type { Logger } from '../../logger.js';

/** Logs method, path, status and duration; the query string is left out because it may hold tokens. */
export function accessLog(
  logger: Logger,
  durations: Histogram<'method' | 'route' | 'status'>,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c) || 'unmatched';
    durations.labels(c.req.method, route, String(c.res.status)).observe(seconds);
    logger.info(
      {
        requestId: c.get('requestId' as never),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  };
}
