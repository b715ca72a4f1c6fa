// The notifications module's public face: queue mail in a transaction; the jobs deliver it.
export { type DeliverMailInput, type DeliverMailResult, deliverMail } from './deliver-mail.js';
export { type DispatchOutboxInput, dispatchOutbox, type EnqueueDelivery } from './dispatch-outbox.js';
export { type EnqueueMailInput, enqueueMail, messageIdFor } from './enqueue-mail.js';
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
