// POST /api/provider/v1/usage: a provider reports usage of its contracts, each record once by its idempotency key, all or nothing.
import { createRoute, z } from '@hono/zod-openapi';
import { recordUsage, usageBatchLimit } from '../../../modules/billing/index.js';
import { type ProviderEnv, providerActor, requireProvider } from '../../middleware/require-provider.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';

const usageRecord = z.object({
  idempotencyKey: z.string().min(1).max(200),
  contractId: z.string().min(1).max(100),
  code: z
    .string()
    .min(1)
    .max(100)
    .openapi({ description: 'The usage component’s code.', example: 'transfer_gb' }),
  // Checked by the module so that a negative or fractional quantity is refused with its position and code.
  quantity: z.number().min(-2_147_483_648).max(2_147_483_647),
  periodFrom: z.string().max(10).openapi({ example: '2026-04-01' }),
  periodThrough: z.string().max(10).openapi({ example: '2026-04-30' }),
  unitPrice: z.number().optional().openapi({
    description: 'Whole yen, tax-exclusive; only when the catalog has no usage price for the code.',
  }),
  taxPercent: z.union([z.literal(10), z.literal(8)]).optional(),
  descriptionJa: z.string().max(200).optional(),
  descriptionEn: z.string().max(200).optional(),
});

const recordedUsage = z.object({
  position: z.number().int(),
  idempotencyKey: z.string(),
  chargeId: z.string(),
  contractId: z.string(),
  code: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
  taxPercent: z.number().int(),
  periodFrom: z.string(),
  periodThrough: z.string(),
  replayed: z.boolean(),
});

/** Records a batch of usage for the key's provider. */
export function providerRecordUsageRoute() {
  return createRouter<ProviderEnv>().openapi(
    createRoute({
      method: 'post',
      path: '/api/provider/v1/usage',
      tags: ['provider'],
      summary: 'Report usage (従量) of contracts',
      description: `Up to ${usageBatchLimit} records. Priced from the plan's usage component of the code (its tiers on the record's quantity: one record per component and month) or, without one, from the record's unitPrice. A record whose key was recorded with the same body answers the first result (\`replayed\`). Refused with the record's \`position\` and a stable code, applying nothing of the request: usage_contract_unknown (unknown or another provider's), usage_quantity_invalid, usage_period_invalid, usage_period_closed, usage_price_missing, usage_idempotency_conflict (409).`,
      security: [{ providerKey: [] }],
      middleware: [requireProvider()] as const,
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ records: z.array(usageRecord).min(1).max(usageBatchLimit) }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'each record as recorded',
          content: { 'application/json': { schema: z.object({ records: z.array(recordedUsage) }) } },
        },
        401: problem('no valid API key'),
        409: problem('usage_idempotency_conflict'),
        422: problem('a record refused: its position and code'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const records = await recordUsage(ctx.db, {
        providerId: c.get('provider').providerId,
        records: c.req.valid('json').records,
        actor: providerActor(c),
        now: ctx.clock.now(),
      });
      return c.json({ records }, 200);
    },
  );
}
