// The billing module's public face.

export { type BillingPeriod, billingPeriodFor, monthInvalid } from './billing-period.js';
export {
  type CloseBillingMonthInput,
  type CloseProgress,
  type CloseResult,
  closeBillingMonth,
} from './close-billing-month.js';
export { type CloseRunView, findCloseRun, listCloseRuns } from './close-run-view.js';
export { getInvoice, invoiceNotFound } from './get-invoice.js';
export type { InvoiceDetail, InvoiceLineView, InvoiceRateTotal, InvoiceSummary } from './invoice-view.js';
export { getMemberBalance, type LedgerEntryView, listLedgerEntries } from './ledger-balance.js';
export { listMemberInvoices, type SearchInvoicesInput, searchInvoices } from './search-invoices.js';
