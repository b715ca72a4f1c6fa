// Contract changes with a desired date on My Page: the quote, the application, the open one and its withdrawal.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from './client';
import type { ContractRequest } from './contracts';
import type { components } from './schema';

export type ChangeWish = components['schemas']['ContractChangeWish'];
export type ChangeQuote = components['schemas']['ContractChangeQuote'];

// The same key as the contract queries, so an application or a withdrawal refreshes the contract too.
const key = ['my-contracts'] as const;

/** POST …/change-quote: prices a wish; nothing changes. */
export function useChangeQuote(contractId: string) {
  return useMutation({
    mutationFn: async (wish: ChangeWish): Promise<ChangeQuote> =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/change-quote', {
          params: { path: { contractId } },
          body: wish,
        }),
        '/api/mypage/contracts/{contractId}/change-quote',
      ),
  });
}

/** POST …/changes: applies for the quoted wish; the contract and its open change are read again. */
export function useApplyChange(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (wish: ChangeWish): Promise<ContractRequest> =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/changes', {
          params: { path: { contractId } },
          body: wish,
        }),
        '/api/mypage/contracts/{contractId}/changes',
      ) as ContractRequest,
    // The contract is read again; the open change is not, so the page shows the result until the member leaves it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...key, 'detail', contractId] }),
  });
}

/** GET …/changes/open: the requested or scheduled change, null when there is none. */
export function useMyChange(contractId: string) {
  return useQuery({
    queryKey: [...key, 'change', contractId],
    queryFn: async ({ signal }): Promise<ContractRequest | null> => {
      const body = dataOf(
        await api.GET('/api/mypage/contracts/{contractId}/changes/open', {
          params: { path: { contractId } },
          signal,
        }),
        '/api/mypage/contracts/{contractId}/changes/open',
      );
      return (body.change ?? null) as ContractRequest | null;
    },
    retry: false,
  });
}

/** POST …/changes/withdraw. */
export function useWithdrawChange(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<ContractRequest> =>
      dataOf(
        await api.POST('/api/mypage/contracts/{contractId}/changes/withdraw', {
          params: { path: { contractId } },
        }),
        '/api/mypage/contracts/{contractId}/changes/withdraw',
      ) as ContractRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
