// GET and PUT /api/admin/billing-profiles…: billing profiles, their versions from a month, and their twelve-month calendar.
import { createRoute, z } from '@hono/zod-openapi';
import type { BillingMonthDates } from '../../../domain/billing-calendar.js';
import { confirmationRules } from '../../../domain/catalog.js';
import { businessDateAt } from '../../../domain/clock.js';
import {
  type BillingProfile,
  billingProfileRulesSchema,
  getBillingCalendarSchedule,
  getBillingProfile,
  listBillingProfiles,
  putBillingProfileVersion,
} from '../../../modules/billing/index.js';
import { type AdminEnv, requirePermission } from '../../middleware/require-role.js';
import { createRouter } from '../../openapi-app.js';
import { operatorActor, problem } from './admin-schemas.js';

const date = z.string().openapi({ example: '2026-05-07' });
const month = z.string().openapi({ example: '2026-04' });
const codeParam = z.object({ code: z.string().max(40).openapi({ example: 'default' }) });

const rulesSchema = billingProfileRulesSchema;

const profileSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    updatedAt: z.string(),
    versions: z.array(z.object({ effectiveFrom: month, rules: rulesSchema, updatedAt: z.string() })),
  })
  .openapi('AdminBillingProfile');

const scheduleSchema = z
  .object({
    code: z.string(),
    from: month,
    months: z.array(
      z.object({
        month,
        periodStart: date,
        periodEnd: date,
        close: date,
        confirmations: z.array(
          z.object({
            rule: z.enum(confirmationRules),
            confirmation: date,
            reflection: date,
            card: date,
            wallet: date,
            directDebit: date,
            bankTransfer: z.object({ sending: date, due: date }),
            agency: z.array(z.object({ closing: z.enum(['twentieth', 'month_end']), due: date })),
          }),
        ),
      }),
    ),
  })
  .openapi('AdminBillingSchedule');

function toProfileJson(profile: BillingProfile) {
  return {
    code: profile.code,
    name: profile.name,
    updatedAt: profile.updatedAt.toISOString(),
    versions: profile.versions.map((v) => ({
      effectiveFrom: v.effectiveFrom,
      rules: v.rules,
      updatedAt: v.updatedAt.toISOString(),
    })),
  };
}

function toMonthJson(m: BillingMonthDates) {
  return {
    month: m.month.toString(),
    periodStart: m.periodStart.toString(),
    periodEnd: m.periodEnd.toString(),
    close: m.close.toString(),
    confirmations: m.confirmations.map((c) => ({
      rule: c.rule,
      confirmation: c.confirmation.toString(),
      reflection: c.reflection.toString(),
      card: c.card.toString(),
      wallet: c.wallet.toString(),
      directDebit: c.directDebit.toString(),
      bankTransfer: { sending: c.bankTransfer.sending.toString(), due: c.bankTransfer.due.toString() },
      agency: c.agency.map((a) => ({ closing: a.closing, due: a.due.toString() })),
    })),
  };
}

/** Every billing profile by code, `default` included. */
export function adminListBillingProfilesRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/billing-profiles',
      tags: ['admin'],
      summary: 'Billing profiles',
      middleware: [requirePermission('billing_profiles.read')] as const,
      responses: {
        200: {
          description: 'by code',
          content: {
            'application/json': {
              schema: z.object({
                profiles: z.array(z.object({ code: z.string(), name: z.string(), updatedAt: z.string() })),
              }),
            },
          },
        },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const profiles = await listBillingProfiles(ctx.db, ctx.clock.now());
      return c.json(
        {
          profiles: profiles.map((p) => ({
            code: p.code,
            name: p.name,
            updatedAt: p.updatedAt.toISOString(),
          })),
        },
        200,
      );
    },
  );
}

/** One profile with every version of its rules, oldest month first. */
export function adminGetBillingProfileRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/billing-profiles/{code}',
      tags: ['admin'],
      summary: 'A billing profile and its versions',
      middleware: [requirePermission('billing_profiles.read')] as const,
      request: { params: codeParam },
      responses: {
        200: { description: 'the profile', content: { 'application/json': { schema: profileSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such profile'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(
        toProfileJson(await getBillingProfile(ctx.db, c.req.valid('param').code, ctx.clock.now())),
        200,
      );
    },
  );
}

/** Sets a profile's rules from a month on (creating the profile if new); earlier months keep theirs. */
export function adminPutBillingProfileRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'put',
      path: '/api/admin/billing-profiles/{code}',
      tags: ['admin'],
      summary: "Set a billing profile's rules from a month on",
      middleware: [requirePermission('billing_profiles.update')] as const,
      request: {
        params: codeParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z
                .object({
                  name: z.string().max(100),
                  effectiveFrom: month,
                  rules: rulesSchema,
                })
                .strict()
                .openapi('AdminBillingProfileInput'),
            },
          },
        },
      },
      responses: {
        200: { description: 'the profile', content: { 'application/json': { schema: profileSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        409: problem('the month has passed'),
        422: problem('a bad rule, month or code'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const body = c.req.valid('json');
      const profile = await putBillingProfileVersion(ctx.db, {
        code: c.req.valid('param').code,
        name: body.name,
        effectiveFrom: body.effectiveFrom,
        rules: body.rules,
        actor: operatorActor(c),
        now: ctx.clock.now(),
      });
      return c.json(toProfileJson(profile), 200);
    },
  );
}

/** The twelve billing months from `from` (default: this month), as the billing close will date them. */
export function adminGetBillingScheduleRoute() {
  return createRouter<AdminEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/billing-profiles/{code}/schedule',
      tags: ['admin'],
      summary: "A billing profile's next twelve months",
      middleware: [requirePermission('billing_profiles.read')] as const,
      request: { params: codeParam, query: z.object({ from: month.optional() }) },
      responses: {
        200: { description: 'twelve months', content: { 'application/json': { schema: scheduleSchema } } },
        401: problem('not signed in as an operator'),
        403: problem('no role allows this'),
        404: problem('no such profile'),
        422: problem('not a month'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const now = ctx.clock.now();
      const code = c.req.valid('param').code;
      const from = c.req.valid('query').from ?? businessDateAt(now).toPlainYearMonth().toString();
      const months = await getBillingCalendarSchedule(ctx.db, { code, from, now });
      return c.json({ code, from, months: months.map(toMonthJson) }, 200);
    },
  );
}
