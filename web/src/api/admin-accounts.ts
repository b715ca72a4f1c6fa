// Member and operator administration: search, the member record, unlocks and second-factor resets after an identity check, operator management.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiError } from './client';
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
const retryBlips = (failures: number, error: Error) => failures < 1 && !(error instanceof ApiError);

export function useAdminMembers(q: string) {
  return useQuery({
    queryKey: [...membersKey, 'search', q],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/members', {
        params: { query: { q: q || undefined, limit: 50 } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/members', error);
      return data;
    },
    retry: retryBlips,
  });
}

/** The member's sign-in history (time, result, step, IP, browser), newest first. */
export function useAdminMemberSignIns(id: string) {
  return useQuery({
    queryKey: [...membersKey, 'sign-ins', id],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/members/{memberId}/sign-ins', {
        params: { path: { memberId: id } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{memberId}/sign-ins', error);
      return data.signIns;
    },
    retry: retryBlips,
  });
}

export function useAdminMember(id: string) {
  return useQuery({
    queryKey: [...membersKey, 'one', id],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/members/{id}', {
        params: { path: { id } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{id}', error);
      return data;
    },
    retry: retryBlips,
  });
}

export function useUnlockMember(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (identityCheck: IdentityCheck) => {
      const { error, response } = await api.POST('/api/admin/members/{id}/unlock', {
        params: { path: { id } },
        body: { identityCheck },
      });
      if (!response.ok) throw apiError(response, '/api/admin/members/{id}/unlock', error);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useResetMemberSecondFactor(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (identityCheck: IdentityCheck) => {
      const { data, error, response } = await api.POST('/api/admin/members/{id}/second-factor/reset', {
        params: { path: { id } },
        body: { identityCheck },
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{id}/second-factor/reset', error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useUnlockLoginId() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { loginId: string; identityCheck: IdentityCheck }) => {
      const { data, error, response } = await api.POST('/api/admin/login-ids/unlock', { body });
      if (data === undefined) throw apiError(response, '/api/admin/login-ids/unlock', error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey }),
  });
}

export function useOperators() {
  return useQuery({
    queryKey: operatorsKey,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/operators', { signal });
      if (data === undefined) throw apiError(response, '/api/admin/operators', error);
      return data.operators;
    },
    retry: retryBlips,
  });
}

export type NewOperator = components['schemas']['AdminOperatorCreate'];

export function useCreateOperator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: NewOperator) => {
      const { data, error, response } = await api.POST('/api/admin/operators', { body });
      if (data === undefined) throw apiError(response, '/api/admin/operators', error);
      return data;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useChangeOperatorRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, roles }: { id: string; roles: AdminOperator['roles'] }) => {
      const { data, error, response } = await api.PUT('/api/admin/operators/{id}/roles', {
        params: { path: { id } },
        body: { roles },
      });
      if (data === undefined) throw apiError(response, '/api/admin/operators/{id}/roles', error);
      return data;
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
      const { error, response } = await api.POST(path, { params: { path: { id } }, body: {} });
      if (!response.ok) throw apiError(response, path, error);
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
      const { error, response } = await api.POST(path, { params: { path: { id } }, body: { identityCheck } });
      if (!response.ok) throw apiError(response, path, error);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: operatorsKey }),
  });
}

export function useMail(id: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'mailbox', 'one', id],
    enabled: id !== undefined,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/mailbox/{id}', {
        params: { path: { id: id ?? '' } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/mailbox/{id}', error);
      return data;
    },
    retry: retryBlips,
  });
}
