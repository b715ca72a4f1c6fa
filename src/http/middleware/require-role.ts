// Admin route guards: an operator session from the operator instance (never a member's), holding a role allowed the action.
import type { MiddlewareHandler } from 'hono';
import {
  type CurrentOperator,
  getCurrentOperator,
  type OperatorAction,
  type OperatorRole,
  operatorErrors,
  rolesFor,
} from '../../modules/operators/index.js';
import type { AppEnv } from '../openapi-app.js';

/** The variables of an admin route: the app's, plus the operator the guard let through. */
export interface AdminEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { operator: CurrentOperator };
}

function guard(roles: readonly OperatorRole[], refused: string): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    const operator = await getCurrentOperator(c.get('ctx'), c.req.raw.headers);
    if (!operator) throw operatorErrors.notSignedIn();
    if (!operator.roles.some((role) => roles.includes(role))) throw operatorErrors.forbidden(refused);
    c.set('operator', operator);
    await next();
  };
}

/** The guard for one action of the permission map; every admin route except signing in uses one. */
export function requirePermission(action: OperatorAction): MiddlewareHandler<AdminEnv> {
  return guard(rolesFor(action), action);
}
