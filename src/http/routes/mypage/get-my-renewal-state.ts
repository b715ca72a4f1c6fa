// GET /api/mypage/contracts/{contractId}/renewal: how the contract renews, its renewals, the renewal window, the next term and the deadline that applies now.
import { createRoute } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import type { PaymentMethodKey } from '../../../domain/catalog.js';
import { nextTermStart, walletAutoRenewalDate } from '../../../domain/contract-rules.js';
import { AppError } from '../../../domain/errors.js';
import { loadProducts } from '../../../modules/catalog/index.js';
import {
  getContractRow,
  listContractRenewals,
  nextTermDeadlineOf,
  priceRenewal,
  renewalDates,
} from '../../../modules/contracts/index.js';
import { requireMemberId } from '../../../modules/identity/auth-index.js';
import { paymentMethodLabels } from '../../../modules/ordering/index.js';
import { getStoreSettings } from '../../../modules/store/index.js';
import { createRouter } from '../../openapi-app.js';
import { problem } from '../store/identity-schemas.js';
import { contractIdParamsSchema } from './contract-schemas.js';
import {
  contractRenewalDetailSchema,
  renewalStateJson,
  renewalViewJson,
  termChoiceJson,
} from './renewal-schemas.js';

function labelOf(method: string | null) {
  return method !== null && method in paymentMethodLabels
    ? paymentMethodLabels[method as PaymentMethodKey]
    : null;
}

/** The route; another member's contract is 404. */
export function getMyRenewalStateRoute() {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/api/mypage/contracts/{contractId}/renewal',
      tags: ['mypage'],
      summary: 'How one of my contracts renews: renewals, window, next term and its change deadline',
      request: { params: contractIdParamsSchema },
      responses: {
        200: {
          description: 'the renewal state',
          content: { 'application/json': { schema: contractRenewalDetailSchema } },
        },
        401: problem('not signed in'),
        404: problem('no such contract of this member'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const memberId = await requireMemberId(ctx, c.req.raw.headers);
      const row = await getContractRow(ctx.db, { contractId: c.req.valid('param').contractId, memberId });
      const settings = await getStoreSettings(ctx.db);
      const [product] = await loadProducts(ctx.db, [row.productId]);
      const renewals = await listContractRenewals(ctx.db, row.id);
      let nextTermQuote = null;
      if (row.renewalMode === 'auto' && row.status === 'active') {
        try {
          const { quote } = await priceRenewal(ctx.db, row, {
            ...(row.nextTerm
              ? { term: row.nextTerm.term, options: row.nextTerm.options.map((o) => o.code) }
              : {}),
          });
          nextTermQuote = {
            term: termChoiceJson(quote.term),
            termChoices: quote.availableTerms.map(termChoiceJson),
            options: quote.options,
            termStart: quote.termStart,
            termEnd: quote.termEnd,
            subtotal: quote.subtotal,
            total: quote.total,
          };
        } catch (error) {
          // A product no longer sold or priced has no next term to show; the renewal sweep says so in time.
          if (!(error instanceof AppError)) throw error;
        }
      }
      const window =
        row.renewalMode === 'manual' && row.status === 'active'
          ? (() => {
              const { opens, graceEnd } = renewalDates(row, settings.renewalGraceDays);
              return { opens: opens.toString(), graceEnd: graceEnd.toString() };
            })()
          : null;
      const termEnd = Temporal.PlainDate.from(row.currentTermEnd);
      // The day the automatic renewal happens: a wallet charges on the member's day, the others the day after the term.
      const autoRenewalDate =
        row.renewalMode === 'auto' && row.status === 'active'
          ? (row.paymentMethod === 'wallet' && row.walletRenewalDay !== null
              ? walletAutoRenewalDate(termEnd, row.walletRenewalDay)
              : nextTermStart(termEnd)
            ).toString()
          : null;
      return c.json(
        {
          ...renewalStateJson(row, nextTermDeadlineOf(row)),
          paymentMethodLabel: labelOf(row.paymentMethod),
          paymentMethodChange: settings.paymentMethodChange,
          paymentMethods: (product?.definition.paymentMethods ?? []).map((method) => ({
            method,
            label: labelOf(method) ?? { ja: method, en: method },
          })),
          autoRenewalDate,
          trialAtEnd: row.status === 'trial' ? (row.trialAtEnd ?? 'convert') : null,
          window,
          renewals: renewals.map(renewalViewJson),
          nextTermQuote,
        },
        200,
      );
    },
  );
}
