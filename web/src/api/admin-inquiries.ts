// The operator inquiry inbox over the admin API: list, detail, assignment, notes, replies and status changes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type AdminInquiry = components['schemas']['AdminInquiry'];
export type AdminInquirySummary = components['schemas']['AdminInquirySummary'];
export type AdminInquiryMessage = components['schemas']['AdminInquiryMessage'];
export type InquiryAssignee = components['schemas']['InquiryAssignee'];
type InquiryStatus = components['schemas']['InquiryStatus'];
type InquiryCategory = components['schemas']['InquiryCategory'];

// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const inboxKey = ['admin', 'inquiries'] as const;
const assigneesKey = ['admin', 'inquiry-assignees'] as const;

export interface InboxFilters {
  status?: InquiryStatus | undefined;
  category?: InquiryCategory | undefined;
  /** `me`, `none` (nobody yet) or an operator id. */
  assignee?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export function useInquiryInbox(filters: InboxFilters) {
  return useQuery({
    queryKey: [...inboxKey, 'list', filters],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/inquiries', {
          params: { query: filters },
          signal,
        }),
        '/api/admin/inquiries',
      );
    },
    // The table keeps the last page while the next filter's answer is on its way.
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

export function useAdminInquiry(id: string) {
  return useQuery({
    queryKey: [...inboxKey, 'one', id],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/inquiries/{id}', {
          params: { path: { id } },
          signal,
        }),
        '/api/admin/inquiries/{id}',
      );
    },
    retry: retryBlips,
  });
}

/** Every operator the inbox may name, with whether an inquiry may be assigned to them. */
export function useInquiryAssignees() {
  return useQuery({
    queryKey: assigneesKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/inquiry-assignees', { signal }), '/api/admin/inquiry-assignees')
        .operators;
    },
    staleTime: 60_000,
    retry: retryBlips,
  });
}

/** After any change the answer is the inquiry as it now stands; the lists are refetched. */
function useInquiryChange<Input>(
  id: string,
  send: (input: Input) => Promise<{ data?: AdminInquiry; error?: unknown; response: Response }>,
  path: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Input) => {
      return dataOf(await send(input), path);
    },
    onSuccess: (inquiry) => {
      queryClient.setQueryData([...inboxKey, 'one', id], inquiry);
      return queryClient.invalidateQueries({ queryKey: [...inboxKey, 'list'] });
    },
  });
}

export function useAssignInquiry(id: string) {
  return useInquiryChange(
    id,
    (operatorId: string | null) =>
      api.POST('/api/admin/inquiries/{id}/assign', { params: { path: { id } }, body: { operatorId } }),
    '/api/admin/inquiries/{id}/assign',
  );
}

export function useChangeInquiryStatus(id: string) {
  return useInquiryChange(
    id,
    (body: { status: InquiryStatus; reason?: string }) =>
      api.POST('/api/admin/inquiries/{id}/status', { params: { path: { id } }, body }),
    '/api/admin/inquiries/{id}/status',
  );
}

export function useAddInquiryNote(id: string) {
  return useInquiryChange(
    id,
    (body: string) =>
      api.POST('/api/admin/inquiries/{id}/notes', { params: { path: { id } }, body: { body } }),
    '/api/admin/inquiries/{id}/notes',
  );
}

export function useReplyToInquiry(id: string) {
  return useInquiryChange(
    id,
    (body: string) =>
      api.POST('/api/admin/inquiries/{id}/replies', { params: { path: { id } }, body: { body } }),
    '/api/admin/inquiries/{id}/replies',
  );
}
