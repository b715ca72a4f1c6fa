// Member identity over the API: who is signed in, registration, confirmation, the two sign-in steps, sign-out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk, retryBlips } from './client';
import type { components } from './schema';

export type MemberProfile = components['schemas']['MemberProfile'];
export type MemberRegistration = components['schemas']['MemberRegistration'];

const meKey = ['me'] as const;

/**
 * The signed-in member, or null when nobody is signed in. A 401 is the normal answer for a visitor, so
 * it is data here, not an error; anything else (the server down) is an error the page reports.
 */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }): Promise<MemberProfile | null> => {
      // Asked on every page, guests included: /api/session answers them 200 with null, not a 401.
      return dataOf(await api.GET('/api/session', { signal }), '/api/session').member;
    },
    // A network blip earns one retry; an answer from the server would only be repeated.
    retry: retryBlips,
  });
}

export function useRegisterMember() {
  return useMutation({
    mutationFn: async (body: MemberRegistration) => {
      return dataOf(await api.POST('/api/members', { body }), '/api/members');
    },
  });
}

export function useResendConfirmation() {
  return useMutation({
    mutationFn: async (loginId: string) => {
      return dataOf(
        await api.POST('/api/members/resend-confirmation', {
          body: { loginId },
        }),
        '/api/members/resend-confirmation',
      );
    },
  });
}

/**
 * Spends the confirmation token once. A query rather than a mutation so that React's double-mounted
 * effects and re-renders share one request: a second POST of the same token would be told it was used.
 */
export function useConfirmEmail(token: string) {
  return useQuery({
    queryKey: ['confirm-email', token],
    queryFn: async () => {
      return dataOf(
        await api.POST('/api/members/confirm-email', { body: { token } }),
        '/api/members/confirm-email',
      );
    },
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignIn() {
  return useMutation({
    mutationFn: async (body: { loginId: string; password: string }) => {
      return dataOf(await api.POST('/api/sessions', { body }), '/api/sessions');
    },
  });
}

export function useVerifyCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      return dataOf(
        await api.POST('/api/sessions/verify-code', { body: { code } }),
        '/api/sessions/verify-code',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useResendCode() {
  return useMutation({
    mutationFn: async () => {
      return dataOf(await api.POST('/api/sessions/resend-code'), '/api/sessions/resend-code');
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      expectOk(await api.DELETE('/api/sessions/current'), '/api/sessions/current');
    },
    onSuccess: () => {
      queryClient.setQueryData(meKey, null);
    },
  });
}

export type CurrentTerms = components['schemas']['CurrentTerms'];
export type MemberProfilePatch = components['schemas']['MemberProfilePatch'];

/** The terms of use and privacy policy in force, with the versions registration must name. */
export function useCurrentTerms() {
  return useQuery({
    queryKey: ['terms', 'current'],
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/terms/current', { signal }), '/api/terms/current');
    },
    staleTime: 5 * 60 * 1000,
  });
}

/** The prefecture, city and town of a postal code, or null when Japan Post does not list it. */
export async function lookupPostalCode(code: string) {
  const { data, response } = await api.GET('/api/postal-codes/{code}', { params: { path: { code } } });
  return response.ok && data !== undefined ? data : null;
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MemberProfilePatch) => {
      return dataOf(await api.PATCH('/api/mypage/profile', { body }), '/api/mypage/profile');
    },
    onSuccess: (profile) => queryClient.setQueryData(meKey, profile),
  });
}

export function useRequestEmailChange() {
  return useMutation({
    mutationFn: async (newEmail: string) => {
      return dataOf(
        await api.POST('/api/mypage/email-change', { body: { newEmail } }),
        '/api/mypage/email-change',
      );
    },
  });
}

/** Spends the email-change token once; a query for the same reason as `useConfirmEmail`. */
export function useConfirmEmailChange(token: string, enabled: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['confirm-email-change', token],
    queryFn: async () => {
      const data = dataOf(
        await api.POST('/api/mypage/email-change/confirm', { body: { token } }),
        '/api/mypage/email-change/confirm',
      );
      await queryClient.invalidateQueries({ queryKey: meKey });
      return data;
    },
    enabled: enabled && token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
