// The console's billing through the generated client: closes, invoices and their actions, credit notes, a member's ledger, stored documents.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorRole } from './admin';
import { api, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type BillingRun = components['schemas']['BillingRun'];
export type AdminInvoiceSummary = components['schemas']['InvoiceSummary'] & { memberId: string };
export type LedgerEntry = components['schemas']['LedgerEntry'];
export type CreditNote = components['schemas']['CreditNote'];
export type BillingDocument = components['schemas']['BillingDocument'];
export type InvoiceStatus = components['schemas']['InvoiceSummary']['status'];
export type LedgerKind = LedgerEntry['kind'];

export const invoiceStatuses = [
  'draft',
  'issued',
  'agency_handed',
  'partially_paid',
  'paid',
  'written_off',
  'void',
] as const satisfies readonly InvoiceStatus[];

/** The ways money reaches the store, as an operator records a payment. */
export const receivedMethods = [
  'bank_transfer',
  'card',
  'direct_debit',
  'agency',
  'convenience_store',
  'cash',
  'other',
] as const;
export type ReceivedMethod = (typeof receivedMethods)[number];

// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const key = ['admin', 'billing'] as const;

/** The billing permissions the server grants besides `owner` (only to hide buttons the server would refuse). */
const billingActions = {
  close: ['billing'],
  adjust: ['billing'],
  record_payment: ['billing'],
  refund: ['billing'],
  write_off: ['billing'],
  credit: ['billing'],
} as const satisfies Record<string, readonly OperatorRole[]>;

/** Whether the roles may perform a billing action (the server's `billing.<action>`). */
export function mayBill(roles: readonly OperatorRole[], action: keyof typeof billingActions): boolean {
  const allowed: readonly OperatorRole[] = billingActions[action];
  return roles.some((role) => role === 'owner' || allowed.includes(role));
}

/** GET /api/admin/billing-runs: the closes, newest month first. */
export function useBillingRuns() {
  return useQuery({
    queryKey: [...key, 'runs'],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/billing-runs', { params: { query: {} }, signal }),
        '/api/admin/billing-runs',
      ).runs,
    retry: retryBlips,
  });
}

/** POST /api/admin/billing-runs: the close of a month, or its dry run (the same code, rolled back). */
export function useStartBillingRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { month: string; dryRun: boolean }) =>
      dataOf(await api.POST('/api/admin/billing-runs', { body }), '/api/admin/billing-runs'),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

export interface InvoiceFilters {
  number?: string | undefined;
  memberId?: string | undefined;
  month?: string | undefined;
  status?: InvoiceStatus | undefined;
  limit: number;
  offset: number;
}

/** GET /api/admin/invoices. */
export function useAdminInvoices(filters: InvoiceFilters) {
  return useQuery({
    queryKey: [...key, 'invoices', filters],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/invoices', { params: { query: filters }, signal }),
        '/api/admin/invoices',
      ),
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

/** GET /api/admin/invoices/{invoiceId}. */
export function useAdminInvoice(invoiceId: string) {
  return useQuery({
    queryKey: [...key, 'invoice', invoiceId],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/invoices/{invoiceId}', { params: { path: { invoiceId } }, signal }),
        '/api/admin/invoices/{invoiceId}',
      ),
    retry: retryBlips,
  });
}

/** GET /api/admin/invoices/{invoiceId}/ledger: the invoice's entries and what it still owes. */
export function useInvoiceLedger(invoiceId: string) {
  return useQuery({
    queryKey: [...key, 'invoice', invoiceId, 'ledger'],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/invoices/{invoiceId}/ledger', { params: { path: { invoiceId } }, signal }),
        '/api/admin/invoices/{invoiceId}/ledger',
      ),
    retry: retryBlips,
  });
}

/** GET /api/admin/invoices/{invoiceId}/credit-notes. */
export function useInvoiceCreditNotes(invoiceId: string) {
  return useQuery({
    queryKey: [...key, 'invoice', invoiceId, 'credit-notes'],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/invoices/{invoiceId}/credit-notes', {
          params: { path: { invoiceId } },
          signal,
        }),
        '/api/admin/invoices/{invoiceId}/credit-notes',
      ).creditNotes,
    retry: retryBlips,
  });
}

/** The invoice actions; each reads the invoice, its ledger and the member's ledger again when done. */
export function useInvoiceActions(invoiceId: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: key });
  const params = { path: { invoiceId } };
  return {
    payment: useMutation({
      mutationFn: async (body: {
        amount: number;
        receivedOn: string;
        method: ReceivedMethod;
        note?: string;
      }) =>
        dataOf(
          await api.POST('/api/admin/invoices/{invoiceId}/payments', { params, body }),
          '/api/admin/invoices/{invoiceId}/payments',
        ),
      onSuccess,
    }),
    writeOff: useMutation({
      mutationFn: async (body: { amount?: number; reason: string }) =>
        dataOf(
          await api.POST('/api/admin/invoices/{invoiceId}/write-offs', { params, body }),
          '/api/admin/invoices/{invoiceId}/write-offs',
        ),
      onSuccess,
    }),
    refund: useMutation({
      mutationFn: async (body: { amount?: number; note: string }) =>
        dataOf(
          await api.POST('/api/admin/invoices/{invoiceId}/refunds', { params, body }),
          '/api/admin/invoices/{invoiceId}/refunds',
        ),
      onSuccess,
    }),
    creditNote: useMutation({
      mutationFn: async (body: { reason: string; lines?: { position: number; amount?: number }[] }) =>
        dataOf(
          await api.POST('/api/admin/invoices/{invoiceId}/credit-notes', { params, body }),
          '/api/admin/invoices/{invoiceId}/credit-notes',
        ),
      onSuccess,
    }),
  };
}

/** GET /api/admin/members/{id}/ledger: the balance and every entry, oldest first. */
export function useMemberLedger(memberId: string) {
  return useQuery({
    queryKey: [...key, 'member', memberId, 'ledger'],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/members/{id}/ledger', { params: { path: { id: memberId } }, signal }),
        '/api/admin/members/{id}/ledger',
      ),
    retry: retryBlips,
  });
}

/** POST /api/admin/members/{memberId}/billing-adjustments: a charge or credit on the next invoice. */
export function useBillingAdjustment(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: {
      amount: number;
      taxPercent: 10 | 8;
      descriptionJa: string;
      descriptionEn: string;
      reason: string;
    }) =>
      dataOf(
        await api.POST('/api/admin/members/{memberId}/billing-adjustments', {
          params: { path: { memberId } },
          body,
        }),
        '/api/admin/members/{memberId}/billing-adjustments',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** POST /api/admin/members/{id}/credit-applications: over-payments pay the invoices still owed. */
export function useApplyCredit(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(
        await api.POST('/api/admin/members/{id}/credit-applications', { params: { path: { id: memberId } } }),
        '/api/admin/members/{id}/credit-applications',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export interface DocumentFilters {
  kind?: 'invoice' | 'credit_note' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minAmount?: number | undefined;
  maxAmount?: number | undefined;
  counterparty?: string | undefined;
  limit: number;
  offset: number;
}

/** GET /api/admin/billing-documents: the stored invoices and credit notes (電子帳簿保存法 search). */
export function useBillingDocuments(filters: DocumentFilters) {
  return useQuery({
    queryKey: [...key, 'documents', filters],
    queryFn: async ({ signal }) => {
      const page = dataOf(
        await api.GET('/api/admin/billing-documents', { params: { query: filters }, signal }),
        '/api/admin/billing-documents',
      );
      // The route answers CSV only when asked with format=csv, which this query never sends.
      if (typeof page === 'string') throw new Error('GET /api/admin/billing-documents answered CSV');
      return page;
    },
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

/** The address of a GET with these query values (blank ones left out), for a download link. */
export function downloadHref(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}
