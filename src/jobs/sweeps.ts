// The registry of periodic sweeps: each does whatever is due by "now"; the worker queues them, the store clock runs them.
import type { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../context.js';
import { anonymiseMembersSweep } from '../flows/anonymise-members-sweep.js';
import { applyContractChangesSweep } from '../flows/apply-contract-changes-sweep.js';
import { contractRenewalsSweep } from '../flows/contract-renewals-sweep.js';
import { contractTrialsSweep } from '../flows/contract-trials-sweep.js';
import { endContractsSweep } from '../flows/end-contracts-sweep.js';
import { invoiceNoticesSweep } from '../flows/invoice-notices-sweep.js';
import { issueInvoicesSweep } from '../flows/issue-invoices-sweep.js';
import { pruneLicenceValidationsSweep } from '../flows/prune-licence-validations-sweep.js';
import { storeIssuedBillingDocuments } from '../modules/billing/index.js';

/**
 * A named sweep. `run` finds what is due by `now` from `due_at`-style columns and does it, safe to repeat
 * and to run on two nodes at once (it skips rows another node holds); it returns how many things it did.
 * The name is also its pg-boss queue (policy `stately`, see queues.ts).
 */
export interface Sweep {
  name: string;
  run(ctx: AppContext, now: Temporal.Instant): Promise<number>;
}

/**
 * Every sweep, in the order the store clock runs them: a later sweep may act on what an earlier one did
 * (a renewal before the invoice run that bills it), so new sweeps go where their inputs are ready.
 */
export const sweeps: readonly Sweep[] = [
  // Trials convert first, so a rehearsal jumping past a converted trial's first term renews it in the
  // same pass; renewals come before anything that bills.
  { name: 'contracts.trials', run: contractTrialsSweep },
  { name: 'contracts.renewals', run: contractRenewalsSweep },
  // Changes after renewals, so a change dated on a term's first day applies to the renewed term (its
  // difference is worked out against the snapshot in force), and before endings.
  { name: 'contracts.changes', run: applyContractChangesSweep },
  { name: 'contracts.end', run: endContractsSweep },
  { name: 'members.anonymise', run: anonymiseMembersSweep },
  // Drafts are issued before the mails, so an invoice issued today is mailed in the same pass.
  { name: 'billing.issue_invoices', run: issueInvoicesSweep },
  { name: 'billing.invoice_notices', run: invoiceNoticesSweep },
  // Every issued document is kept as an electronic record without waiting for someone to download it.
  { name: 'billing.documents', run: (ctx, now) => storeIssuedBillingDocuments(ctx.db, { now }) },
  { name: 'licences.validations_prune', run: pruneLicenceValidationsSweep },
];

/** What one sweep did in a `runSweeps` pass. */
export interface SweepResult {
  name: string;
  count: number;
}

/** Runs every sweep in order with the same `now`, one after the other. */
export async function runSweeps(ctx: AppContext, now: Temporal.Instant): Promise<SweepResult[]> {
  const results: SweepResult[] = [];
  for (const sweep of sweeps) results.push({ name: sweep.name, count: await sweep.run(ctx, now) });
  return results;
}
