// The member's sign-in history and sessions over the API: list, sign out one device, everywhere else, everywhere.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk } from './client';
import type { components } from './schema';

export type SignInEntry = components['schemas']['SignInEntry'];
export type ActiveSession = components['schemas']['ActiveSession'];

const signInsKey = ['mypage', 'sign-ins'] as const;
const sessionsKey = ['mypage', 'sessions'] as const;

export function useMySignIns() {
  return useQuery({
    queryKey: signInsKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/mypage/sign-ins', { signal }), '/api/mypage/sign-ins').signIns;
    },
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/mypage/sessions', { signal }), '/api/mypage/sessions').sessions;
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
      expectOk(
        await api.DELETE('/api/mypage/sessions/{sessionId}', {
          params: { path: { sessionId: session.id } },
        }),
        '/api/mypage/sessions/{sessionId}',
      );
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
      return { scope, revoked: dataOf(await api.POST(path), path).revoked };
    },
    onSuccess: ({ scope }) => refresh(scope === 'all'),
  });
}
