// The OpenAPI document of the whole app, built without a database (routes only touch it per request).
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { systemClock } from '../domain/clock.js';
import { createLogger } from '../logger.js';
import { devMailboxTransport, devSmsTransport, systemHostResolver } from '../modules/notifications/index.js';
import { createAppWithdrawalBlockers } from '../withdrawal-blockers.js';
import { createApp } from './app.js';
import { openApiHeader } from './routes/system/api-docs.js';

function unavailable(): never {
  throw new Error('the OpenAPI document is built without a database');
}

/** The same document `/api/openapi.json` serves. */
export function buildOpenApiDocument(): ReturnType<ReturnType<typeof createApp>['getOpenAPI31Document']> {
  const noDatabase = new Proxy({}, { get: unavailable }) as never;
  const ctx: AppContext = {
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    clock: systemClock,
    database: noDatabase,
    db: noDatabase,
    logger: createLogger('silent'),
    mail: devMailboxTransport(),
    sms: devSmsTransport(),
    hostResolver: systemHostResolver,
    withdrawalBlockers: createAppWithdrawalBlockers(systemClock),
  };
  return createApp(ctx, { webRoot: '/nonexistent' }).getOpenAPI31Document(openApiHeader);
}
