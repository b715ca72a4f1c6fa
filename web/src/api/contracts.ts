// Contracts through the generated client: My Page's list and detail, the console's search, detail, suspend and resume.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorRole } from './admin';
import { api, dataOf, retryBlips } from './client';
import type { Answer } from './nullable';
import type { components } from './schema';

export type ContractSummary = components['schemas']['ContractSummary'];
export type ContractDetail = Answer<components['schemas']['ContractDetail']>;
export type ContractStatus = ContractSummary['status'];
export type AdminContract = Answer<components['schemas']['AdminContract']>;
export type AdminContractSummary = components['schemas']['AdminContractSummary'];

export const contractStatuses = [
  'trial',
  'active',
  'cancellation_scheduled',
  'suspended',
  'ended',
  'expired',
] as const satisfies readonly ContractStatus[];

const myContractsKey = ['my-contracts'] as const;
// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const adminContractsKey = ['admin', 'contracts'] as const;

const PAGE_SIZE = 50;

/** GET /api/mypage/contracts, newest start first. */
export function useMyContracts(page: number) {
  return useQuery({
    queryKey: [...myContractsKey, page],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/mypage/contracts', {
          params: { query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
        '/api/mypage/contracts',
      );
    },
    placeholderData: keepPreviousData,
  });
}

/** GET /api/mypage/contracts/{contractId}; another member's contract is a 404. */
export function useMyContract(contractId: string) {
  return useQuery({
    queryKey: [...myContractsKey, 'detail', contractId],
    queryFn: async ({ signal }): Promise<ContractDetail> => {
      return dataOf(
        await api.GET('/api/mypage/contracts/{contractId}', {
          params: { path: { contractId } },
          signal,
        }),
        '/api/mypage/contracts/{contractId}',
      ) as ContractDetail;
    },
    retry: false,
  });
}

/** Whether the roles may suspend and resume (the server's `contracts.suspend`), only to hide refused buttons. */
export function maySuspendContracts(roles: readonly OperatorRole[]): boolean {
  return roles.some((role) => role === 'owner' || role === 'support' || role === 'billing');
}

export interface ContractFilters {
  number?: string | undefined;
  member?: string | undefined;
  product?: string | undefined;
  status?: ContractStatus | undefined;
  renewalMonth?: string | undefined;
  limit: number;
  offset: number;
}

export function useAdminContracts(filters: ContractFilters) {
  return useQuery({
    queryKey: [...adminContractsKey, 'list', filters],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/contracts', {
          params: { query: filters },
          signal,
        }),
        '/api/admin/contracts',
      );
    },
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

export function useAdminContract(id: string) {
  return useQuery({
    queryKey: [...adminContractsKey, 'one', id],
    queryFn: async ({ signal }): Promise<AdminContract> => {
      return dataOf(
        await api.GET('/api/admin/contracts/{id}', {
          params: { path: { id } },
          signal,
        }),
        '/api/admin/contracts/{id}',
      ) as AdminContract;
    },
    retry: retryBlips,
  });
}

/** Suspends or resumes with a reason; the contract and the lists are read again. */
export function useContractStatusAction(action: 'suspend' | 'resume') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) => {
      const path =
        action === 'suspend' ? '/api/admin/contracts/{id}/suspend' : '/api/admin/contracts/{id}/resume';
      return dataOf(
        await api.POST(path, { params: { path: { id } }, body: { reason } }),
        path,
      ) as AdminContract;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminContractsKey }),
  });
}
