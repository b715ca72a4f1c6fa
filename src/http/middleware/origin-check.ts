// Refuses state-changing API requests whose Origin is not the store's own: the session cookie must not ride on another site's form.
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/errors.js';
import { problemResponse } from '../problem.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requires `Origin` to be one of `trustedOrigins` on every non-safe request under `/api`. */
export function originCheck(trustedOrigins: string[]): MiddlewareHandler {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    if (safeMethods.has(c.req.method) || !c.req.path.startsWith('/api/')) return next();
    // The provider API authenticates each request by a bearer key and reads no cookie, so a browser on
    // another site has nothing to ride on; provider systems send no Origin at all.
    if (c.req.path.startsWith('/api/provider/')) return next();
    // The licence API is asked by desktop products with the licence's own number and key in the body and
    // reads no cookie either.
    if (c.req.path.startsWith('/api/license/')) return next();
    const origin = c.req.header('origin');
    if (origin && trusted.has(origin)) return next();
    return problemResponse(
      c,
      new AppError({
        code: 'untrusted_origin',
        status: 403,
        message: {
          ja: 'このリクエストはストアの画面から送られていないため受け付けられません。',
          en: "This request did not come from the store's own pages and was refused.",
        },
      }),
    );
  };
}
