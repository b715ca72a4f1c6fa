// The notifications module's public face: queue mail and SMS in a transaction; the jobs deliver them.
export { carriesSecret } from './carries-secret.js';
export {
  type ChangeWebhookEndpointNetworksInput,
  changeWebhookEndpointNetworks,
} from './change-webhook-endpoint-networks.js';
export {
  type ChangeWebhookEndpointUrlInput,
  changeWebhookEndpointUrl,
} from './change-webhook-endpoint-url.js';
export { countFailedDeliveries } from './count-failed-deliveries.js';
export {
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointInput,
  createWebhookEndpoint,
} from './create-webhook-endpoint.js';
export { type DeliverMailInput, type DeliverMailResult, deliverMail } from './deliver-mail.js';
export { type DeliverSmsInput, type DeliverSmsResult, deliverSms } from './deliver-sms.js';
export {
  type DeliverWebhookInput,
  type DeliverWebhookResult,
  deliverWebhook,
  WEBHOOK_TIMEOUT_MS,
  WebhookDeliveryError,
} from './deliver-webhook.js';
export { deliveryErrors } from './delivery-errors.js';
export { type DisableWebhookEndpointInput, disableWebhookEndpoint } from './disable-webhook-endpoint.js';
export {
  type DispatchOutboxInput,
  deliveryJobKey,
  dispatchOutbox,
  type EnqueueDelivery,
} from './dispatch-outbox.js';
export { type DispatchWebhooksInput, dispatchWebhooks } from './dispatch-webhooks.js';
export { type EnqueueMailInput, enqueueMail, messageIdFor } from './enqueue-mail.js';
export { type EnqueueSmsInput, enqueueSms } from './enqueue-sms.js';
export { type EnqueueWebhookInput, enqueueWebhook } from './enqueue-webhook.js';
export {
  findDeliveries,
  type MailDelivery,
  type WebhookDelivery,
} from './find-deliveries.js';
export { findWebhookEndpoints, type WebhookEndpointSummary } from './find-webhook-endpoints.js';
export { getDevMail } from './get-dev-mail.js';
export { type HostResolver, type ResolvedAddress, systemHostResolver } from './host-resolver.js';
export { type DevMail, listDevMailbox } from './list-dev-mailbox.js';
export { type DevSms, listDevSms } from './list-dev-sms.js';
export { type FailedDelivery, listFailedDeliveries } from './list-failed-deliveries.js';
export {
  devMailboxTransport,
  type MailTransport,
  mailTransportFor,
  type OutgoingMail,
  smtpTransport,
} from './mail-transport.js';
export { maskAddressesIn, maskRecipient } from './mask-recipient.js';
export { type RenderedMail, renderMail } from './render-mail.js';
export { renderSms } from './render-sms.js';
export { type RetryFailedDeliveryInput, retryFailedDelivery } from './retry-failed-delivery.js';
export { type RotateWebhookSecretInput, rotateWebhookSecret } from './rotate-webhook-secret.js';
export { type SmsTemplateName, smsTemplates } from './sms-templates/registry.js';
export {
  devSmsTransport,
  type OutgoingSms,
  PermanentSmsFailure,
  type SmsReceipt,
  type SmsTransport,
  smsTransportFor,
  type TwilioConfig,
  twilioSmsTransport,
} from './sms-transport.js';
export { type MailTemplateName, mailTemplates } from './templates/registry.js';
export type { Locale } from './templates/types.js';
export { parseWebhookEndpointUrl } from './webhook-endpoint-url.js';
export {
  newWebhookSecret,
  type SignedWebhookHeaders,
  signWebhook,
  webhookSecretKey,
} from './webhook-signing.js';
export {
  assertWebhookTargetAllowed,
  describeRefusedTarget,
  type ResolvedWebhookTarget,
  resolveWebhookTarget,
  webhookAddressKind,
} from './webhook-target.js';
