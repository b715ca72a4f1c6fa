// The console home's day of work: each count of a queue the operator's roles may open, from the module that owns it.
import type { Temporal } from 'temporal-polyfill';
import type { DbOrTx } from '../db/client.js';
import { countLockedLoginIds, countRegistrationsToReview } from '../modules/identity/auth-index.js';
import { countOpenAttachConflicts } from '../modules/licensing/index.js';
import { countFailedDeliveries } from '../modules/notifications/index.js';
import { countLockedOperators, mayPerform, type OperatorRole } from '../modules/operators/index.js';
import { countOrderWork } from '../modules/ordering/index.js';
import { countOpenInquiries } from '../modules/support/index.js';

/** Counts an operator may see; a count their roles cannot open the queue of is left out, not zero. */
export interface ConsoleOverview {
  newOrders?: number;
  linesWaiting?: number;
  newInquiries?: number;
  unansweredInquiries?: number;
  registrationsToReview?: number;
  lockedLoginIds?: number;
  lockedOperators?: number;
  failedMessages?: number;
  failedWebhooks?: number;
  licenceAttachConflicts?: number;
}

/** The counts for an operator holding `roles`, at `now` (locks in force then). */
export async function getConsoleOverview(
  db: DbOrTx,
  input: { roles: readonly OperatorRole[]; now: Temporal.Instant },
): Promise<ConsoleOverview> {
  const may = (action: Parameters<typeof mayPerform>[1]) => mayPerform(input.roles, action);
  const overview: ConsoleOverview = {};
  if (may('orders.read')) {
    const work = await countOrderWork(db);
    overview.newOrders = work.newOrders;
    overview.linesWaiting = work.linesWaiting;
  }
  if (may('inquiries.read')) {
    const open = await countOpenInquiries(db);
    overview.newInquiries = open.new;
    overview.unansweredInquiries = open.unanswered;
  }
  if (may('registrations.review')) overview.registrationsToReview = await countRegistrationsToReview(db);
  if (may('members.unlock')) overview.lockedLoginIds = await countLockedLoginIds(db, input.now);
  if (may('operators.unlock')) overview.lockedOperators = await countLockedOperators(db, input.now);
  // Failed mail and SMS are read where the dev mailbox is; failed webhooks are provisioning hand-offs, resent from the queue.
  const readsMail = may('mailbox.read');
  const readsOrders = may('orders.read');
  if (readsMail || readsOrders) {
    const failed = await countFailedDeliveries(db);
    if (readsMail) overview.failedMessages = failed.messages;
    if (readsOrders) overview.failedWebhooks = failed.webhooks;
  }
  if (may('licences.manage')) overview.licenceAttachConflicts = await countOpenAttachConflicts(db);
  return overview;
}
