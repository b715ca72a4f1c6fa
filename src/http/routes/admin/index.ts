// The admin API: every route under /api/admin, guarded by the operator session and the permission map.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';
import {
  adminAddClosureDayRoute,
  adminListClosureDaysRoute,
  adminRemoveClosureDayRoute,
} from './closure-days.js';
import { adminConfirmTotpRoute } from './confirm-totp.js';
import { adminCreateSessionRoute } from './create-session.js';
import { adminDeleteSessionRoute } from './delete-session.js';
import { adminGetMeRoute } from './get-me.js';
import { adminListMailboxRoute } from './list-mailbox.js';
import { adminStartTotpRoute } from './start-totp.js';
import { adminGetStoreRoute, adminUpdateStoreRoute } from './store-settings.js';
import { adminVerifyCodeRoute } from './verify-code.js';

/** Mounts every admin route on the app. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.route('/', adminCreateSessionRoute());
  app.route('/', adminVerifyCodeRoute());
  app.route('/', adminDeleteSessionRoute());
  app.route('/', adminGetMeRoute());
  app.route('/', adminStartTotpRoute());
  app.route('/', adminConfirmTotpRoute());
  app.route('/', adminListMailboxRoute());
  app.route('/', adminGetStoreRoute());
  app.route('/', adminUpdateStoreRoute());
  app.route('/', adminListClosureDaysRoute());
  app.route('/', adminAddClosureDayRoute());
  app.route('/', adminRemoveClosureDayRoute());
}
