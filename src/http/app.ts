// The HTTP application: middleware, routes per audience, problem+json errors, the web app.

import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.js';
import { AppError, kernelErrors } from '../domain/errors.js';
import { accessLog } from './middleware/access-log.js';
import { originCheck } from './middleware/origin-check.js';
import { requestOrigin } from './middleware/request-origin.js';
import { requireMember } from './middleware/require-member.js';
import { securityHeaders } from './middleware/security-headers.js';
import { type AppEnv, createRouter } from './openapi-app.js';
import { problemResponse } from './problem.js';
import { registerAdminRoutes } from './routes/admin/index.js';
import { activateLicenceMachineRoute } from './routes/license/activate-licence-machine.js';
import { freeLicenceMachineRoute } from './routes/license/free-licence-machine.js';
import { getLicencePublicKeyRoute, listLicenceKeysRoute } from './routes/license/list-licence-keys.js';
import { validateLicenceRoute } from './routes/license/validate-licence.js';
import { addMyInquiryMessageRoute } from './routes/mypage/add-my-inquiry-message.js';
import { applyMyCancellationRoute } from './routes/mypage/apply-my-cancellation.js';
import { applyMyChangeRoute } from './routes/mypage/apply-my-change.js';
import { attachMyLicenceRoute } from './routes/mypage/attach-my-licence.js';
import { changeMyNextTermRoute } from './routes/mypage/change-my-next-term.js';
import { changeMyPaymentMethodRoute } from './routes/mypage/change-my-payment-method.js';
import { changePasswordRoute } from './routes/mypage/change-password.js';
import { confirmCheckoutRoute } from './routes/mypage/confirm-checkout.js';
import { confirmEmailChangeRoute } from './routes/mypage/confirm-email-change.js';
import { freeMyLicenceMachineRoute } from './routes/mypage/free-my-licence-machine.js';
import { getCheckoutRoute } from './routes/mypage/get-checkout.js';
import { getMeRoute } from './routes/mypage/get-me.js';
import { getMyCancellationRoute } from './routes/mypage/get-my-cancellation.js';
import { getMyChangeRoute } from './routes/mypage/get-my-change.js';
import { getMyContractRoute } from './routes/mypage/get-my-contract.js';
import { getMyInquiryRoute } from './routes/mypage/get-my-inquiry.js';
import { getMyOrderRoute } from './routes/mypage/get-my-order.js';
import { getMyRenewalStateRoute } from './routes/mypage/get-my-renewal-state.js';
import { listMyContractsRoute } from './routes/mypage/list-my-contracts.js';
import { listMyInquiriesRoute } from './routes/mypage/list-my-inquiries.js';
import { listMyLicencesRoute } from './routes/mypage/list-my-licences.js';
import { listMyOrdersRoute } from './routes/mypage/list-my-orders.js';
import { listMySessionsRoute } from './routes/mypage/list-my-sessions.js';
import { listMySignInsRoute } from './routes/mypage/list-my-sign-ins.js';
import { getMyCreditNotePdfRoute } from './routes/mypage/my-credit-note-pdf.js';
import { getMyInvoicePdfRoute } from './routes/mypage/my-invoice-pdf.js';
import { getMyInvoiceRoute, listMyInvoicesRoute } from './routes/mypage/my-invoices.js';
import { placeOrderRoute } from './routes/mypage/place-order.js';
import { quoteMyCancellationRoute } from './routes/mypage/quote-my-cancellation.js';
import { quoteMyChangeRoute } from './routes/mypage/quote-my-change.js';
import { quoteMyRenewalRoute } from './routes/mypage/quote-my-renewal.js';
import { regenerateBackupCodesRoute } from './routes/mypage/regenerate-backup-codes.js';
import { requestEmailChangeRoute } from './routes/mypage/request-email-change.js';
import { requestMyRenewalRoute } from './routes/mypage/request-my-renewal.js';
import { resetMyRenewalPaymentRoute } from './routes/mypage/reset-my-renewal-payment.js';
import { revealBackupCodesRoute } from './routes/mypage/reveal-backup-codes.js';
import { revokeMySessionRoute } from './routes/mypage/revoke-my-session.js';
import { revokeAllSessionsRoute, revokeOtherSessionsRoute } from './routes/mypage/revoke-my-sessions.js';
import { updateProfileRoute } from './routes/mypage/update-profile.js';
import { withdrawMyCancellationRoute } from './routes/mypage/withdraw-my-cancellation.js';
import { withdrawMyChangeRoute } from './routes/mypage/withdraw-my-change.js';
import { getMyWithdrawalRoute, withdrawMeRoute } from './routes/mypage/withdrawal.js';
import { registerProviderRoutes } from './routes/provider/index.js';
import { addCartItemRoute } from './routes/store/add-cart-item.js';
import { changeCartItemRoute } from './routes/store/change-cart-item.js';
import { completePasswordResetRoute } from './routes/store/complete-password-reset.js';
import { confirmEmailRoute } from './routes/store/confirm-email.js';
import { createEstimateRoute } from './routes/store/create-estimate.js';
import { createEstimatePdfRoute } from './routes/store/create-estimate-pdf.js';
import { createSessionRoute } from './routes/store/create-session.js';
import { deleteSessionRoute } from './routes/store/delete-session.js';
import { getCartRoute } from './routes/store/get-cart.js';
import { getCatalogTermsDocumentRoute } from './routes/store/get-catalog-terms-document.js';
import { getCurrentTermsRoute } from './routes/store/get-current-terms.js';
import { getInquiryFormTokenRoute } from './routes/store/get-inquiry-form-token.js';
import { getPostalCodeRoute } from './routes/store/get-postal-code.js';
import { getProductRoute } from './routes/store/get-product.js';
import { getSessionRoute } from './routes/store/get-session.js';
import { getStoreRoute } from './routes/store/get-store.js';
import { listProductsRoute } from './routes/store/list-products.js';
import { registerMemberRoute } from './routes/store/register-member.js';
import { removeCartItemRoute } from './routes/store/remove-cart-item.js';
import { requestLoginIdReminderRoute } from './routes/store/request-login-id-reminder.js';
import { requestPasswordResetRoute } from './routes/store/request-password-reset.js';
import { resendCodeRoute } from './routes/store/resend-code.js';
import { resendConfirmationRoute } from './routes/store/resend-confirmation.js';
import { submitInquiryRoute } from './routes/store/submit-inquiry.js';
import { verifyBackupCodeRoute } from './routes/store/verify-backup-code.js';
import { verifyCodeRoute } from './routes/store/verify-code.js';
import { registerApiDocs } from './routes/system/api-docs.js';
import { devMailRoutes } from './routes/system/dev-mail.js';
import { healthRoutes } from './routes/system/health.js';
import { defaultWebRoot, isServerPath, registerWebApp, withNonce } from './web-app.js';

export interface CreateAppOptions {
  /** Folder of the built web app; absent or unbuilt means the API runs alone. */
  webRoot?: string;
  /** Lets tests mount extra routes before the catch-all web fallback. */
  extraRoutes?: (app: OpenAPIHono<AppEnv>) => void;
}

/** Builds the Hono app around a context; no sockets are opened here. */
export function createApp(ctx: AppContext, options: CreateAppOptions = {}): OpenAPIHono<AppEnv> {
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const durations = new Histogram({
    name: 'keiyaku_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [metrics],
  });

  const app = createRouter();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use('*', accessLog(ctx.logger, durations));
  app.use('*', requestOrigin(ctx.config.trustProxy));
  app.use('*', securityHeaders(ctx.config.publicUrl));
  app.use(
    '*',
    bodyLimit({
      maxSize: ctx.config.bodyLimitBytes,
      onError: (c) => problemResponse(c, kernelErrors.payloadTooLarge(ctx.config.bodyLimitBytes)),
    }),
  );

  app.use('*', originCheck([new URL(ctx.config.publicUrl).origin]));
  app.use('/api/mypage/*', requireMember());

  app.route('/', healthRoutes(metrics));
  app.route('/', getStoreRoute());
  app.route('/', registerMemberRoute());
  app.route('/', confirmEmailRoute());
  app.route('/', resendConfirmationRoute());
  app.route('/', createSessionRoute());
  app.route('/', verifyCodeRoute());
  app.route('/', resendCodeRoute());
  app.route('/', deleteSessionRoute());
  app.route('/', verifyBackupCodeRoute());
  app.route('/', requestPasswordResetRoute());
  app.route('/', completePasswordResetRoute());
  app.route('/', requestLoginIdReminderRoute());
  app.route('/', getCurrentTermsRoute());
  app.route('/', getPostalCodeRoute());
  app.route('/', getMeRoute());
  app.route('/', getSessionRoute());
  app.route('/', updateProfileRoute());
  app.route('/', requestEmailChangeRoute());
  app.route('/', confirmEmailChangeRoute());
  app.route('/', getInquiryFormTokenRoute());
  app.route('/', submitInquiryRoute());
  app.route('/', listMyInquiriesRoute());
  app.route('/', getMyInquiryRoute());
  app.route('/', addMyInquiryMessageRoute());
  app.route('/', listProductsRoute());
  app.route('/', getProductRoute());
  app.route('/', createEstimateRoute());
  app.route('/', createEstimatePdfRoute());
  app.route('/', getCartRoute());
  app.route('/', addCartItemRoute());
  app.route('/', changeCartItemRoute());
  app.route('/', removeCartItemRoute());
  app.route('/', getCatalogTermsDocumentRoute());
  registerAdminRoutes(app);
  registerProviderRoutes(app);
  app.route('/', validateLicenceRoute());
  app.route('/', listLicenceKeysRoute());
  app.route('/', getLicencePublicKeyRoute());
  app.route('/', activateLicenceMachineRoute());
  app.route('/', freeLicenceMachineRoute());
  app.route('/', listMyLicencesRoute());
  app.route('/', attachMyLicenceRoute());
  app.route('/', freeMyLicenceMachineRoute());
  app.route('/', changePasswordRoute());
  app.route('/', revealBackupCodesRoute());
  app.route('/', regenerateBackupCodesRoute());
  app.route('/', listMySignInsRoute());
  app.route('/', listMySessionsRoute());
  app.route('/', revokeOtherSessionsRoute());
  app.route('/', revokeAllSessionsRoute());
  app.route('/', revokeMySessionRoute());
  app.route('/', getMyWithdrawalRoute());
  app.route('/', withdrawMeRoute());
  app.route('/', getCheckoutRoute());
  app.route('/', confirmCheckoutRoute());
  app.route('/', placeOrderRoute());
  app.route('/', listMyOrdersRoute());
  app.route('/', getMyOrderRoute());
  app.route('/', listMyContractsRoute());
  app.route('/', getMyContractRoute());
  app.route('/', listMyInvoicesRoute());
  app.route('/', getMyInvoiceRoute());
  app.route('/', getMyInvoicePdfRoute());
  app.route('/', getMyCreditNotePdfRoute());
  app.route('/', quoteMyCancellationRoute());
  app.route('/', getMyRenewalStateRoute());
  app.route('/', quoteMyRenewalRoute());
  app.route('/', requestMyRenewalRoute());
  app.route('/', changeMyNextTermRoute());
  app.route('/', resetMyRenewalPaymentRoute());
  app.route('/', changeMyPaymentMethodRoute());
  app.route('/', getMyCancellationRoute());
  app.route('/', applyMyCancellationRoute());
  app.route('/', withdrawMyCancellationRoute());
  app.route('/', quoteMyChangeRoute());
  app.route('/', getMyChangeRoute());
  app.route('/', applyMyChangeRoute());
  app.route('/', withdrawMyChangeRoute());
  registerApiDocs(app);
  app.route('/', devMailRoutes());
  options.extraRoutes?.(app);

  const indexHtml = registerWebApp(app, options.webRoot ?? defaultWebRoot);

  app.notFound((c) => {
    // Every client gets the page, whatever it accepts: `curl /` is how many people check a server.
    const wantsPage = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (indexHtml && wantsPage && !isServerPath(c.req.path)) {
      // The app's router draws its own "page not found" for paths it does not know.
      const nonce = c.get('secureHeadersNonce' as never) as string;
      return c.html(withNonce(indexHtml, nonce), 200, { 'cache-control': 'no-cache' });
    }
    return problemResponse(c, kernelErrors.notFound());
  });

  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status === 400) {
      // Hono's validator raises this for a body that is not JSON.
      return problemResponse(c, kernelErrors.malformedJson());
    }
    if (error instanceof HTTPException && error.status === 415) {
      // The route's media-type gate: a body that is not JSON (or has no Content-Type) is never read.
      return problemResponse(c, kernelErrors.unsupportedMediaType());
    }
    if (error instanceof HTTPException && error.status === 413) {
      return problemResponse(c, kernelErrors.payloadTooLarge(ctx.config.bodyLimitBytes));
    }
    ctx.logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return problemResponse(
      c,
      new AppError({
        code: 'internal_error',
        status: 500,
        message: {
          ja: 'サーバーで問題が発生しました。時間をおいて再度お試しください。',
          en: 'Something went wrong on the server. Please try again later.',
        },
      }),
    );
  });

  return app;
}
