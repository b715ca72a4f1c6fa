// What the member and the operator better-auth instances share: our prefixed ids and our logger.

import { newId } from '../../domain/ids.js';
import type { Logger } from '../../logger.js';

/** Ids for better-auth's rows, so the user row's id is the person's own `mem_…` or `opr_…` id. */
export function betterAuthIdFor(userKind: 'member' | 'operator'): (model: string) => string {
  return (model) => {
    if (model === 'user') return newId(userKind);
    if (model === 'session') return newId('session');
    if (model === 'account') return newId('account');
    if (model === 'twoFactor') return newId('twoFactor');
    return newId('verification');
  };
}

/** better-auth's log lines through our pino logger, tagged with the instance. */
export function betterAuthLogger(logger: Logger, component: string) {
  return {
    log: (level: string, message: string) => {
      if (level === 'error') logger.error({ component }, message);
      else if (level === 'warn') logger.warn({ component }, message);
      else logger.debug({ component }, message);
    },
  };
}
