// The provider API guard: `Authorization: Bearer kpk_…` names the provider every /api/provider route is scoped to.
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../modules/audit/index.js';
import { type AuthenticatedProvider, authenticateProviderKey } from '../../modules/provisioning/index.js';
import type { AppEnv } from '../openapi-app.js';
import { requestOrigin } from '../request-origin.js';

/** The variables of a provider route: the app's, plus the provider the key belongs to. */
export interface ProviderEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { provider: AuthenticatedProvider };
}

/** 401 `provider_key_invalid` without a live key; otherwise the key's provider is set for the route. */
export function requireProvider(): MiddlewareHandler<ProviderEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const ctx = c.get('ctx');
    c.set('provider', await authenticateProviderKey(ctx.db, match?.[1] ?? null, ctx.clock.now()));
    await next();
  };
}

/** The audit actor of a provider request: the provider (the key is named in the request log). */
export function providerActor(c: Context<ProviderEnv>): Actor {
  return { kind: 'provider', id: c.get('provider').providerId, ...requestOrigin(c) };
}
