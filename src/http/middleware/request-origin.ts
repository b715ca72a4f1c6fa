// Puts the request's id, client address and user agent where the audit log finds them (src/request-context.ts).
import type { MiddlewareHandler } from 'hono';
import { runInRequest } from '../../request-context.js';
import { clientAddress } from '../client-address.js';

/** The user agent is cut to a length that is still useful and cannot bloat the audit log. */
const USER_AGENT_MAX = 512;

export function requestOrigin(trustProxy: boolean): MiddlewareHandler {
  return (c, next) =>
    runInRequest(
      {
        requestId: (c.get('requestId' as never) as string | undefined) ?? null,
        ipAddress: clientAddress(c, trustProxy),
        userAgent: c.req.header('user-agent')?.slice(0, USER_AGENT_MAX) ?? null,
      },
      next,
    );
}
