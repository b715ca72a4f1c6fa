// The Hono app type every route module registers on, with zod validation failures answered as 422 problems.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../context.js';
import { kernelErrors } from '../domain/errors.js';
import { zodIssuesToFields } from '../domain/validation.js';
import { problemResponse } from './problem.js';

export interface AppEnv {
  Variables: {
    ctx: AppContext;
    requestId: string;
  };
}

/** A router whose zod validation failures become `validation_failed` problems listing each field. */
export function createRouter<E extends AppEnv = AppEnv>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook: (result, c) => {
      if (!result.success)
        return problemResponse(c, kernelErrors.validation(zodIssuesToFields(result.error.issues)));
    },
  });
}
