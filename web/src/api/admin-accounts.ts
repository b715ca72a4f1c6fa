// Member and operator administration: search, the member record, unlocks and second-factor resets after an identity check, operator management.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk, retryBlips } from './client';
import type { components } from './schema';

export type AdminMemberSummary = components['schemas']['AdminMemberSummary'];
export type AdminMember = components['schemas']['AdminMember'];
export type AdminOperator = components['schemas']['AdminOperator'];
export type IdentityCheck = components['schemas']['IdentityCheck'];
export type IdentityCheckMethod = IdentityCheck['method'];
export const identityCheckMethods: IdentityCheckMethod[] = [
  'phone_callback',
  'registered_email_reply',
  'document',
  'other',
];

const membersKey = ['admin', 'members'] as const;
const operatorsKey = ['admin', 'operators'] as const;

export function useAdminMembers(q: string) {
  return useQuery({
    queryKey: [...membersKey, 'search', q],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/members', {
          params: { query: { q: q || undefined, limit: 50 } },
          signal,
        }),
        '/api/admin/members',
      );
    },
    retry: retryBlips,
  });
}

/** The member's sign-in history (time, result, step, IP, browser), newest first. */
export function useAdminMemberSignIns(id: string) {
  return useQuery({
    queryKey: [...membersKey, 'sign-ins', id],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/members/{memberId}/sign-ins', {
          params: { path: { memberId: id } },
          signal,
        }),
        '/api/admin/members/{memberId}/sign-ins',
      ).signIns;
    },
    retry: retryBlips,
  });
}

export function useAdminMember(id: string) {
  return useQuery({
    queryKey: [...membersKey, 'one', id],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/members/{id}', {
          params: { path: { id } },
          signal,
        }),
        '/api/admin/members/{id}',
      );
    },
    retry: retryBlips,
  });
}

export function useUnlockMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (identityCheck: IdentityCheck) => {
      expectOk(
        await api.POST('/api/admin/members/{id}/unlock', {
          params: { path: { id } },
          body: { identityCheck },
        }),
        '/api/admin/members/{id}/unlock',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useResetMemberSecondFactor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (identityCheck: IdentityCheck) => {
      return dataOf(
        await api.POST('/api/admin/members/{id}/second-factor/reset', {
          params: { path: { id } },
          body: { identityCheck },
        }),
        '/api/admin/members/{id}/second-factor/reset',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useUnlockLoginId() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { loginId: string; identityCheck: IdentityCheck }) => {
      return dataOf(await api.POST('/api/admin/login-ids/unlock', { body }), '/api/admin/login-ids/unlock');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useOperators() {
  return useQuery({
    queryKey: operatorsKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/operators', { signal }), '/api/admin/operators').operators;
    },
    retry: retryBlips,
  });
}

export type NewOperator = components['schemas']['AdminOperatorCreate'];

export function useCreateOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewOperator) => {
      return dataOf(await api.POST('/api/admin/operators', { body }), '/api/admin/operators');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useChangeOperatorRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, roles }: { id: string; roles: AdminOperator['roles'] }) => {
      return dataOf(
        await api.PUT('/api/admin/operators/{id}/roles', {
          params: { path: { id } },
          body: { roles },
        }),
        '/api/admin/operators/{id}/roles',
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useSetOperatorStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'disable' | 'enable' }) => {
      const path =
        action === 'disable' ? '/api/admin/operators/{id}/disable' : '/api/admin/operators/{id}/enable';
      expectOk(await api.POST(path, { params: { path: { id } }, body: {} }), path);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useOperatorAccessAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      action,
      identityCheck,
    }: {
      id: string;
      action: 'unlock' | 'totp-reset';
      identityCheck: IdentityCheck;
    }) => {
      const path =
        action === 'unlock' ? '/api/admin/operators/{id}/unlock' : '/api/admin/operators/{id}/totp/reset';
      expectOk(await api.POST(path, { params: { path: { id } }, body: { identityCheck } }), path);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useMail(id: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'mailbox', 'one', id],
    enabled: id !== undefined,
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/mailbox/{id}', {
          params: { path: { id: id ?? '' } },
          signal,
        }),
        '/api/admin/mailbox/{id}',
      );
    },
    retry: retryBlips,
  });
}
