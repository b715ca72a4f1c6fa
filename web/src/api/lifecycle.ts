// Registration review and withdrawal: the operators' queue, the withdraw action, and the member's own withdrawal page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiError } from './client';
import type { components } from './schema';

export type AdminRegistration = components['schemas']['AdminRegistration'];
export type MemberStatus = components['schemas']['MemberStatus'];
export type BilingualReason = components['schemas']['BilingualReason'];
export type MyWithdrawal = components['schemas']['MyWithdrawal'];

// Under the admin key, so an operator's sign-out drops these with the rest of the console's data.
const registrationsKey = ['admin', 'registrations'] as const;
const withdrawalCheckKey = ['admin', 'member-withdrawal'] as const;
const myWithdrawalKey = ['my-withdrawal'] as const;

const retryBlips = (failures: number, error: Error) => failures < 1 && !(error instanceof ApiError);

export function useRegistrations(status: MemberStatus) {
  return useQuery({
    queryKey: [...registrationsKey, status],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/registrations', {
        params: { query: { status, limit: 200, offset: 0 } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/registrations', error);
      return data;
    },
    retry: retryBlips,
  });
}

export function useApproveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { data, error, response } = await api.POST('/api/admin/registrations/{id}/approve', {
        params: { path: { id } },
      });
      if (data === undefined) throw apiError(response, '/api/admin/registrations/{id}/approve', error);
      return data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationsKey }),
  });
}

export function useRejectRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) => {
      const { data, error, response } = await api.POST('/api/admin/registrations/{id}/reject', {
        params: { path: { id } },
        body: { reason },
      });
      if (data === undefined) throw apiError(response, '/api/admin/registrations/{id}/reject', error);
      return data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationsKey }),
  });
}

/** What blocks withdrawing a member now, for the operator's action. */
export function useMemberWithdrawalCheck(memberId: string, enabled = true) {
  return useQuery({
    queryKey: [...withdrawalCheckKey, memberId],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/members/{id}/withdrawal', {
        params: { path: { id: memberId } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{id}/withdrawal', error);
      return data;
    },
    enabled,
    retry: retryBlips,
  });
}

export function useWithdrawMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ memberId, reason }: { memberId: string; reason: string }) => {
      const { data, error, response } = await api.POST('/api/admin/members/{id}/withdraw', {
        params: { path: { id: memberId } },
        body: { reason },
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{id}/withdraw', error);
      return data;
    },
    // The member list and record, and the check itself, all change.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** The signed-in member's withdrawal mode and current blockers. */
export function useMyWithdrawal() {
  return useQuery({
    queryKey: myWithdrawalKey,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/mypage/withdrawal', { signal });
      if (data === undefined) throw apiError(response, '/api/mypage/withdrawal', error);
      return data;
    },
    retry: retryBlips,
  });
}

export function useWithdrawMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => {
      const { data, error, response } = await api.POST('/api/mypage/withdrawal', {
        body: { password, confirm: true },
      });
      if (data === undefined) throw apiError(response, '/api/mypage/withdrawal', error);
      return data;
    },
    onSuccess: () => {
      // Every session has ended: the header and My Page must show a signed-out visitor at once.
      queryClient.setQueryData(['me'], null);
      queryClient.removeQueries({ queryKey: myWithdrawalKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'withdrawal_blocked')
        void queryClient.invalidateQueries({ queryKey: myWithdrawalKey });
    },
  });
}
