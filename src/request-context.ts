// Who is asking, for the audit log: the request's id, address and browser, carried through async calls.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestOrigin {
  requestId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestOrigin>();

/**
 * Runs `work` with `origin` as the current request. The HTTP layer wraps every request in it, so each
 * audit entry written while serving the request records the address and browser without every route and
 * service passing them along (and a new route cannot forget to).
 */
export function runInRequest<T>(origin: RequestOrigin, work: () => T): T {
  return storage.run(origin, work);
}

/** The request being served, or null in jobs and on the command line. */
export function currentRequest(): RequestOrigin | null {
  return storage.getStore() ?? null;
}
