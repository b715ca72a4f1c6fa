// The failed-delivery queue of the console: mails, SMS and webhooks that failed for good, and sending one again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, expectOk, retryBlips } from './client';
import type { components } from './schema';

export type FailedDelivery = components['schemas']['FailedDelivery'];

// Starts with 'admin', so signing out drops it with the console's other queries.
const failedDeliveriesKey = ['admin', 'deliveries', 'failed'] as const;

export function useFailedDeliveries() {
  return useQuery({
    queryKey: failedDeliveriesKey,
    queryFn: async ({ signal }) =>
      dataOf(
        await api.GET('/api/admin/deliveries/failed', { params: { query: { limit: 100 } }, signal }),
        '/api/admin/deliveries/failed',
      ).deliveries,
    retry: retryBlips,
  });
}

/** Sends one failed delivery again; the list and the console home's counts are fetched afresh after. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (delivery: Pick<FailedDelivery, 'kind' | 'id'>) => {
      const kind = delivery.kind === 'webhook' ? 'webhook' : 'message';
      expectOk(
        await api.POST('/api/admin/deliveries/{kind}/{id}/retry', {
          params: { path: { kind, id: delivery.id } },
        }),
        '/api/admin/deliveries/{kind}/{id}/retry',
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
