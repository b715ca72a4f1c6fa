// Which operator roles may do what: one entry per admin action, so every admin route names the action it performs.
import { type OperatorRole, operatorRoleNames } from '../../db/schema/operators.js';

export { type OperatorRole, operatorRoleNames };

/**
 * The roles allowed each action besides `owner`, who may do everything. An action missing here cannot be
 * named by a route, so a new admin route has to decide its roles before it compiles.
 */
export const operatorPermissions = {
  /** Reading and securing one's own account (profile, authenticator app). */
  'account.self': ['billing', 'support', 'catalog'],
  /** The console home's counts; each count is shown only to roles that may open its queue. */
  'overview.read': ['billing', 'support', 'catalog'],
  /** Reading the dev mailbox: support answers "I got no mail". */
  'mailbox.read': ['support'],
  /**
   * The text of kept mail and SMS that carry a credential (sign-in codes — operators' too —, temporary
   * passwords, single-use links): owner only, or support could sign in as an operator or a member.
   */
  'mailbox.read_secrets': [],
  /** The failed-delivery queue (mail, SMS, webhooks), masked: support answers "I got no mail". */
  'deliveries.read': ['support'],
  /** Sending a failed delivery again, audited. */
  'deliveries.retry': ['support'],
  'store.read': [],
  'store.update': [],
  'closure_days.read': [],
  /** The rehearsal clock (KEIYAKU_TEST_CLOCK=1): every operator sees the store's time on every page. */
  'test_clock.read': ['billing', 'support', 'catalog'],
  /** Moving it renews, expires and bills at will: the owner only. */
  'test_clock.move': [],
  'closure_days.update': [],
  /**
   * The inquiry inbox is support's work; billing and catalog staff neither read customers' messages nor
   * answer them, so a reply always comes from someone whose job is answering.
   */
  'inquiries.read': ['support'],
  /** Assigning, internal notes, replies and status changes. */
  'inquiries.handle': ['support'],
  /** Looking members up (profile, sign-in history, consent) to answer "I cannot sign in". */
  'members.read': ['support'],
  /** The registration review queue (manual review): reading it, approving and rejecting. */
  'registrations.review': ['support'],
  /** Withdrawing a member on request, after the same blocker check members get. */
  'members.withdraw': ['support'],
  /**
   * Lifting a member's lock and resetting a member's second factor, each after an identity check that is
   * recorded: support answers the inquiries that ask for them (seed 001).
   */
  'members.unlock': ['support'],
  'members.second_factor_reset': ['support'],
  /** Operator accounts stay with the owner: who works here, with which roles, and their access. */
  'operators.read': [],
  'operators.manage': [],
  'operators.unlock': [],
  'operators.totp_reset': [],
  /** Reading the catalog editor: providers, products in any status, document versions. */
  'catalog.read': ['catalog'],
  /** Changing the catalog: providers, product definitions and prices, statuses, document versions. */
  'catalog.update': ['catalog'],
  /** Issuing and revoking providers' API keys: catalog staff onboard providers. */
  'provider_keys.manage': ['catalog'],
  /**
   * Reading orders (list, detail, timeline, consents, provisioning) and the provisioning queue: support
   * answers "where is my order", billing checks what was ordered.
   */
  'orders.read': ['support', 'billing'],
  /**
   * Moving order lines (preparing, start with a date, reject, change the start date on the member's
   * request) and resending a failed hand-off: support, who takes the member's and the provider's calls.
   */
  'orders.update': ['support'],
  /** Reading contracts (search, detail, timeline): support answers the member, billing checks what is billed. */
  'contracts.read': ['support', 'billing'],
  /**
   * Suspending and resuming a contract with a reason: billing stops a contract for an unpaid invoice, support
   * on the member's or the provider's request.
   */
  'contracts.suspend': ['support', 'billing'],
  /** Recording that a manual renewal was paid (until payments exist): billing, who sees the money arrive. */
  'contracts.record_payment': ['billing'],
  /**
   * Deciding cancellations and changes wished inside the lead time (confirm the date or propose another):
   * support, who talks to the member and the provider about what date can be met.
   */
  'contracts.decide': ['support'],
  /** Reading billing profiles and their twelve-month calendar: billing, who answers "when am I charged". */
  'billing_profiles.read': ['billing'],
  /** Changing a billing profile's closing, My Page and due-date rules from a month on. */
  'billing_profiles.update': ['billing'],
  /** Reading billing runs and invoices (search, detail): billing closes the month, support answers the member. */
  'billing.read': ['support', 'billing'],
  /** Running the monthly close (or its dry run): billing. */
  'billing.close': ['billing'],
  /** Adjusting what a member is billed (a charge or a credit on the next invoice), with a reason: billing. */
  'billing.adjust': ['billing'],
  /**
   * Recording a payment seen to arrive (until payments arrive from providers) and applying a member's credit
   * to invoices still owed: billing, who reads the bank statement.
   */
  'billing.record_payment': ['billing'],
  /** Refunding what a member paid beyond an invoice: billing, who sends the money back. */
  'billing.refund': ['billing'],
  /** Writing off what an invoice still owes, with a reason: billing. */
  'billing.write_off': ['billing'],
  /** Issuing credit notes (返還請求書) on issued invoices, with a reason: billing, who corrects what was billed. */
  'billing.credit': ['billing'],
  /**
   * Software licences (search, detail with machines and validations): support answers "my product will not
   * start", billing checks a licence against its contract.
   */
  'licences.read': ['support', 'billing'],
  /**
   * Revoking and reissuing an install key, freeing machines and closing attach conflicts: support, who
   * talks to the member who lost a key or bought a second-hand package.
   */
  'licences.manage': ['support'],
  /** Importing printed packages' numbers and keys: catalog staff, who set up the products they belong to. */
  'licences.import': ['catalog'],
  /** Rotating the key that signs licence answers: the owner only, like every store-wide secret. */
  'licences.rotate_signing_key': [],
} as const satisfies Record<string, readonly OperatorRole[]>;

export type OperatorAction = keyof typeof operatorPermissions;

/** The roles that may perform an action, `owner` always first. */
export function rolesFor(action: OperatorAction): OperatorRole[] {
  return ['owner', ...operatorPermissions[action]];
}

/** Whether an operator holding `roles` may perform `action`. */
export function mayPerform(roles: readonly OperatorRole[], action: OperatorAction): boolean {
  const allowed = rolesFor(action);
  return roles.some((role) => allowed.includes(role));
}
