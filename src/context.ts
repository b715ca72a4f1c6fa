// What every route, flow runner and job handler is given: configuration, clock, database, logger, mail, SMS, a host resolver, withdrawal blockers, jobs.
import type { Config } from './config.js';
import type { DatabaseHandle, Db } from './db/client.js';
import type { Clock } from './domain/clock.js';
import type { Logger } from './logger.js';
import type { WithdrawalBlockerRegistry } from './modules/identity/index.js';
import type { HostResolver, MailTransport, SmsTransport } from './modules/notifications/index.js';

export interface AppContext {
  config: Config;
  clock: Clock;
  database: DatabaseHandle;
  db: Db;
  logger: Logger;
  mail: MailTransport;
  sms: SmsTransport;
  /** Resolves webhook hosts for the internal-address check at save and delivery; tests give a fixed table. */
  hostResolver: HostResolver;
  /** What may stop a member withdrawing; modules register their blockers when the node is wired. */
  withdrawalBlockers: WithdrawalBlockerRegistry;
  /**
   * The job worker of this node, set once it runs (absent on `--role web` nodes, whose outbox the worker
   * nodes dispatch every second): lets a request hand queued mail and webhooks over at once.
   */
  jobs?: { dispatchNow(): Promise<number> };
}
