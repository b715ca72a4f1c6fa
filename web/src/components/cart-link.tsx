// The store header's cart button with the number of items in the cart, shown on every screen size.
import { Badge, Button, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cartKey, useCart } from '../api/cart';
import { useMe } from '../api/member';

/**
 * Signing in merges the guest's cart into the member's on the server, and signing out leaves the guest's
 * (empty) cart: whenever who is signed in changes, the cart is asked for again.
 */
function useCartFollowsMember() {
  const queryClient = useQueryClient();
  const me = useMe();
  const member = me.data === undefined ? undefined : (me.data?.id ?? null);
  const seen = useRef(member);
  useEffect(() => {
    if (member === undefined || seen.current === member) return;
    const first = seen.current === undefined;
    seen.current = member;
    if (!first) void queryClient.invalidateQueries({ queryKey: cartKey });
  }, [member, queryClient]);
}

export function CartLink() {
  const { t } = useTranslation();
  useCartFollowsMember();
  const { data } = useCart();
  const count = data?.items.length ?? 0;
  // The name is the visible text ("カート" and the count's badge) plus the unit for screen readers, so what a
  // voice-control user reads on the button is also its accessible name (no aria-label that differs from it).
  return (
    <Button
      component={Link}
      to="/cart"
      size="xs"
      variant="default"
      rightSection={
        <Badge size="sm" circle variant={count > 0 ? 'filled' : 'light'}>
          <span data-testid="cart-count">{count}</span>
          <VisuallyHidden>{t('cart.headerUnit', { count })}</VisuallyHidden>
        </Badge>
      }
    >
      {t('cart.header')}
    </Button>
  );
}
