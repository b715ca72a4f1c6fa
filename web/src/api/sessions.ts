// The member's sign-in history and sessions over the API: list, sign out one device, everywhere else, everywhere.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiError } from './client';
import type { components } from './schema';

export type SignInEntry = components['schemas']['SignInEntry'];
export type ActiveSession = components['schemas']['ActiveSession'];

const signInsKey = ['mypage', 'sign-ins'] as const;
const sessionsKey = ['mypage', 'sessions'] as const;

export function useMySignIns() {
  return useQuery({
    queryKey: signInsKey,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/mypage/sign-ins', { signal });
      if (data === undefined) throw apiError(response, '/api/mypage/sign-ins', error);
      return data.signIns;
    },
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/mypage/sessions', { signal });
      if (data === undefined) throw apiError(response, '/api/mypage/sessions', error);
      return data.sessions;
    },
  });
}

/** After a sign-out the list changes; after signing this browser out, so does who is signed in. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (includesThisBrowser: boolean) =>
    includesThisBrowser
      ? queryClient.invalidateQueries()
      : queryClient.invalidateQueries({ queryKey: sessionsKey });
}

export function useRevokeSession() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (session: ActiveSession) => {
      const { error, response } = await api.DELETE('/api/mypage/sessions/{sessionId}', {
        params: { path: { sessionId: session.id } },
      });
      if (!response.ok) throw apiError(response, '/api/mypage/sessions/{sessionId}', error);
      return session;
    },
    onSuccess: (session) => refresh(session.current),
  });
}

export function useRevokeSessions() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (scope: 'others' | 'all') => {
      const path =
        scope === 'others' ? '/api/mypage/sessions/revoke-others' : '/api/mypage/sessions/revoke-all';
      const { data, error, response } = await api.POST(path);
      if (data === undefined) throw apiError(response, path, error);
      return { scope, revoked: data.revoked };
    },
    onSuccess: ({ scope }) => refresh(scope === 'all'),
  });
}
