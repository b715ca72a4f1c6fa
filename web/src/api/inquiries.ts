// Inquiries over the API for guests and members: the form token, sending the form, and My Page's inquiries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, everyValue, retryBlips } from './client';
import type { components } from './schema';

export type InquiryCategory = components['schemas']['InquiryCategory'];
export type InquiryStatus = components['schemas']['InquiryStatus'];
export type InquiryForm = components['schemas']['InquiryForm'];
export type SubmittedInquiry = components['schemas']['SubmittedInquiry'];
export type MyInquirySummary = components['schemas']['MyInquirySummary'];
export type MyInquiry = components['schemas']['MyInquiry'];

/** The categories in the order the form offers them (the server's enum order). */
export const inquiryCategories: readonly InquiryCategory[] = [
  'unlock',
  'withdrawal',
  'login_id',
  'start_date',
  'billing',
  'other',
];

export const inquiryStatuses = everyValue<InquiryStatus>()(['new', 'in_progress', 'answered', 'closed']);

export function isInquiryCategory(value: unknown): value is InquiryCategory {
  return typeof value === 'string' && (inquiryCategories as readonly string[]).includes(value);
}

const myInquiriesKey = ['my-inquiries'] as const;

/** Fetches a fresh form token; called when the form opens and again when the old one has expired. */
export async function fetchInquiryFormToken() {
  return dataOf(await api.GET('/api/inquiries/form-token'), '/api/inquiries/form-token');
}

export function useSubmitInquiry() {
  return useMutation({
    mutationFn: async (body: InquiryForm) => {
      return dataOf(await api.POST('/api/inquiries', { body }), '/api/inquiries');
    },
  });
}

export function useMyInquiries(enabled: boolean) {
  return useQuery({
    queryKey: myInquiriesKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/mypage/inquiries', { signal }), '/api/mypage/inquiries').items;
    },
    enabled,
    retry: retryBlips,
  });
}

export function useMyInquiry(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...myInquiriesKey, id],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/mypage/inquiries/{id}', {
          params: { path: { id } },
          signal,
        }),
        '/api/mypage/inquiries/{id}',
      );
    },
    enabled,
    retry: retryBlips,
  });
}

export function useAddMyInquiryMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: string) => {
      return dataOf(
        await api.POST('/api/mypage/inquiries/{id}/messages', {
          params: { path: { id } },
          body: { body },
        }),
        '/api/mypage/inquiries/{id}/messages',
      );
    },
    onSuccess: (inquiry) => {
      queryClient.setQueryData([...myInquiriesKey, id], inquiry);
      return queryClient.invalidateQueries({ queryKey: myInquiriesKey, exact: true });
    },
  });
}
