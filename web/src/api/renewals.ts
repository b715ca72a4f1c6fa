// Renewals through the generated client: My Page's renewal state, renewal quote and request, next-term change, payment-method change and reset; the console's renewals and payment record.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorRole } from './admin';
import { api, dataOf, retryBlips } from './client';
import type { Answer } from './nullable';
import type { components } from './schema';

export type ContractRenewalDetail = Answer<components['schemas']['ContractRenewalDetail']>;
export type ContractRenewal = components['schemas']['ContractRenewals'][number];
export type RenewalQuote = components['schemas']['RenewalQuote'];
export type RenewalChoice = components['schemas']['RenewalChoice'];

// Under My Page's contracts key, so a renewal step reads the contract (status, term, history) again too.
const myContractsKey = ['my-contracts'] as const;
const adminContractsKey = ['admin', 'contracts'] as const;

/** GET …/renewal: how the contract renews, its renewals, window, next term and deadline. */
export function useMyRenewal(contractId: string) {
  return useQuery({
    queryKey: [...myContractsKey, 'renewal', contractId],
    queryFn: async ({ signal }): Promise<ContractRenewalDetail> =>
      dataOf(
        await api.GET('/api/mypage/contracts/{contractId}/renewal', {
          params: { path: { contractId } },
          signal,
        }),
        '/api/mypage/contracts/{contractId}/renewal',
      ) as ContractRenewalDetail,
    retry: false,
  });
}

/** POST …/renewal-quote (見積を変更する): prices a choice; changes nothing. */
export function useRenewalQuote(contractId: string) {
  return useMutation({
    mutationFn: async (choice: RenewalChoice) =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/renewal-quote', {
          params: { path: { contractId } },
          body: choice,
        }),
        '/api/mypage/contracts/{contractId}/renewal-quote',
      ),
  });
}

/** POST …/renewals: applies for the quoted renewal, which then awaits payment. */
export function useRequestRenewal(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (choice: RenewalChoice) =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/renewals', {
          params: { path: { contractId } },
          body: choice,
        }),
        '/api/mypage/contracts/{contractId}/renewals',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myContractsKey }),
  });
}

/** PUT …/next-term (次回ご契約内容の変更). */
export function useChangeNextTerm(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RenewalChoice & { walletRenewalDay?: 5 | 10 | 15 | 20 | 25 }) =>
      dataOf(
        await api.PUT('/api/mypage/contracts/{contractId}/next-term', {
          params: { path: { contractId } },
          body,
        }),
        '/api/mypage/contracts/{contractId}/next-term',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myContractsKey }),
  });
}

type PaymentMethodKey = 'card' | 'bank_transfer' | 'direct_debit' | 'agency' | 'wallet';

/** PUT …/payment-method, where the store changes methods on the contract. */
export function useChangePaymentMethod(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (method: PaymentMethodKey) =>
      dataOf(
        await api.PUT('/api/mypage/contracts/{contractId}/payment-method', {
          params: { path: { contractId } },
          body: { method },
        }),
        '/api/mypage/contracts/{contractId}/payment-method',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myContractsKey }),
  });
}

/** POST …/renewal-reset (支払い方法をリセットする): automatic renewal off. */
export function useResetRenewalPayment(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/renewal-reset', {
          params: { path: { contractId } },
        }),
        '/api/mypage/contracts/{contractId}/renewal-reset',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myContractsKey }),
  });
}

/** Whether the roles may record a renewal's payment (the server's `contracts.record_payment`), only to hide refused buttons. */
export function mayRecordRenewalPayment(roles: readonly OperatorRole[]): boolean {
  return roles.some((role) => role === 'owner' || role === 'billing');
}

/** GET /api/admin/contracts/{id}/renewals. */
export function useAdminContractRenewals(id: string) {
  return useQuery({
    queryKey: [...adminContractsKey, 'renewals', id],
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/contracts/{id}/renewals', { params: { path: { id } }, signal }),
        '/api/admin/contracts/{id}/renewals',
      ).renewals,
    retry: retryBlips,
  });
}

/** POST …/renewals/{renewalId}/payment: records the payment; the contract and its renewals are read again. */
export function useRecordRenewalPayment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ renewalId, reason }: { renewalId: string; reason: string | null }) =>
      dataOf(
        await api.POST('/api/admin/contracts/{id}/renewals/{renewalId}/payment', {
          params: { path: { id, renewalId } },
          body: { reason },
        }),
        '/api/admin/contracts/{id}/renewals/{renewalId}/payment',
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminContractsKey }),
  });
}
