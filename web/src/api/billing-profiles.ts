// Billing profiles through the generated client: the console's profile editor and its twelve-month calendar.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, retryBlips } from './client';
import type { components } from './schema';

export type AdminBillingProfile = components['schemas']['AdminBillingProfile'];
export type BillingProfileRules = AdminBillingProfile['versions'][number]['rules'];
export type AdminBillingSchedule = components['schemas']['AdminBillingSchedule'];

export const closingRules = ['start_of_month', 'twentieth', 'month_end'] as const;
export const agencyClosings = ['twentieth', 'month_end'] as const;

// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const key = ['admin', 'billing-profiles'] as const;

/** GET /api/admin/billing-profiles/{code}: the profile and its versions, oldest month first. */
export function useBillingProfile(code: string) {
  return useQuery({
    queryKey: [...key, code],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/billing-profiles/{code}', { params: { path: { code } }, signal }),
        '/api/admin/billing-profiles/{code}',
      ),
    retry: retryBlips,
  });
}

/** GET /api/admin/billing-profiles/{code}/schedule: twelve billing months from `from`. */
export function useBillingSchedule(code: string, from: string) {
  return useQuery({
    queryKey: [...key, code, 'schedule', from],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/billing-profiles/{code}/schedule', {
          params: { path: { code }, query: { from } },
          signal,
        }),
        '/api/admin/billing-profiles/{code}/schedule',
      ),
    retry: retryBlips,
  });
}

/** PUT /api/admin/billing-profiles/{code}: the rules from a month on; the profile and calendar are read again. */
export function usePutBillingProfile(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; effectiveFrom: string; rules: BillingProfileRules }) =>
      dataOf(
        await api.PUT('/api/admin/billing-profiles/{code}', { params: { path: { code } }, body }),
        '/api/admin/billing-profiles/{code}',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
