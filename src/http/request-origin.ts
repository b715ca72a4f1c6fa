// Where a request came from, for the audit log: its request id, client address and user agent.
import type { Context } from 'hono';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './openapi-app.js';

export interface RequestOrigin {
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
}

/** The audit fields of an actor acting through this request. */
export function requestOrigin<E extends AppEnv>(c: Context<E>): RequestOrigin {
  const ctx = c.get('ctx');
  return {
    requestId: c.get('requestId'),
    ipAddress: clientAddress(c, ctx.config.trustProxy),
    userAgent: c.req.header('user-agent') ?? null,
  };
}
