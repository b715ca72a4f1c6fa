// The Hono app type every route module registers on, with zod validation failures answered as 422 problems.
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import { kernelErrors } from '../domain/errors.js';
import { zodIssuesToFields } from '../domain/validation.js';
import { withInputTextGuard } from './input-text-guard.js';
import { problemResponse } from './problem.js';

export interface AppEnv {
  Variables: {
    ctx: AppContext;
    requestId: string;
  };
}

/**
 * A router whose zod validation failures become `validation_failed` problems listing each field, and whose
 * every route refuses control characters, lone surrogates and noncharacters in any string it takes
 * (`input-text-guard.ts`): registering a route through `openapi()` is enough, so no route can forget it.
 */
export function createRouter<E extends AppEnv = AppEnv>(): OpenAPIHono<E> {
  const router = new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success)
        return problemResponse(c, kernelErrors.validation(zodIssuesToFields(result.error.issues)));
    },
  });
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, handler: never, hook?: never) =>
    register({ ...route, middleware: withInputTextGuard(route) } as never, handler, hook)) as typeof register;
  return router;
}
