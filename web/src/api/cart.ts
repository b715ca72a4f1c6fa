// The cart through the generated client: read it, put a choice into it, change or remove an item; every answer is the whole re-priced cart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Estimate } from './catalog';
import { api, dataOf } from './client';
import type { Answer } from './nullable';
import type { components } from './schema';

type GeneratedItem = Answer<components['schemas']['CartItem']>;

/** A cart item as the server sends it: its choice, its estimate (null when flagged) and why it is flagged. */
export type CartItem = Omit<GeneratedItem, 'estimate'> & { estimate: Estimate | null };
/** The cart as the server sends it. */
export type Cart = Omit<Answer<components['schemas']['Cart']>, 'items'> & { items: CartItem[] };
export type CartItemAdd = components['schemas']['CartItemAdd'];
export type CartItemChoice = components['schemas']['CartItemChoice'];

export const cartKey = ['cart'] as const;

/** GET /api/store/cart: the guest's or the signed-in member's cart, re-priced now. */
export function useCart() {
  return useQuery({
    queryKey: cartKey,
    queryFn: async ({ signal }): Promise<Cart> => {
      return dataOf(await api.GET('/api/store/cart', { signal }), '/api/store/cart') as Cart;
    },
  });
}

/** Every cart change answers with the whole cart: it replaces what the header badge and the cart page show. */
function useCartMutation<Input>(run: (input: Input) => Promise<Cart>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (cart) => {
      queryClient.setQueryData(cartKey, cart);
    },
  });
}

/** POST /api/store/cart/items. */
export function useAddCartItem() {
  return useCartMutation(async (body: CartItemAdd): Promise<Cart> => {
    return dataOf(await api.POST('/api/store/cart/items', { body }), '/api/store/cart/items') as Cart;
  });
}

/** PATCH /api/store/cart/items/{itemId}: a new plan, term, quantity, options or usage. */
export function useChangeCartItem() {
  return useCartMutation(async ({ itemId, choice }: { itemId: string; choice: CartItemChoice }) => {
    return dataOf(
      await api.PATCH('/api/store/cart/items/{itemId}', {
        params: { path: { itemId } },
        body: choice,
      }),
      '/api/store/cart/items/{itemId}',
    ) as Cart;
  });
}

/** DELETE /api/store/cart/items/{itemId}. */
export function useRemoveCartItem() {
  return useCartMutation(async (itemId: string) => {
    return dataOf(
      await api.DELETE('/api/store/cart/items/{itemId}', {
        params: { path: { itemId } },
      }),
      '/api/store/cart/items/{itemId}',
    ) as Cart;
  });
}
