// Orders in the admin console over the admin API: the list, one order, the provisioning queue, the line actions, and a provider's API keys and webhook.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorRole } from './admin';
import { api, dataOf, everyValue, retryBlips } from './client';
import type { components } from './schema';

export type AdminOrderSummary = components['schemas']['AdminOrderSummary'];
export type AdminOrder = components['schemas']['AdminOrder'];
export type AdminOrderLine = AdminOrder['lines'][number];
export type AdminOrderContact = AdminOrder['customerContact'];
export type AdminOrderEvent = AdminOrder['timeline'][number];
export type ProvisioningRequest = components['schemas']['ProvisioningRequest'];
export type ProvisioningDelivery = components['schemas']['ProvisioningDelivery'];
export type AdminOrderStatus = components['schemas']['OrderStatus'];
export type OrderLineStatus = components['schemas']['OrderLineStatus'];
export type ProvisioningQueueItem = components['schemas']['ProvisioningQueueItem'];
export type ProviderApiKey = components['schemas']['ProviderApiKey'];
export type AdminProvider = components['schemas']['AdminProvider'];

export const adminOrderStatuses = everyValue<AdminOrderStatus>()([
  'received',
  'in_progress',
  'completed',
  'rejected',
]);

// Under the 'admin' prefix of api/admin.ts, so signing out drops these with every other admin query.
const ordersKey = ['admin', 'orders'] as const;
const queueKey = ['admin', 'provisioning-queue'] as const;
const providerKey = (providerId: string) => ['admin', 'provider-connection', providerId] as const;

/**
 * Whether the roles may act on orders (confirm, reject, change a date, resend), and manage a provider's keys
 * and webhook. They mirror the server's `orders.update`, `provider_keys.manage` and `catalog.update` only to
 * hide buttons that would be refused; the server still decides every request.
 */
export function mayUpdateOrders(roles: readonly OperatorRole[]): boolean {
  return roles.some((role) => role === 'owner' || role === 'support');
}
export function mayManageProviders(roles: readonly OperatorRole[]): boolean {
  return roles.some((role) => role === 'owner' || role === 'catalog');
}

export interface OrderFilters {
  number?: string | undefined;
  member?: string | undefined;
  status?: AdminOrderStatus | undefined;
  placedFrom?: string | undefined;
  placedTo?: string | undefined;
  limit: number;
  offset: number;
}

export function useAdminOrders(filters: OrderFilters) {
  return useQuery({
    queryKey: [...ordersKey, 'list', filters],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/orders', {
          params: { query: filters },
          signal,
        }),
        '/api/admin/orders',
      );
    },
    // The table keeps the last page while the next search's answer is on its way.
    placeholderData: keepPreviousData,
    retry: retryBlips,
  });
}

export function useAdminOrder(id: string) {
  return useQuery({
    queryKey: [...ordersKey, 'one', id],
    queryFn: async ({ signal }) => {
      return dataOf(
        await api.GET('/api/admin/orders/{id}', {
          params: { path: { id } },
          signal,
        }),
        '/api/admin/orders/{id}',
      );
    },
    retry: retryBlips,
  });
}

export function useProvisioningQueue() {
  return useQuery({
    queryKey: queueKey,
    queryFn: async ({ signal }) => {
      // The whole queue at once (the API pages by 200 at most): it is the day's work, not an archive.
      return dataOf(
        await api.GET('/api/admin/provisioning-queue', {
          params: { query: { limit: 200 } },
          signal,
        }),
        '/api/admin/provisioning-queue',
      );
    },
    retry: retryBlips,
  });
}

/** After a line action the order, the lists and the queue are read again. */
function useOrderChange<Input>(send: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ordersKey }),
        queryClient.invalidateQueries({ queryKey: queueKey }),
      ]);
    },
  });
}

/** The provider (or the store) is setting the line up: 受付済 → 準備中, shown to the member. */
export function useMarkLinePreparing() {
  return useOrderChange(async (lineId: string) => {
    const path = '/api/admin/order-lines/{id}/preparing';
    return dataOf(await api.POST(path, { params: { path: { id: lineId } } }), path);
  });
}

export function useConfirmLineStart() {
  return useOrderChange(async (input: { lineId: string; serviceStartDate: string }) => {
    const path = '/api/admin/order-lines/{id}/start';
    return dataOf(
      await api.POST(path, {
        params: { path: { id: input.lineId } },
        body: { serviceStartDate: input.serviceStartDate },
      }),
      path,
    );
  });
}

export function useChangeLineStartDate() {
  return useOrderChange(async (input: { lineId: string; serviceStartDate: string; note?: string }) => {
    const path = '/api/admin/order-lines/{id}/start-date';
    return dataOf(
      await api.POST(path, {
        params: { path: { id: input.lineId } },
        body: {
          serviceStartDate: input.serviceStartDate,
          ...(input.note === undefined ? {} : { note: input.note }),
        },
      }),
      path,
    );
  });
}

export function useRejectLine() {
  return useOrderChange(async (input: { lineId: string; reason: string }) => {
    const path = '/api/admin/order-lines/{id}/reject';
    return dataOf(
      await api.POST(path, {
        params: { path: { id: input.lineId } },
        body: { reason: input.reason },
      }),
      path,
    );
  });
}

export function useResendProvisioning() {
  return useOrderChange(async (requestId: string) => {
    const path = '/api/admin/provisioning-requests/{id}/resend';
    return dataOf(await api.POST(path, { params: { path: { id: requestId } } }), path);
  });
}

export function useProviderApiKeys(providerId: string) {
  return useQuery({
    queryKey: [...providerKey(providerId), 'keys'],
    queryFn: async ({ signal }) => {
      const path = '/api/admin/catalog/providers/{id}/api-keys';
      return dataOf(await api.GET(path, { params: { path: { id: providerId } }, signal }), path).keys;
    },
    retry: retryBlips,
  });
}

export function useIssueProviderApiKey(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { label: string }) => {
      const path = '/api/admin/catalog/providers/{id}/api-keys';
      return dataOf(await api.POST(path, { params: { path: { id: providerId } }, body }), path);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKey(providerId) }),
  });
}

export function useRevokeProviderApiKey(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (keyId: string) => {
      const path = '/api/admin/catalog/providers/{id}/api-keys/{keyId}/revoke';
      return dataOf(await api.POST(path, { params: { path: { id: providerId, keyId } } }), path);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: providerKey(providerId) }),
  });
}

/** One provider from the catalog's provider list (the API has no single-provider read). */
export function useAdminProvider(providerId: string) {
  return useQuery({
    queryKey: [...providerKey(providerId), 'provider'],
    queryFn: async ({ signal }) => {
      const path = '/api/admin/catalog/providers';
      return (
        dataOf(await api.GET(path, { signal }), path).providers.find(
          (provider) => provider.id === providerId,
        ) ?? null
      );
    },
    retry: retryBlips,
  });
}

/**
 * Sets or removes the provider's webhook URL and the internal networks it may reach. The first URL creates
 * the signed endpoint, and the answer carries its secret once (`webhookSecret`); a changed URL keeps the secret.
 */
export function useSaveProviderWebhook(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      webhookUrl,
      webhookAllowedNetworks,
    }: {
      webhookUrl: string | null;
      webhookAllowedNetworks: string[];
    }) => {
      const path = '/api/admin/catalog/providers/{id}';
      return dataOf(
        await api.PATCH(path, {
          params: { path: { id: providerId } },
          body: webhookUrl === null ? { webhookUrl } : { webhookUrl, webhookAllowedNetworks },
        }),
        path,
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** A new signing secret for the same endpoint, shown once. */
export function useRotateProviderWebhookSecret(providerId: string) {
  return useMutation({
    mutationFn: async () => {
      const path = '/api/admin/catalog/providers/{id}/webhook-secret';
      return dataOf(await api.POST(path, { params: { path: { id: providerId } } }), path);
    },
  });
}
