// The product page: description, plans and prices, documents, trial, and the live price simulator (料金シミュレーター) answered by the server's one price engine.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Image,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CartItemAdd, useAddCartItem } from '../api/cart';
import { type EstimateRequest, type ProductDetail, useEstimate, useProduct } from '../api/catalog';
import { ApiError } from '../api/client';
import { formatYen, useLang } from '../components/catalog-format';
import { NotFound } from '../components/errors';
import { EstimateResult } from '../components/estimate-result';
import { Markdown } from '../components/markdown';
import { ProblemAlert, useFieldErrors, useProblemText } from '../components/problem';
import { ProductBadges } from '../components/product-badges';
import {
  choiceFrom,
  choiceRequest,
  initialChoice,
  type ProductChoice,
  ProductChoiceFields,
} from '../components/product-choice';
import { estimateRequestFromSearch, estimateSearch } from './estimate-query';
import classes from './product.module.css';

/** The product's free trial: its trial plan on the plan's first term, flagged so the server prices it at ¥0. */
function trialRequest(product: ProductDetail): CartItemAdd {
  const trial = product.trial!;
  const plan = product.plans.find((p) => p.code === trial.plan) ?? product.plans[0]!;
  return {
    product: product.slug,
    plan: plan.code,
    term: plan.terms[0]!.term,
    options: [],
    usage: [],
    trial: true,
  };
}

function PlanTable({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table withTableBorder striped className={classes.table}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('catalog.plan')}</Table.Th>
          <Table.Th>{t('catalog.term')}</Table.Th>
          <Table.Th ta="right">{t('catalog.priceExclusive')}</Table.Th>
          <Table.Th ta="right">{t('catalog.priceInclusive')}</Table.Th>
          <Table.Th ta="right">{t('catalog.perMonthExclusive')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {product.plans.flatMap((plan) =>
          plan.terms.map((term, index) => (
            <Table.Tr key={`${plan.code}-${term.term}`}>
              <Table.Td>
                {index === 0 ? plan.name[lang] : ''}
                {index === 0 && plan.quantityUnit[lang]
                  ? ` (${t('catalog.perUnit', { unit: plan.quantityUnit[lang] })})`
                  : ''}
              </Table.Td>
              <Table.Td>{term.label[lang]}</Table.Td>
              <Table.Td ta="right">{formatYen(term.price.amount)}</Table.Td>
              <Table.Td ta="right">{formatYen(term.price.withTax)}</Table.Td>
              <Table.Td ta="right">{formatYen(term.perMonth)}</Table.Td>
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  );
}

/** The simulator's choice an address describes; a missing or unknown plan starts from the product's first. */
function choiceFromSearch(product: ProductDetail, params: URLSearchParams): ProductChoice {
  if (!params.get('plan')) return initialChoice(product);
  const request = estimateRequestFromSearch(product.slug, params);
  const quantity =
    request.quantity !== undefined && Number.isFinite(request.quantity) ? request.quantity : null;
  return choiceFrom(product, {
    plan: request.plan,
    term: request.term,
    quantity,
    options: request.options ?? [],
    usage: (request.usage ?? []).filter((u) => Number.isFinite(u.quantity)),
  });
}

function Simulator({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldErrors = useFieldErrors();
  // The choice lives in the address (plan, term, quantity, options, usage), so back, reload and a shared
  // link show the same simulation; each change replaces the entry rather than adding one to the history.
  // The page's own state answers at once (a term picked and an option ticked right after must not race
  // the address update); the address mirrors it.
  const [params, setParams] = useSearchParams();
  const [choice, setChoiceState] = useState(() => choiceFromSearch(product, params));
  const setChoice = (next: ProductChoice) => {
    setChoiceState(next);
    setParams(estimateSearch({ product: product.slug, ...choiceRequest(next) }), {
      replace: true,
      preventScrollReset: true,
    });
  };

  const request: EstimateRequest = useMemo(
    () => ({ product: product.slug, ...choiceRequest(choice) }),
    [product.slug, choice],
  );
  const { data, error, isFetching } = useEstimate(request);
  const errors = fieldErrors(error, ['quantity']);

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2}>{t('catalog.simulator.title')}</Title>
        <ProductChoiceFields
          product={product}
          choice={choice}
          onChange={setChoice}
          quantityError={errors.byField.quantity}
        />
        {error && !errors.byField.quantity && (
          <Alert color="red" title={t('catalog.simulator.invalid')}>
            {problemText(error)}
          </Alert>
        )}
        {isFetching && !data && <Loader size="sm" />}
        {data && !error && <EstimateResult estimate={data} />}
        {data && !error && (
          <Anchor
            component={Link}
            to={`/products/${product.slug}/estimate?${estimateSearch(request)}`}
            size="sm"
          >
            {t('catalog.print.open')}
          </Anchor>
        )}
        <AddToCart product={product} request={request} priced={Boolean(data) && !error} />
      </Stack>
    </Card>
  );
}

/**
 * "Add to cart" puts the simulator's current choice into the cart; "try free" puts the product's trial plan
 * in. Either way the server prices it again and the page says so, with the way to the cart.
 */
function AddToCart({
  product,
  request,
  priced,
}: {
  product: ProductDetail;
  request: EstimateRequest;
  priced: boolean;
}) {
  const { t } = useTranslation();
  const add = useAddCartItem();
  const [added, setAdded] = useState<'item' | 'trial' | null>(null);
  const put = (kind: 'item' | 'trial') => {
    setAdded(null);
    const body: CartItemAdd =
      kind === 'trial' && product.trial ? trialRequest(product) : { ...request, trial: false };
    add.mutate(body, { onSuccess: () => setAdded(kind) });
  };
  return (
    <Stack gap="sm">
      <Group>
        {product.trial && (
          <Button
            variant="light"
            loading={add.isPending && add.variables?.trial === true}
            onClick={() => put('trial')}
          >
            {t('catalog.tryFree', { days: product.trial.days })}
          </Button>
        )}
        <Button
          disabled={!priced}
          loading={add.isPending && add.variables?.trial !== true}
          onClick={() => put('item')}
        >
          {t('catalog.addToCart')}
        </Button>
      </Group>
      {added && (
        <Alert color="teal" role="status" title={t(added === 'trial' ? 'cart.addedTrial' : 'cart.added')}>
          <Group gap="sm">
            <Button component={Link} to="/cart" size="xs">
              {t('cart.view')}
            </Button>
            <Button component={Link} to="/products" size="xs" variant="default">
              {t('cart.continueShopping')}
            </Button>
          </Group>
        </Alert>
      )}
      {add.isError && <ProblemAlert error={add.error} />}
    </Stack>
  );
}

/** `/products/:slug`. */
export function ProductPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug = '' } = useParams();
  const { data: product, error, isPending } = useProduct(slug);
  if (error instanceof ApiError && error.status === 404) return <NotFound home="/products" />;
  if (isPending || !product) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('catalog.loading')}</Text>
      </Group>
    );
  }
  const documents = [...product.terms, ...product.options.flatMap((o) => o.terms)].filter(
    (d, i, all) => all.findIndex((x) => x.key === d.key) === i,
  );
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/products" size="sm">
        {t('catalog.backToList')}
      </Anchor>
      <Stack gap="xs">
        <ProductBadges category={product.category} trial={product.trial} />
        <Title order={1}>{product.name[lang]}</Title>
        <Text c="dimmed">{t('catalog.providedBy', { name: product.provider.name[lang] })}</Text>
        <Text>{product.summary[lang]}</Text>
        {product.leadTimeNote[lang] && (
          <Text size="sm">
            {t('catalog.leadTime')}: {product.leadTimeNote[lang]}
          </Text>
        )}
      </Stack>
      {product.images.length > 0 && (
        <Group gap="sm" align="flex-start">
          {product.images.map((image) => (
            <Image
              key={image.url}
              src={image.url}
              alt={image.alt || product.name[lang]}
              radius="md"
              className={classes.image}
            />
          ))}
        </Group>
      )}
      <Markdown source={product.description[lang] || product.description.ja} />
      <Title order={2}>{t('catalog.pricesTitle')}</Title>
      <PlanTable product={product} />
      <Simulator product={product} />
      {documents.length > 0 && (
        <Stack gap="xs">
          <Title order={2}>{t('catalog.documents')}</Title>
          <List>
            {documents.map((d) => (
              <List.Item key={d.key}>
                <Anchor component={Link} to={`/documents/${d.key}`}>
                  {d.title[lang]}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t('catalog.version', { version: d.version })}
                </Text>
              </List.Item>
            ))}
            {product.trial?.conditions && (
              <List.Item>
                <Anchor component={Link} to={`/documents/${product.trial.conditions.key}`}>
                  {product.trial.conditions.title[lang]}
                </Anchor>
              </List.Item>
            )}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
