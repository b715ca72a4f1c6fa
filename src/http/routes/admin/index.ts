// The admin API: every route under /api/admin, guarded by the operator session and the permission map.

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../openapi-app.js';
import { adminAddInquiryNoteRoute } from './add-inquiry-note.js';
import { adminApproveRegistrationRoute } from './approve-registration.js';
import { adminAssignInquiryRoute } from './assign-inquiry.js';
import {
  adminGetInvoiceRoute,
  adminListBillingRunsRoute,
  adminSearchInvoicesRoute,
  adminStartBillingRunRoute,
} from './billing.js';
import { adminRecordBillingAdjustmentRoute } from './billing-adjustments.js';
import {
  adminExportInvoicesRoute,
  adminGetCreditNotePdfRoute,
  adminIssueCreditNoteRoute,
  adminListInvoiceCreditNotesRoute,
  adminSearchBillingDocumentsRoute,
} from './billing-documents.js';
import {
  adminApplyMemberCreditRoute,
  adminGetInvoiceLedgerRoute,
  adminGetMemberLedgerRoute,
  adminListFlaggedPaymentsRoute,
  adminRecordInvoicePaymentRoute,
  adminRefundInvoiceCreditRoute,
  adminWriteOffInvoiceRoute,
} from './billing-ledger.js';
import {
  adminGetBillingProfileRoute,
  adminGetBillingScheduleRoute,
  adminListBillingProfilesRoute,
  adminPutBillingProfileRoute,
} from './billing-profiles.js';
import {
  adminChangeProductStatusRoute,
  adminCreateProductRoute,
  adminGetProductRoute,
  adminListProductsRoute,
  adminUpdateProductRoute,
} from './catalog-products.js';
import {
  adminCreateProviderRoute,
  adminListProvidersRoute,
  adminRotateProviderWebhookSecretRoute,
  adminUpdateProviderRoute,
} from './catalog-providers.js';
import { adminListTermsDocumentsRoute, adminPublishTermsDocumentRoute } from './catalog-terms-documents.js';
import { adminChangeInquiryStatusRoute } from './change-inquiry-status.js';
import { adminChangeOperatorRolesRoute } from './change-operator-roles.js';
import {
  adminAddClosureDayRoute,
  adminListClosureDaysRoute,
  adminRemoveClosureDayRoute,
} from './closure-days.js';
import { adminConfirmTotpRoute } from './confirm-totp.js';
import { adminConfirmContractRequestRoute, adminListContractRequestsRoute } from './contract-requests.js';
import {
  adminGetContractRoute,
  adminListContractsRoute,
  adminResumeContractRoute,
  adminSuspendContractRoute,
} from './contracts.js';
import { adminCreateOperatorRoute } from './create-operator.js';
import { adminCreateSessionRoute } from './create-session.js';
import { adminDeleteSessionRoute } from './delete-session.js';
import { adminDisableOperatorRoute } from './disable-operator.js';
import { adminEnableOperatorRoute } from './enable-operator.js';
import { adminGetInquiryRoute } from './get-inquiry.js';
import { adminGetMailRoute } from './get-mail.js';
import { adminGetMeRoute } from './get-me.js';
import { adminGetMemberRoute } from './get-member.js';
import { adminGetOverviewRoute } from './get-overview.js';
import { adminGetInvoicePdfRoute } from './invoice-pdf.js';
import {
  adminFreeLicenceMachineRoute,
  adminGetLicenceRoute,
  adminImportLicencesRoute,
  adminListLicenceProductsRoute,
  adminListLicencesRoute,
  adminListLicenceValidationsRoute,
  adminReissueInstallKeyRoute,
} from './licences.js';
import { adminListContractRenewalsRoute } from './list-contract-renewals.js';
import { adminListFailedDeliveriesRoute } from './list-failed-deliveries.js';
import { adminListInquiriesRoute } from './list-inquiries.js';
import { adminListInquiryAssigneesRoute } from './list-inquiry-assignees.js';
import { adminListMailboxRoute } from './list-mailbox.js';
import { adminListMemberSignInsRoute } from './list-member-sign-ins.js';
import { adminListMembersRoute } from './list-members.js';
import { adminListOperatorsRoute } from './list-operators.js';
import { adminListRegistrationsRoute } from './list-registrations.js';
import { adminListSmsRoute } from './list-sms.js';
import {
  adminChangeLineStartDateRoute,
  adminConfirmLineStartRoute,
  adminMarkLinePreparingRoute,
  adminRejectLineRoute,
  adminResendProvisioningRoute,
} from './order-line-steps.js';
import { adminGetOrderRoute, adminListOrdersRoute, adminProvisioningQueueRoute } from './orders.js';
import {
  adminIssueProviderApiKeyRoute,
  adminListProviderApiKeysRoute,
  adminRevokeProviderApiKeyRoute,
} from './provider-api-keys.js';
import { recordContractRenewalPaymentRoute } from './record-contract-renewal-payment.js';
import { adminRejectRegistrationRoute } from './reject-registration.js';
import { adminReplyToInquiryRoute } from './reply-to-inquiry.js';
import { adminResetMemberSecondFactorRoute } from './reset-member-second-factor.js';
import { adminResetOperatorTotpRoute } from './reset-operator-totp.js';
import { adminRetryFailedDeliveryRoute } from './retry-failed-delivery.js';
import { adminRotateLicenceSigningKeyRoute } from './rotate-licence-signing-key.js';
import { adminStartTotpRoute } from './start-totp.js';
import { adminGetStoreRoute, adminUpdateStoreRoute } from './store-settings.js';
import { adminGetTestClockRoute, adminMoveTestClockRoute } from './test-clock.js';
import { adminUnlockLoginIdRoute } from './unlock-login-id.js';
import { adminUnlockMemberRoute } from './unlock-member.js';
import { adminUnlockOperatorRoute } from './unlock-operator.js';
import { adminVerifyCodeRoute } from './verify-code.js';
import { adminGetMemberWithdrawalRoute, adminWithdrawMemberRoute } from './withdraw-member.js';

/** Mounts every admin route on the app. */
export function registerAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.route('/', adminCreateSessionRoute());
  app.route('/', adminVerifyCodeRoute());
  app.route('/', adminDeleteSessionRoute());
  app.route('/', adminGetMeRoute());
  app.route('/', adminGetOverviewRoute());
  app.route('/', adminStartTotpRoute());
  app.route('/', adminConfirmTotpRoute());
  app.route('/', adminListMailboxRoute());
  app.route('/', adminListFailedDeliveriesRoute());
  app.route('/', adminRetryFailedDeliveryRoute());
  app.route('/', adminListSmsRoute());
  app.route('/', adminGetStoreRoute());
  app.route('/', adminUpdateStoreRoute());
  app.route('/', adminListClosureDaysRoute());
  app.route('/', adminAddClosureDayRoute());
  app.route('/', adminRemoveClosureDayRoute());
  app.route('/', adminListBillingProfilesRoute());
  app.route('/', adminGetBillingProfileRoute());
  app.route('/', adminPutBillingProfileRoute());
  app.route('/', adminGetBillingScheduleRoute());
  app.route('/', adminGetTestClockRoute());
  app.route('/', adminMoveTestClockRoute());
  app.route('/', adminListInquiriesRoute());
  app.route('/', adminGetInquiryRoute());
  app.route('/', adminAssignInquiryRoute());
  app.route('/', adminAddInquiryNoteRoute());
  app.route('/', adminReplyToInquiryRoute());
  app.route('/', adminChangeInquiryStatusRoute());
  app.route('/', adminListInquiryAssigneesRoute());
  app.route('/', adminListMembersRoute());
  app.route('/', adminGetMemberRoute());
  app.route('/', adminListMemberSignInsRoute());
  app.route('/', adminListRegistrationsRoute());
  app.route('/', adminApproveRegistrationRoute());
  app.route('/', adminRejectRegistrationRoute());
  app.route('/', adminGetMemberWithdrawalRoute());
  app.route('/', adminWithdrawMemberRoute());
  // Account access: unlocks and second-factor resets after an identity check, and operator management.
  app.route('/', adminGetMailRoute());
  app.route('/', adminUnlockMemberRoute());
  app.route('/', adminUnlockLoginIdRoute());
  app.route('/', adminResetMemberSecondFactorRoute());
  app.route('/', adminListOperatorsRoute());
  app.route('/', adminCreateOperatorRoute());
  app.route('/', adminChangeOperatorRolesRoute());
  app.route('/', adminDisableOperatorRoute());
  app.route('/', adminEnableOperatorRoute());
  app.route('/', adminUnlockOperatorRoute());
  app.route('/', adminResetOperatorTotpRoute());
  app.route('/', adminListProvidersRoute());
  app.route('/', adminCreateProviderRoute());
  app.route('/', adminUpdateProviderRoute());
  app.route('/', adminListProductsRoute());
  app.route('/', adminCreateProductRoute());
  app.route('/', adminGetProductRoute());
  app.route('/', adminUpdateProductRoute());
  app.route('/', adminChangeProductStatusRoute());
  app.route('/', adminListTermsDocumentsRoute());
  app.route('/', adminPublishTermsDocumentRoute());
  app.route('/', adminRotateProviderWebhookSecretRoute());
  app.route('/', adminListProviderApiKeysRoute());
  app.route('/', adminIssueProviderApiKeyRoute());
  app.route('/', adminRevokeProviderApiKeyRoute());
  app.route('/', adminListOrdersRoute());
  app.route('/', adminGetOrderRoute());
  app.route('/', adminProvisioningQueueRoute());
  app.route('/', adminListContractsRoute());
  app.route('/', adminListBillingRunsRoute());
  app.route('/', adminStartBillingRunRoute());
  app.route('/', adminRecordInvoicePaymentRoute());
  app.route('/', adminWriteOffInvoiceRoute());
  app.route('/', adminRefundInvoiceCreditRoute());
  app.route('/', adminGetInvoiceLedgerRoute());
  app.route('/', adminGetMemberLedgerRoute());
  app.route('/', adminApplyMemberCreditRoute());
  app.route('/', adminListFlaggedPaymentsRoute());
  app.route('/', adminRecordBillingAdjustmentRoute());
  app.route('/', adminSearchInvoicesRoute());
  // Before /api/admin/invoices/{invoiceId}, so that `export` is not read as an invoice id.
  app.route('/', adminExportInvoicesRoute());
  app.route('/', adminGetInvoiceRoute());
  app.route('/', adminGetInvoicePdfRoute());
  app.route('/', adminIssueCreditNoteRoute());
  app.route('/', adminListInvoiceCreditNotesRoute());
  app.route('/', adminGetCreditNotePdfRoute());
  app.route('/', adminSearchBillingDocumentsRoute());
  app.route('/', adminGetContractRoute());
  app.route('/', adminListContractRenewalsRoute());
  app.route('/', recordContractRenewalPaymentRoute());
  app.route('/', adminSuspendContractRoute());
  app.route('/', adminResumeContractRoute());
  app.route('/', adminListContractRequestsRoute());
  app.route('/', adminConfirmContractRequestRoute());
  app.route('/', adminMarkLinePreparingRoute());
  app.route('/', adminConfirmLineStartRoute());
  app.route('/', adminRejectLineRoute());
  app.route('/', adminChangeLineStartDateRoute());
  app.route('/', adminResendProvisioningRoute());
  app.route('/', adminRotateLicenceSigningKeyRoute());
  app.route('/', adminListLicencesRoute());
  app.route('/', adminListLicenceProductsRoute());
  app.route('/', adminImportLicencesRoute());
  app.route('/', adminGetLicenceRoute());
  app.route('/', adminListLicenceValidationsRoute());
  app.route('/', adminFreeLicenceMachineRoute());
  app.route('/', adminReissueInstallKeyRoute());
}
