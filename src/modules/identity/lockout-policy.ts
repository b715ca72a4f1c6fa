// The store's lockout setting as the sign-in steps need it: how many failures, and how a lock lifts.
import type { DbOrTx } from '../../db/client.js';
import { getStoreSettings } from '../store/index.js';

export interface LockoutPolicy {
  threshold: number;
  mode: 'auto' | 'operator';
  /** Minutes until an `auto` lock lifts; an `operator` lock ignores it. */
  minutes: number;
}

/** Reads the lockout setting from the store's settings row. */
export async function loadLockoutPolicy(db: DbOrTx): Promise<LockoutPolicy> {
  const settings = await getStoreSettings(db);
  return {
    threshold: settings.lockoutThreshold,
    mode: settings.lockoutMode,
    minutes: settings.lockoutMinutes,
  };
}
