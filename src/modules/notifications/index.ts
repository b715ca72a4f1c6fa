// The notifications module's public face: queue mail in a transaction; the jobs deliver it.

export {
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointInput,
  createWebhookEndpoint,
} from './create-webhook-endpoint.js';
export { type DeliverMailInput, type DeliverMailResult, deliverMail } from './deliver-mail.js';
export {
  type DeliverWebhookInput,
  type DeliverWebhookResult,
  deliverWebhook,
  WEBHOOK_TIMEOUT_MS,
  WebhookDeliveryError,
} from './deliver-webhook.js';
export { type DispatchOutboxInput, dispatchOutbox, type EnqueueDelivery } from './dispatch-outbox.js';
export { dispatchWebhooks } from './dispatch-webhooks.js';
export { type EnqueueMailInput, enqueueMail, messageIdFor } from './enqueue-mail.js';
export { type EnqueueWebhookInput, enqueueWebhook } from './enqueue-webhook.js';
export { getDevMail } from './get-dev-mail.js';
export { type DevMail, listDevMailbox } from './list-dev-mailbox.js';
export {
  devMailboxTransport,
  type MailTransport,
  mailTransportFor,
  type OutgoingMail,
  smtpTransport,
} from './mail-transport.js';
export { type RenderedMail, renderMail } from './render-mail.js';
export { type MailTemplateName, mailTemplates } from './templates/registry.js';
export type { Locale } from './templates/types.js';
export { parseWebhookEndpointUrl } from './webhook-endpoint-url.js';
export {
  newWebhookSecret,
  type SignedWebhookHeaders,
  signWebhook,
  webhookSecretKey,
} from './webhook-signing.js';
