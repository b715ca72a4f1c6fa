// Makes a POST happen once per Idempotency-Key: a double click, a reload or a retry gets the first answer.
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  idempotencyErrors,
  releaseIdempotencyKey,
} from '../../modules/idempotency/index.js';
import { afterInputGuard } from '../input-text-guard.js';
import type { AppEnv } from '../openapi-app.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `scopeOf` names whose keys these are (e.g. `member:mem_…`) and may throw, e.g. `not_signed_in`. The key
 * is required: the routes that use this create orders or payments, where a missing key is a client bug.
 * Answers below 500 are stored and replayed with `Idempotent-Replayed: true`; a 5xx or a thrown error
 * releases the key so the retry runs again.
 */
export function idempotent(
  scopeOf: (c: Context<AppEnv>) => Promise<string> | string,
): MiddlewareHandler<AppEnv> {
  // It claims the key in the database, so hostile text must be refused before it runs.
  return afterInputGuard(async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || !KEY_PATTERN.test(key)) throw idempotencyErrors.keyMissing();
    const scope = await scopeOf(c);
    const ctx = c.get('ctx');
    const body = await c.req.text();
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
    const claim = await claimIdempotencyKey(ctx.db, { scope, key, fingerprint, now: ctx.clock.now() });
    if (claim.kind === 'replay') {
      return c.body(claim.response.body, claim.response.status as ContentfulStatusCode, {
        'content-type': claim.response.contentType,
        'idempotent-replayed': 'true',
      });
    }
    try {
      await next();
    } catch (error) {
      await releaseIdempotencyKey(ctx.db, { scope, key, now: ctx.clock.now() });
      throw error;
    }
    // Hono turns errors thrown by the handler into a response before this point, so look at the status.
    if (c.res.status >= 500) {
      await releaseIdempotencyKey(ctx.db, { scope, key, now: ctx.clock.now() });
      return;
    }
    await completeIdempotencyKey(ctx.db, {
      scope,
      key,
      now: ctx.clock.now(),
      response: {
        status: c.res.status,
        contentType: c.res.headers.get('content-type') ?? 'application/json',
        body: await c.res.clone().text(),
      },
    });
  });
}
