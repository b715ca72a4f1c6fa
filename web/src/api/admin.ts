// Operator identity and the admin API: who is signed in, the two sign-in steps, the mailbox and SMS outbox, store settings, closure days, TOTP.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk, retryBlips } from './client';
import type { components } from './schema';

export type OperatorProfile = components['schemas']['OperatorProfile'];
export type OperatorRole = components['schemas']['OperatorRole'];
export type DevMail = components['schemas']['DevMail'];
export type DevSms = components['schemas']['DevSms'];
export type AdminStore = components['schemas']['AdminStore'];
export type ClosureDay = components['schemas']['ClosureDay'];
export type SecondFactor = components['schemas']['OperatorSecondFactorRequired']['method'];
export type AdminOverview = components['schemas']['AdminOverview'];

/** Every admin query key starts with this, so signing out can drop them all at once. */
const adminKey = 'admin';
const operatorKey = [adminKey, 'me'] as const;
const storeKey = [adminKey, 'store'] as const;
const closureDaysKey = [adminKey, 'closure-days'] as const;
const mailboxKey = [adminKey, 'mailbox'] as const;
const devSmsKey = [adminKey, 'sms'] as const;
const overviewKey = [adminKey, 'overview'] as const;

// An answer from the server would only be repeated; a network blip earns one retry.

/** The signed-in operator, or null when nobody is: the 401 of a signed-out visitor is data, not an error. */
export function useOperator() {
  return useQuery({
    queryKey: operatorKey,
    queryFn: async ({ signal }): Promise<OperatorProfile | null> => {
      const answer = await api.GET('/api/admin/me', { signal });
      if (answer.response.status === 401) return null;
      return dataOf(answer, '/api/admin/me');
    },
    retry: retryBlips,
  });
}

export function useOperatorSignIn() {
  return useMutation({
    mutationFn: async (body: { loginId: string; password: string }) => {
      return dataOf(await api.POST('/api/admin/sessions', { body }), '/api/admin/sessions');
    },
  });
}

export function useOperatorVerifyCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      return dataOf(
        await api.POST('/api/admin/sessions/verify-code', {
          body: { code },
        }),
        '/api/admin/sessions/verify-code',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKey }),
  });
}

export function useOperatorSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      expectOk(await api.DELETE('/api/admin/sessions/current'), '/api/admin/sessions/current');
    },
    onSuccess: () => {
      // The previous operator's settings and mails must not linger in the cache for the next one.
      queryClient.removeQueries({ queryKey: [adminKey] });
      queryClient.setQueryData(operatorKey, null);
    },
  });
}

/** The console home's counts of the day's work; only those of queues the operator's roles open are present. */
export function useAdminOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: async ({ signal }): Promise<AdminOverview> => {
      return dataOf(await api.GET('/api/admin/overview', { signal }), '/api/admin/overview');
    },
    retry: retryBlips,
    // Work comes in all day: coming back to the home page shows the numbers as they are now.
    refetchOnMount: 'always',
  });
}

export function useMailbox() {
  return useQuery({
    queryKey: mailboxKey,
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/mailbox', {
          params: { query: { limit: 100 } },
          signal,
        }),
        '/api/admin/mailbox',
      ).mails;
    },
    retry: retryBlips,
  });
}

export function useDevSms() {
  return useQuery({
    queryKey: devSmsKey,
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/sms', {
          params: { query: { limit: 100 } },
          signal,
        }),
        '/api/admin/sms',
      ).messages;
    },
    retry: retryBlips,
  });
}

export function useAdminStore() {
  return useQuery({
    queryKey: storeKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/store', { signal }), '/api/admin/store');
    },
    retry: retryBlips,
  });
}

/** The fields an operator may change; `registrationNumber` null clears it. */
export type StorePatch = Partial<Omit<AdminStore, 'updatedAt'>>;

export function useUpdateStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (patch: StorePatch) => {
      return dataOf(await api.PATCH('/api/admin/store', { body: patch }), '/api/admin/store');
    },
    onSuccess: (data) => {
      queryClient.setQueryData(storeKey, data);
      // The public profile feeds every header and the store home: it must show the new name at once.
      return queryClient.invalidateQueries({ queryKey: ['store'] });
    },
  });
}

export function useClosureDays() {
  return useQuery({
    queryKey: closureDaysKey,
    queryFn: async ({ signal }) => {
      return dataOf(await api.GET('/api/admin/closure-days', { signal }), '/api/admin/closure-days').days;
    },
    retry: retryBlips,
  });
}

export function useAddClosureDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { day: string; reason: string }) => {
      return dataOf(await api.POST('/api/admin/closure-days', { body }), '/api/admin/closure-days');
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: closureDaysKey }),
  });
}

export function useRemoveClosureDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (day: string) => {
      expectOk(
        await api.DELETE('/api/admin/closure-days/{day}', {
          params: { path: { day } },
        }),
        '/api/admin/closure-days/{day}',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: closureDaysKey }),
  });
}

export function useStartTotp() {
  return useMutation({
    mutationFn: async (password: string) => {
      return dataOf(await api.POST('/api/admin/me/totp', { body: { password } }), '/api/admin/me/totp');
    },
  });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      expectOk(
        await api.POST('/api/admin/me/totp/confirm', { body: { code } }),
        '/api/admin/me/totp/confirm',
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operatorKey }),
  });
}

/** The console's sections an operator may open, and the roles that may use each besides `owner`. */
export const adminSections = {
  orders: ['support', 'billing'],
  contracts: ['support', 'billing'],
  licences: ['support', 'billing'],
  provisioning: ['support', 'billing'],
  inquiries: ['support'],
  members: ['support'],
  operators: [],
  mailbox: ['support'],
  deliveries: ['support'],
  registrations: ['support'],
  settings: [],
  security: ['billing', 'support', 'catalog'],
  catalog: ['catalog'],
  billingCalendar: ['billing'],
  /** billing.read: closes, invoices, ledgers and stored documents. */
  billing: ['support', 'billing'],
} as const satisfies Record<string, readonly OperatorRole[]>;

export type AdminSectionName = keyof typeof adminSections;

/**
 * Whether the roles open a section. It mirrors the server's permission map (inquiries.read,
 * mailbox.read, store.read, account.self) only to hide what would be refused; the server still decides every request.
 */
export function mayOpen(roles: readonly OperatorRole[], section: AdminSectionName): boolean {
  const allowed: readonly OperatorRole[] = adminSections[section];
  return roles.some((role) => role === 'owner' || allowed.includes(role));
}
