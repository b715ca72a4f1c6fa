// The product page: description, plans and prices, documents, trial, and the live price simulator (料金シミュレーター) answered by the server's one price engine.
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Image,
  List,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type EstimateRequest, type ProductDetail, useEstimate, useProduct } from '../api/catalog';
import { ApiError } from '../api/client';
import { EstimateResult } from '../components/estimate-result';
import { Markdown } from '../components/markdown';
import { useFieldErrors, useProblemText } from '../components/problem';
import { ProductBadges } from '../components/product-badges';
import { formatYen, useLang } from './catalog-format';
import { NotFound } from './errors';
import { estimateSearch } from './estimate-query';
import classes from './product.module.css';

type Plan = ProductDetail['plans'][number];
type Choice = {
  plan: string;
  term: string;
  quantity: number;
  options: Record<string, number>;
  usage: Record<string, number>;
};

function initialChoice(product: ProductDetail, planCode?: string): Choice {
  const plan = product.plans.find((p) => p.code === planCode) ?? product.plans[0]!;
  return { plan: plan.code, term: plan.terms[0]!.term, quantity: plan.quantity.min, options: {}, usage: {} };
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

function Simulator({ product }: { product: ProductDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const problemText = useProblemText();
  const fieldErrors = useFieldErrors();
  const [choice, setChoice] = useState<Choice>(() => initialChoice(product));
  const plan: Plan = product.plans.find((p) => p.code === choice.plan)!;

  const request: EstimateRequest = useMemo(
    () => ({
      product: product.slug,
      plan: choice.plan,
      term: choice.term,
      quantity: choice.quantity,
      options: Object.entries(choice.options).map(([code, quantity]) => ({ code, quantity })),
      usage: Object.entries(choice.usage).map(([code, quantity]) => ({ code, quantity })),
    }),
    [product.slug, choice],
  );
  const { data, error, isFetching } = useEstimate(request);
  const errors = fieldErrors(error, ['quantity']);

  const setOption = (code: string, quantity: number | null) => {
    const option = product.options.find((o) => o.code === code)!;
    const options = { ...choice.options };
    if (quantity === null) delete options[code];
    else {
      // Alternatives (SSL quick / OV / EV): choosing one drops the others of its group.
      for (const other of product.options) {
        if (other.code !== code && option.choiceGroup && other.choiceGroup === option.choiceGroup)
          delete options[other.code];
      }
      options[code] = quantity;
    }
    setChoice({ ...choice, options });
  };

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Title order={2}>{t('catalog.simulator.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('catalog.plan')}
            value={choice.plan}
            allowDeselect={false}
            data={product.plans.map((p) => ({ value: p.code, label: p.name[lang] }))}
            onChange={(value) => value && setChoice(initialChoice(product, value))}
            comboboxProps={{ withinPortal: false }}
          />
          <Select
            label={t('catalog.term')}
            value={choice.term}
            allowDeselect={false}
            data={plan.terms.map((term) => ({ value: term.term, label: term.label[lang] }))}
            onChange={(value) => value && setChoice({ ...choice, term: value, options: {} })}
            comboboxProps={{ withinPortal: false }}
          />
          <NumberInput
            label={
              plan.quantityUnit[lang]
                ? `${t('catalog.quantity')} (${plan.quantityUnit[lang]})`
                : t('catalog.quantity')
            }
            value={choice.quantity}
            min={plan.quantity.min}
            max={plan.quantity.max}
            step={plan.quantity.step}
            disabled={plan.quantity.min === plan.quantity.max}
            description={
              plan.quantity.min === plan.quantity.max
                ? t('catalog.quantityFixed', { count: plan.quantity.min })
                : t('catalog.quantityRange', { min: plan.quantity.min, max: plan.quantity.max })
            }
            error={errors.byField.quantity}
            onChange={(value) =>
              setChoice({ ...choice, quantity: typeof value === 'number' ? value : plan.quantity.min })
            }
          />
        </SimpleGrid>
        {product.options.length > 0 && (
          <Stack gap="xs">
            <Text fw={700}>{t('catalog.options')}</Text>
            {product.options.map((option) => {
              const offer = option.offers.find((o) => o.plan === choice.plan && o.term === choice.term);
              const taken = option.code in choice.options;
              const label = offer
                ? `${option.name[lang]} — ${offer.included ? t('catalog.included') : `${formatYen(offer.price.amount)} (${t('catalog.taxIn', { amount: formatYen(offer.price.withTax) })})`}`
                : `${option.name[lang]} — ${t('catalog.notOffered')}`;
              return (
                <Group key={option.code} gap="sm" align="center">
                  <Checkbox
                    label={label}
                    checked={Boolean(offer?.included) || taken}
                    disabled={!offer || offer.included}
                    onChange={(e) =>
                      setOption(option.code, e.currentTarget.checked ? option.quantity.min : null)
                    }
                  />
                  {offer && !offer.included && taken && option.quantity.max > option.quantity.min && (
                    <NumberInput
                      aria-label={t('catalog.optionQuantity', { name: option.name[lang] })}
                      size="xs"
                      w={110}
                      value={choice.options[option.code]}
                      min={option.quantity.min}
                      max={option.quantity.max}
                      suffix={option.quantityUnit[lang] ? ` ${option.quantityUnit[lang]}` : ''}
                      onChange={(value) =>
                        setOption(option.code, typeof value === 'number' ? value : option.quantity.min)
                      }
                    />
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
        {plan.usageComponents.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {plan.usageComponents.map((component) => (
              <NumberInput
                key={component.code}
                label={t('catalog.expectedUsage', { name: component.name[lang], unit: component.unit[lang] })}
                min={0}
                value={choice.usage[component.code] ?? 0}
                thousandSeparator=","
                onChange={(value) =>
                  setChoice({
                    ...choice,
                    usage: { ...choice.usage, [component.code]: typeof value === 'number' ? value : 0 },
                  })
                }
              />
            ))}
          </SimpleGrid>
        )}
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
        <Group>
          {product.trial && (
            <Button variant="light" disabled>
              {t('catalog.tryFree', { days: product.trial.days })}
            </Button>
          )}
          <Button disabled>{t('catalog.addToCart')}</Button>
          <Text size="xs" c="dimmed">
            {t('catalog.orderingSoon')}
          </Text>
        </Group>
      </Stack>
    </Card>
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
