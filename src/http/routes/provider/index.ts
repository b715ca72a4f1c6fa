// The provider API: every route under /api/provider, authenticated by the provider's API key and scoped to its own requests.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';
import {
  providerConfirmLineStartRoute,
  providerMarkLinePreparingRoute,
  providerRejectLineRoute,
} from './order-line-steps.js';
import {
  providerGetProvisioningRequestRoute,
  providerListProvisioningRequestsRoute,
} from './provisioning-requests.js';
import { providerRecordUsageRoute } from './usage.js';

/** Mounts every provider route and documents the bearer key they take. */
export function registerProviderRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'providerKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A provider API key (`kpk_…`) issued by an operator in the admin console; shown once.',
  });
  const routes = [
    providerListProvisioningRequestsRoute(),
    providerGetProvisioningRequestRoute(),
    providerMarkLinePreparingRoute(),
    providerConfirmLineStartRoute(),
    providerRejectLineRoute(),
    providerRecordUsageRoute(),
  ];
  for (const route of routes) app.route('/', route as unknown as OpenAPIHono<AppEnv>);
}
