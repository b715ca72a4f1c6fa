// The store's session timeouts as the session check needs them: how long idle, how long at most.
import type { DbOrTx } from '../../db/client.js';
import { getStoreSettings } from '../store/index.js';

export interface SessionPolicy {
  /** A session with no request for this many minutes has ended. */
  idleMinutes: number;
  /** A session this many hours after its sign-in has ended, however busy. */
  absoluteHours: number;
}

/**
 * better-auth's own lifetime of a member session, in seconds: the longest absolute timeout the store
 * settings allow (168 hours), so the store's setting, checked per request, is always the one that bites.
 */
export const MEMBER_SESSION_CEILING_SECONDS = 168 * 3600;

/** Reads the session timeouts from the store's settings row (per request: an operator's change applies at once). */
export async function loadSessionPolicy(db: DbOrTx): Promise<SessionPolicy> {
  const settings = await getStoreSettings(db);
  return { idleMinutes: settings.sessionIdleMinutes, absoluteHours: settings.sessionAbsoluteHours };
}
