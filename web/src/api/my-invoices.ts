// My Page's invoices through the generated client: the list (請求一覧) and one invoice (請求詳細).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, dataOf } from './client';
import type { components } from './schema';

export type MyInvoiceSummary = components['schemas']['MyInvoiceSummary'];
export type MyInvoiceDetail = components['schemas']['MyInvoiceDetail'];

const myInvoicesKey = ['my-invoices'] as const;

/** How many invoices a page of the list holds: two years of months. */
export const MY_INVOICES_PAGE_SIZE = 24;

/** GET /api/mypage/invoices, newest month first: only invoices past their reflection date. */
export function useMyInvoices(page: number) {
  return useQuery({
    queryKey: [...myInvoicesKey, page],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/mypage/invoices', {
          params: { query: { limit: MY_INVOICES_PAGE_SIZE, offset: (page - 1) * MY_INVOICES_PAGE_SIZE } },
          signal,
        }),
        '/api/mypage/invoices',
      ),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/mypage/invoices/{invoiceId}; another member's, or one not yet shown, is a 404. */
export function useMyInvoice(invoiceId: string) {
  return useQuery({
    queryKey: [...myInvoicesKey, 'detail', invoiceId],
    queryFn: async ({ signal }): Promise<MyInvoiceDetail> =>
      dataOf(
        await api.GET('/api/mypage/invoices/{invoiceId}', { params: { path: { invoiceId } }, signal }),
        '/api/mypage/invoices/{invoiceId}',
      ),
    retry: false,
  });
}

/** Where the invoice's PDF is downloaded (the qualified invoice as issued). */
export function myInvoicePdfHref(invoiceId: string): string {
  return `/api/mypage/invoices/${encodeURIComponent(invoiceId)}/pdf`;
}
