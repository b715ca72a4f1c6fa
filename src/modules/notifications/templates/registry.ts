// Every mail template by name; the outbox stores the name, so renaming one is a migration.

import { contractCancellationAcceptedTemplate } from './contract-cancellation-accepted.js';
import { contractCancellationCompleteTemplate } from './contract-cancellation-complete.js';
import { contractCancellationWithdrawnTemplate } from './contract-cancellation-withdrawn.js';
import { contractChangeAcceptedTemplate } from './contract-change-accepted.js';
import { contractChangeAppliedTemplate } from './contract-change-applied.js';
import { contractExpiredTemplate } from './contract-expired.js';
import { contractRenewalReminderTemplate } from './contract-renewal-reminder.js';
import { contractRenewedTemplate } from './contract-renewed.js';
import { contractTrialEndedTemplate } from './contract-trial-ended.js';
import { contractTrialEndingTemplate } from './contract-trial-ending.js';
import { inquiryReceivedTemplate } from './inquiry-received.js';
import { inquiryReplyTemplate } from './inquiry-reply.js';
import { invoiceDueReminderTemplate } from './invoice-due-reminder.js';
import { invoiceIssuedTemplate } from './invoice-issued.js';
import { licenceIssuedTemplate } from './licence-issued.js';
import { memberEmailChangeConfirmationTemplate } from './member-email-change-confirmation.js';
import { memberEmailChangeNoticeTemplate } from './member-email-change-notice.js';
import { memberEmailConfirmationTemplate } from './member-email-confirmation.js';
import { memberLoginIdReminderTemplate } from './member-login-id-reminder.js';
import { memberLoginLockedTemplate } from './member-login-locked.js';
import { memberPasswordChangedTemplate } from './member-password-changed.js';
import { memberPasswordResetLinkTemplate } from './member-password-reset-link.js';
import { memberRegistrationCompleteTemplate } from './member-registration-complete.js';
import { memberRegistrationRejectedTemplate } from './member-registration-rejected.js';
import { memberSecondFactorResetTemplate } from './member-second-factor-reset.js';
import { memberSignInCodeTemplate } from './member-sign-in-code.js';
import { memberTemporaryPasswordTemplate } from './member-temporary-password.js';
import { memberWithdrawalCompleteTemplate } from './member-withdrawal-complete.js';
import { operatorLoginLockedTemplate } from './operator-login-locked.js';
import { operatorSignInCodeTemplate } from './operator-sign-in-code.js';
import { operatorTotpResetTemplate } from './operator-totp-reset.js';
import { orderLineRejectedTemplate } from './order-line-rejected.js';
import { orderLineStartedTemplate } from './order-line-started.js';
import { orderReceiptTemplate } from './order-receipt.js';
import { orderStartDateChangedTemplate } from './order-start-date-changed.js';
import { providerContractNoticeTemplate } from './provider-contract-notice.js';
import { provisioningRequestedTemplate } from './provisioning-requested.js';
import { smtpTestTemplate } from './smtp-test.js';
import type { MailTemplate } from './types.js';

export const mailTemplates = {
  'smtp-test': smtpTestTemplate,
  'member-email-confirmation': memberEmailConfirmationTemplate,
  'member-sign-in-code': memberSignInCodeTemplate,
  'member-email-change-confirmation': memberEmailChangeConfirmationTemplate,
  'member-email-change-notice': memberEmailChangeNoticeTemplate,
  'inquiry-received': inquiryReceivedTemplate,
  'inquiry-reply': inquiryReplyTemplate,
  'operator-sign-in-code': operatorSignInCodeTemplate,
  'member-login-locked': memberLoginLockedTemplate,
  'member-password-changed': memberPasswordChangedTemplate,
  'member-password-reset-link': memberPasswordResetLinkTemplate,
  'member-temporary-password': memberTemporaryPasswordTemplate,
  'member-login-id-reminder': memberLoginIdReminderTemplate,
  'member-registration-complete': memberRegistrationCompleteTemplate,
  'member-registration-rejected': memberRegistrationRejectedTemplate,
  'member-withdrawal-complete': memberWithdrawalCompleteTemplate,
  'operator-login-locked': operatorLoginLockedTemplate,
  'operator-totp-reset': operatorTotpResetTemplate,
  'member-second-factor-reset': memberSecondFactorResetTemplate,
  'order-receipt': orderReceiptTemplate,
  'order-line-started': orderLineStartedTemplate,
  'order-line-rejected': orderLineRejectedTemplate,
  'order-start-date-changed': orderStartDateChangedTemplate,
  'provisioning-requested': provisioningRequestedTemplate,
  'contract-trial-ending': contractTrialEndingTemplate,
  'contract-trial-ended': contractTrialEndedTemplate,
  'contract-renewal-reminder': contractRenewalReminderTemplate,
  'contract-renewed': contractRenewedTemplate,
  'contract-expired': contractExpiredTemplate,
  'contract-cancellation-accepted': contractCancellationAcceptedTemplate,
  'contract-cancellation-complete': contractCancellationCompleteTemplate,
  'contract-cancellation-withdrawn': contractCancellationWithdrawnTemplate,
  'contract-change-accepted': contractChangeAcceptedTemplate,
  'contract-change-applied': contractChangeAppliedTemplate,
  'provider-contract-notice': providerContractNoticeTemplate,
  'licence-issued': licenceIssuedTemplate,
  'invoice-issued': invoiceIssuedTemplate,
  'invoice-due-reminder': invoiceDueReminderTemplate,
} as const satisfies Record<string, MailTemplate>;

export type MailTemplateName = keyof typeof mailTemplates;

/** The template of a name, or undefined for a name no template has. */
export function findMailTemplate(name: string): MailTemplate | undefined {
  return (mailTemplates as Record<string, MailTemplate>)[name];
}
