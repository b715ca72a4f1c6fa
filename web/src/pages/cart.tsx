// `/cart`: each item with its choice and price (re-priced by the server on every change), items that cannot be ordered flagged with the reason, the totals per tax rate, and the way to checkout.
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type CartItem, useCart, useChangeCartItem, useRemoveCartItem } from '../api/cart';
import { useProduct } from '../api/catalog';
import { useMe } from '../api/member';
import { formatYen, useLang, useTermText } from '../components/catalog-format';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { EstimateLines } from '../components/estimate-lines';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import {
  choiceFrom,
  choiceRequest,
  type ProductChoice,
  ProductChoiceFields,
} from '../components/product-choice';
import { TaxSummary } from '../components/tax-summary';
import classes from './cart.module.css';

/** Plan, term, quantity and options in one line, from the estimate when the item is priced. */
function ChoiceSummary({ item }: { item: CartItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const termText = useTermText();
  const estimate = item.estimate;
  const plan = estimate ? estimate.planName[lang] : item.plan;
  const term = estimate ? estimate.termLabel[lang] : termText(item.term);
  const options = estimate
    ? estimate.lines
        .filter((line) => line.kind === 'option')
        .map((line) => (line.quantity > 1 ? `${line.name[lang]} × ${line.quantity}` : line.name[lang]))
    : item.options.map((o) => (o.quantity && o.quantity > 1 ? `${o.code} × ${o.quantity}` : o.code));
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('catalog.plan')}: {plan} / {t('catalog.term')}: {term}
        {item.quantity !== null ? ` / ${t('catalog.quantity')}: ${item.quantity}` : ''}
      </Text>
      {options.length > 0 && (
        <Text size="sm">
          {t('catalog.options')}: {options.join(t('cart.listSeparator'))}
        </Text>
      )}
    </Stack>
  );
}

/** The item's choice in the simulator's controls; saving asks the server to re-price it. */
function ItemEditor({ item, slug, onDone }: { item: CartItem; slug: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { data: product, error } = useProduct(slug);
  const change = useChangeCartItem();
  const fieldErrors = useFieldErrors();
  const [choice, setChoice] = useState<ProductChoice | null>(null);
  if (error) return <ProblemAlert error={error} />;
  if (!product) return <Loader size="sm" />;
  const current = choice ?? choiceFrom(product, item);
  const errors = fieldErrors(change.error, ['quantity']);
  return (
    <Stack gap="sm">
      <ProductChoiceFields
        product={product}
        choice={current}
        onChange={(next) => {
          setChoice(next);
          change.reset();
        }}
        quantityError={errors.byField.quantity}
      />
      {change.isError && !errors.byField.quantity && <ProblemAlert error={change.error} />}
      <Group gap="sm">
        <Button
          size="xs"
          loading={change.isPending}
          onClick={() =>
            change.mutate({ itemId: item.id, choice: choiceRequest(current) }, { onSuccess: onDone })
          }
        >
          {t('cart.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('cart.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function CartLine({ item }: { item: CartItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const remove = useRemoveCartItem();
  const [editing, setEditing] = useState(false);
  const name = item.product.name?.[lang] ?? t('cart.unknownProduct');
  const trial = item.trial;
  const estimate = item.estimate;
  return (
    <Card withBorder padding="md" data-testid="cart-item" data-available={item.available}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={4}>
            <Group gap="xs">
              {item.product.slug ? (
                <Anchor component={Link} to={`/products/${item.product.slug}`} fw={700}>
                  {name}
                </Anchor>
              ) : (
                <Text fw={700}>{name}</Text>
              )}
              {trial && (
                <Badge color="teal" variant="light">
                  {t('cart.trial')}
                </Badge>
              )}
              {!item.available && (
                <Badge color="orange" variant="light">
                  {t('cart.unavailable')}
                </Badge>
              )}
            </Group>
            <ChoiceSummary item={item} />
          </Stack>
          <Group gap="xs">
            {!trial && item.product.slug && !editing && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('cart.change')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(item.id)}
              aria-label={t('cart.removeNamed', { name })}
            >
              {t('cart.remove')}
            </Button>
          </Group>
        </Group>
        {item.problem && (
          <Alert color="orange" role="alert" title={t('cart.excluded')}>
            {item.problem.message[lang]}
          </Alert>
        )}
        {remove.isError && <ProblemAlert error={remove.error} />}
        {editing && item.product.slug && (
          <ItemEditor item={item} slug={item.product.slug} onDone={() => setEditing(false)} />
        )}
        {estimate && !editing && (
          <Stack gap="xs">
            <EstimateLines estimate={estimate} />
            <Group gap="lg">
              <Text size="sm">
                {t('cart.perTerm', { term: estimate.termLabel[lang] })}:{' '}
                <b>{formatYen(estimate.perTerm.total)}</b>
              </Text>
              {estimate.oneTime.total > 0 && (
                <Text size="sm">
                  {t('catalog.oneTimeTitle')}: <b>{formatYen(estimate.oneTime.total)}</b>
                </Text>
              )}
              <Text size="sm">
                {t('catalog.firstTermTitle')}: <b>{formatYen(estimate.firstTerm.total)}</b>
              </Text>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** `/cart`. */
export function CartPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { data: cart, error, isPending } = useCart();
  if (isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('cart.loading')}</Text>
      </Group>
    );
  }
  if (error || !cart) return <ProblemAlert error={error} />;
  const available = cart.items.filter((item) => item.available);
  const flagged = cart.items.length - available.length;
  // Checkout needs a member: a visitor signs in first and comes back to checkout, the guest cart merged.
  const proceed = () => navigate(me.data ? '/checkout' : `/login?next=${encodeURIComponent('/checkout')}`);
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('cart.title')}</Title>
      {cart.items.length === 0 ? (
        <EmptyState
          title={t('cart.emptyTitle')}
          action={
            <Button component={Link} to="/products">
              {t('cart.toProducts')}
            </Button>
          }
        >
          <EmptyStateText>{t('cart.emptyBody')}</EmptyStateText>
        </EmptyState>
      ) : (
        <>
          <Stack gap="md">
            {cart.items.map((item) => (
              <CartLine key={item.id} item={item} />
            ))}
          </Stack>
          {flagged > 0 && (
            <Alert color="orange" title={t('cart.flaggedTitle', { count: flagged })}>
              {t('cart.flaggedBody')}
            </Alert>
          )}
          {cart.totals && (
            <Stack gap="sm">
              <Title order={2}>{t('cart.totalsTitle')}</Title>
              <TaxSummary
                title={t('catalog.firstTermTitle')}
                doc={cart.totals.firstTerm}
                note={
                  cart.totals.oneTime.total > 0
                    ? t('cart.oneTimeIncluded', { amount: formatYen(cart.totals.oneTime.total) })
                    : undefined
                }
              />
              <Text size="sm" c="dimmed">
                {t('cart.totalsNote')}
              </Text>
            </Stack>
          )}
          <Group>
            <Button size="md" disabled={available.length === 0} onClick={proceed}>
              {t('cart.proceed')}
            </Button>
            <Button component={Link} to="/products" variant="default">
              {t('cart.continueShopping')}
            </Button>
          </Group>
          {me.data === null && (
            <Text size="sm" c="dimmed">
              {t('cart.signInNote')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
