// Checkout and the member's orders through the generated client: the checkout, its confirmation, placing the order once per Idempotency-Key, My Page's orders.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cartKey } from './cart';
import { api, dataOf } from './client';
import type { Answer } from './nullable';
import type { components } from './schema';

export type Checkout = Answer<components['schemas']['Checkout']>;
export type CheckoutConfirmation = Answer<components['schemas']['CheckoutConfirmation']>;
export type CheckoutInput = components['schemas']['CheckoutInput'];
export type CheckoutContact = components['schemas']['CheckoutContact'];
export type OrderField = Checkout['lines'][number]['orderFields'][number];
export type OrderDetail = Answer<components['schemas']['OrderDetail']>;
export type OrderPage = components['schemas']['OrderList'];

const checkoutKey = ['checkout'] as const;
const ordersKey = ['my-orders'] as const;

/** GET /api/mypage/checkout: the signed-in member's cart as a checkout, contacts prefilled. */
export function useCheckout() {
  return useQuery({
    queryKey: checkoutKey,
    queryFn: async ({ signal }): Promise<Checkout> => {
      return dataOf(await api.GET('/api/mypage/checkout', { signal }), '/api/mypage/checkout') as Checkout;
    },
    retry: false,
    // The form is filled in on this answer: a refetch in the background must not reset it.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
}

/** POST /api/mypage/checkout/confirm: the input checked, the exact amounts and the quote to order with. */
export function useConfirmCheckout() {
  return useMutation({
    mutationFn: async (body: CheckoutInput): Promise<CheckoutConfirmation> => {
      return dataOf(
        await api.POST('/api/mypage/checkout/confirm', { body }),
        '/api/mypage/checkout/confirm',
      ) as CheckoutConfirmation;
    },
  });
}

/**
 * POST /api/mypage/orders with the confirmation's quote. The Idempotency-Key comes from the caller, made once
 * per confirmation, so a double click, a retry or a reload of the same request makes one order.
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      input,
      quote,
      idempotencyKey,
    }: {
      input: CheckoutInput;
      quote: string;
      idempotencyKey: string;
    }) => {
      return dataOf(
        await api.POST('/api/mypage/orders', {
          params: { header: { 'idempotency-key': idempotencyKey } },
          body: { ...input, quote },
        }),
        '/api/mypage/orders',
      );
    },
    onSuccess: () => {
      // The ordered items left the cart; the orders list has one more.
      void queryClient.invalidateQueries({ queryKey: cartKey });
      void queryClient.invalidateQueries({ queryKey: ordersKey });
    },
  });
}

const PAGE_SIZE = 20;

/** GET /api/mypage/orders, newest first. */
export function useMyOrders(page: number) {
  return useQuery({
    queryKey: [...ordersKey, page],
    queryFn: async ({ signal }): Promise<OrderPage> => {
      return dataOf(
        await api.GET('/api/mypage/orders', {
          params: { query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
        '/api/mypage/orders',
      );
    },
    placeholderData: keepPreviousData,
  });
}

/** GET /api/mypage/orders/{orderId}; another member's order is a 404. */
export function useMyOrder(orderId: string) {
  return useQuery({
    queryKey: [...ordersKey, 'detail', orderId],
    queryFn: async ({ signal }): Promise<OrderDetail> => {
      return dataOf(
        await api.GET('/api/mypage/orders/{orderId}', {
          params: { path: { orderId } },
          signal,
        }),
        '/api/mypage/orders/{orderId}',
      ) as OrderDetail;
    },
    retry: false,
  });
}
