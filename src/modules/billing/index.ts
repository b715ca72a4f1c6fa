// The billing module's public face.

export { applyMemberCredit, type CreditMove } from './apply-member-credit.js';
export { type BillingPeriod, billedMonthOf, billingPeriodFor, monthInvalid } from './billing-period.js';
export {
  billingProfileCodeSchema,
  billingProfileErrors,
  billingProfileRulesSchema,
  parseBillingMonth,
} from './billing-profile-rules.js';
export { openBalanceBlocker, registerBillingWithdrawalBlockers } from './billing-withdrawal-blockers.js';
export { chargeErrors } from './charge-errors.js';
export {
  claimInvoiceNotice,
  defaultDueReminderDays,
  findDueInvoiceNotices,
  type InvoiceNoticeCandidate,
  type InvoiceNoticeKind,
} from './claim-invoice-notices.js';
export {
  type CloseBillingMonthInput,
  type CloseProgress,
  type CloseResult,
  closeBillingMonth,
} from './close-billing-month.js';
export { type CloseRunView, findCloseRun, listCloseRuns } from './close-run-view.js';
export {
  type CreditNoteDetail,
  type CreditNoteLineView,
  findCreditNote,
  listInvoiceCreditNotes,
} from './credit-note-view.js';
export {
  defaultBillingProfileCode,
  defaultBillingProfileFrom,
  ensureDefaultBillingProfile,
} from './ensure-default-billing-profile.js';
export {
  type CsvEncoding,
  exportInvoicesCsv,
  invoiceCsvColumns,
  invoicesCsvText,
} from './export-invoices-csv.js';
export { getBillingCalendarMonth } from './get-billing-calendar-month.js';
export { getBillingCalendarSchedule } from './get-billing-calendar-schedule.js';
export { type BillingProfile, type BillingProfileVersion, getBillingProfile } from './get-billing-profile.js';
export { creditNoteNotFound, getCreditNotePdf } from './get-credit-note-pdf.js';
export { getInvoice, invoiceNotFound } from './get-invoice.js';
export {
  type FlaggedPayment,
  getInvoiceLedger,
  type InvoiceLedgerEntry,
  listFlaggedPayments,
} from './get-invoice-ledger.js';
export { type BillingPdf, ensureInvoiceDocument, getInvoicePdf } from './get-invoice-pdf.js';
export { getMyPageInvoice, type MyPageInvoiceDetail } from './get-my-page-invoice.js';
export {
  dueDateFor,
  type InvoiceMemberDates,
  type InvoicePaymentMethod,
  invoiceMemberDatesResolver,
  invoicePaymentMethodLabel,
} from './invoice-member-dates.js';
export {
  type InvoiceLedgerSums,
  invoiceLedgerSums,
  invoiceNotPayable,
  statusFromLedger,
} from './invoice-settlement.js';
export type { InvoiceDetail, InvoiceLineView, InvoiceRateTotal, InvoiceSummary } from './invoice-view.js';
export {
  creditNoteErrors,
  creditNoteNumberOf,
  type IssueCreditNoteInput,
  issueCreditNote,
} from './issue-credit-note.js';
export { issueDueInvoices } from './issue-due-invoices.js';
export { getMemberBalance, type LedgerEntryView, listLedgerEntries } from './ledger-balance.js';
export { ledgerErrors } from './ledger-errors.js';
export { type BillingProfileSummary, listBillingProfiles } from './list-billing-profiles.js';
export { listMyPageInvoices, type MyPageInvoiceSummary } from './list-my-page-invoices.js';
export { loadBillingProfileVersions } from './load-billing-profile-versions.js';
export {
  type PutBillingProfileVersionInput,
  putBillingProfileVersion,
} from './put-billing-profile-version.js';
export {
  type RecordBillingAdjustmentInput,
  type RecordedAdjustment,
  recordBillingAdjustment,
} from './record-billing-adjustment.js';
export {
  type RecordContractChargeInput,
  type RecordedContractCharge,
  recordContractCharge,
} from './record-contract-charge.js';
export {
  type PaymentMethod,
  paymentMethods,
  type RecordedPayment,
  type RecordInvoicePaymentInput,
  recordInvoicePayment,
} from './record-invoice-payment.js';
export { type RecordedUsage, recordUsage, type UsageRecordInput, usageBatchLimit } from './record-usage.js';
export { type RefundInvoiceCreditInput, refundInvoiceCredit } from './refund-invoice-credit.js';
export { registerBillingSubscribers } from './register-billing-subscribers.js';
export {
  type BillingDocumentView,
  type SearchBillingDocumentsInput,
  searchBillingDocuments,
} from './search-billing-documents.js';
export { listMemberInvoices, type SearchInvoicesInput, searchInvoices } from './search-invoices.js';
export { sha256Of } from './store-billing-document.js';
export { storeDocumentsBatch, storeIssuedBillingDocuments } from './store-issued-documents.js';
export { type WriteOffInvoiceInput, writeOffInvoice } from './write-off-invoice.js';
