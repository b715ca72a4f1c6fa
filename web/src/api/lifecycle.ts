// Registration review and withdrawal: the operators' queue, the withdraw action, and the member's own withdrawal page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type AdminRegistration = components['schemas']['AdminRegistration'];
export type MemberStatus = components['schemas']['MemberStatus'];
export type BilingualReason = components['schemas']['BilingualReason'];
export type MyWithdrawal = components['schemas']['MyWithdrawal'];

// Under the admin key, so an operator's sign-out drops these with the rest of the console's data.
const registrationsKey = ['admin', 'registrations'] as const;
const withdrawalCheckKey = ['admin', 'member-withdrawal'] as const;
const myWithdrawalKey = ['my-withdrawal'] as const;

export function useRegistrations(status: MemberStatus) {
  return useQuery({
    queryKey: [...registrationsKey, status],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/registrations', {
          params: { query: { status, limit: 200, offset: 0 } },
          signal,
        }),
        '/api/admin/registrations',
      );
    },
    retry: retryBlips,
  });
}

export function useApproveRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      return dataOf(
        await api.POST('/api/admin/registrations/{id}/approve', {
          params: { path: { id } },
        }),
        '/api/admin/registrations/{id}/approve',
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationsKey }),
  });
}

export function useRejectRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) => {
      return dataOf(
        await api.POST('/api/admin/registrations/{id}/reject', {
          params: { path: { id } },
          body: { reason },
        }),
        '/api/admin/registrations/{id}/reject',
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registrationsKey }),
  });
}

/** What blocks withdrawing a member now, for the operator's action. */
export function useMemberWithdrawalCheck(memberId: string, enabled = true) {
  return useQuery({
    queryKey: [...withdrawalCheckKey, memberId],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/members/{id}/withdrawal', {
          params: { path: { id: memberId } },
          signal,
        }),
        '/api/admin/members/{id}/withdrawal',
      );
    },
    enabled,
    retry: retryBlips,
  });
}

export function useWithdrawMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ memberId, reason }: { memberId: string; reason: string }) => {
      return dataOf(
        await api.POST('/api/admin/members/{id}/withdraw', {
          params: { path: { id: memberId } },
          body: { reason },
        }),
        '/api/admin/members/{id}/withdraw',
      );
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
      return dataOf(await api.GET('/api/mypage/withdrawal', { signal }), '/api/mypage/withdrawal');
    },
    retry: retryBlips,
  });
}

export function useWithdrawMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (password: string) => {
      return dataOf(
        await api.POST('/api/mypage/withdrawal', {
          body: { password, confirm: true },
        }),
        '/api/mypage/withdrawal',
      );
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
