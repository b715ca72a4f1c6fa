// POST /api/provider/order-lines/{id}/preparing|start|reject: the provider reports where its order line stands.
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type ProviderEnv, providerActor, requireProvider } from '../../middleware/require-provider.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import {
  answerConfirmStart,
  answerMarkPreparing,
  answerReject,
  type LineStepCall,
  lineStepResult,
} from './line-step-answers.js';
import { lineIdParams, rejectBody, startBody } from './provisioning-schemas.js';

const security = [{ providerKey: [] }];
/** The provider acts on its own lines only. */
function lineStepCall(c: Context<ProviderEnv>, orderLineId: string): LineStepCall {
  return {
    orderLineId,
    providerId: c.get('provider').providerId,
    actor: providerActor(c),
    now: c.get('ctx').clock.now(),
  };
}

const common = {
  401: problem('no valid API key'),
  404: problem("no such order line of this provider (another provider's line is 404 too)"),
  409: problem('order_line_transition_not_allowed: the line is not in a status that allows this step'),
};

/** received → preparing. */
export function providerMarkLinePreparingRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/provider/order-lines/{id}/preparing',
      tags: ['provider'],
      summary: 'Mark a line as being prepared (準備中)',
      description: 'received → preparing. The member sees 準備中 on My Page; no mail is sent.',
      security,
      middleware: [requireProvider()] as const,
      request: { params: lineIdParams },
      responses: { 200: lineStepResult, ...common },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await answerMarkPreparing(ctx.db, lineStepCall(c, c.req.valid('param').id)), 200);
    },
  );
}

/** received | preparing → started with the service start date. */
export function providerConfirmLineStartRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/provider/order-lines/{id}/start',
      tags: ['provider'],
      summary: 'Confirm the service start (提供開始) with its date',
      description:
        'received | preparing → started. The date must be a business day of the store and not before the order date. The member gets the "service start" mail with the date; the contracts module receives `order.line.started`.',
      security,
      middleware: [requireProvider()] as const,
      request: {
        params: lineIdParams,
        body: { required: true, content: { 'application/json': { schema: startBody } } },
      },
      responses: {
        200: lineStepResult,
        ...common,
        422: problem('the date is not a business day, not a date, or before the order'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const date = c.req.valid('json').serviceStartDate;
      return c.json(await answerConfirmStart(ctx.db, lineStepCall(c, c.req.valid('param').id), date), 200);
    },
  );
}

/** received | preparing → rejected with a reason. */
export function providerRejectLineRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/provider/order-lines/{id}/reject',
      tags: ['provider'],
      summary: 'Refuse a line (不可) with a reason',
      description:
        'received | preparing → rejected. The member gets a mail with the reason; the contracts module receives `order.line.rejected`.',
      security,
      middleware: [requireProvider()] as const,
      request: {
        params: lineIdParams,
        body: { required: true, content: { 'application/json': { schema: rejectBody } } },
      },
      responses: { 200: lineStepResult, ...common, 422: problem('the reason is empty') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const reason = c.req.valid('json').reason;
      return c.json(await answerReject(ctx.db, lineStepCall(c, c.req.valid('param').id), reason), 200);
    },
  );
}
