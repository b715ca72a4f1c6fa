// The address a request came from, for per-client limits: the socket's peer, or the proxy's word when trusted.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * With `TRUST_PROXY` the first `X-Forwarded-For` entry wins, so the proxy in front must overwrite that
 * header rather than append to one the client sent. Without it the header is ignored, because anyone
 * can send it. Null when neither is known (a request made in-process, without a socket).
 */
export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // app.request() in tests and other in-process callers carry no Node socket.
    return null;
  }
}
