// POST /api/admin/order-lines/{id}/…: operators prepare, start, reject and re-date order lines; POST …/provisioning-requests/{id}/resend.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { changeLineStartDate } from '../../../modules/ordering/index.js';
import { resendProvisioningRequest } from '../../../modules/provisioning/index.js';
import { multilineText } from '../../input-text-guard.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import {
  answerConfirmStart,
  answerMarkPreparing,
  answerReject,
  type LineStepCall,
  lineStepResult,
} from '../provider/line-step-answers.js';
import {
  lineIdParams,
  provisioningRequestJson,
  provisioningRequestSchema,
  rejectBody,
  startBody,
} from '../provider/provisioning-schemas.js';
import { operatorActor, problem } from './admin-schemas.js';

/** An operator may act on any provider's line. */
function lineStepCall(c: Context<AdminEnv>, orderLineId: string): LineStepCall {
  return { orderLineId, actor: operatorActor(c), now: c.get('ctx').clock.now() };
}

const common = {
  401: problem('not signed in as an operator'),
  403: problem('no role allows this'),
  404: problem('no such order line'),
};
const transition = problem(
  'order_line_transition_not_allowed: the line is not in a status that allows this step',
);

/** received → preparing. */
export function adminMarkLinePreparingRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/order-lines/{id}/preparing',
      tags: ['admin'],
      summary: 'Mark a line as being prepared (準備中)',
      description: "received → preparing, for the store's own products or on a provider's behalf. No mail.",
      middleware: [requirePermission('orders.update')] as const,
      request: { params: lineIdParams },
      responses: { 200: lineStepResult, ...common, 409: transition },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await answerMarkPreparing(ctx.db, lineStepCall(c, c.req.valid('param').id)), 200);
    },
  );
}

/** received | preparing → started with the date. */
export function adminConfirmLineStartRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/order-lines/{id}/start',
      tags: ['admin'],
      summary: 'Confirm the service start (提供開始) with its date',
      description:
        'received | preparing → started. The date is a business day of the store, not before the order date. The member gets the "service start" mail; `order.line.started` is recorded.',
      middleware: [requirePermission('orders.update')] as const,
      request: {
        params: lineIdParams,
        body: { required: true, content: { 'application/json': { schema: startBody } } },
      },
      responses: { 200: lineStepResult, ...common, 409: transition, 422: problem('the date is not allowed') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const date = c.req.valid('json').serviceStartDate;
      return c.json(await answerConfirmStart(ctx.db, lineStepCall(c, c.req.valid('param').id), date), 200);
    },
  );
}

/** received | preparing → rejected with a reason. */
export function adminRejectLineRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/order-lines/{id}/reject',
      tags: ['admin'],
      summary: 'Refuse a line (不可) with a reason',
      description:
        'received | preparing → rejected; the member gets a mail with the reason; `order.line.rejected` is recorded.',
      middleware: [requirePermission('orders.update')] as const,
      request: {
        params: lineIdParams,
        body: { required: true, content: { 'application/json': { schema: rejectBody } } },
      },
      responses: { 200: lineStepResult, ...common, 409: transition, 422: problem('the reason is empty') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const reason = c.req.valid('json').reason;
      return c.json(await answerReject(ctx.db, lineStepCall(c, c.req.valid('param').id), reason), 200);
    },
  );
}

const startDateBody = z
  .object({
    serviceStartDate: z.string().max(10).openapi({ example: '2026-04-20' }),
    note: multilineText(z.string().max(500))
      .nullable()
      .optional()
      .openapi({ description: "why, e.g. the member's inquiry number; kept on the timeline" }),
  })
  .openapi('ChangeStartDateBody');

/** Moves the start date of a started line whose date is still ahead. */
export function adminChangeLineStartDateRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/order-lines/{id}/start-date',
      tags: ['admin'],
      summary: 'Change the service start date (before the service starts)',
      description:
        "On the member's request (seed 003). Only a started line whose start date is still ahead (Asia/Tokyo): on or after that date it is 409 `service_already_started`; a line without a date is 409 `service_start_date_not_set`. The new date is a business day, today or later. The member gets a mail with the new date.",
      middleware: [requirePermission('orders.update')] as const,
      request: {
        params: lineIdParams,
        body: { required: true, content: { 'application/json': { schema: startDateBody } } },
      },
      responses: {
        200: {
          description: 'the new and previous dates',
          content: {
            'application/json': {
              schema: z.object({
                orderLineId: z.string(),
                serviceStartDate: z.string(),
                previousDate: z.string(),
              }),
            },
          },
        },
        ...common,
        409: problem('the service already started, or no start date is set'),
        422: problem('the date is not allowed'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const done = await changeLineStartDate(ctx.db, {
        orderLineId: c.req.valid('param').id,
        serviceStartDate: body.serviceStartDate,
        note: body.note ?? null,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(done, 200);
    },
  );
}

/** Sends a failed hand-off again. */
export function adminResendProvisioningRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/provisioning-requests/{id}/resend',
      tags: ['admin'],
      summary: 'Resend a failed provisioning hand-off',
      description:
        'Only when the delivery failed (a webhook or a mail gave up); otherwise 409 `provisioning_resend_not_needed`. The same request id goes out in a new webhook message and new mails.',
      middleware: [requirePermission('orders.update')] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: 'the request after queuing it again',
          content: { 'application/json': { schema: provisioningRequestSchema } },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such provisioning request'),
        409: problem('the hand-off did not fail'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const view = await resendProvisioningRequest(ctx.db, {
        requestId: c.req.valid('param').id,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(provisioningRequestJson(view), 200);
    },
  );
}
