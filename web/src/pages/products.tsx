// The product list: keyword, category, provider, price range and "trial available" filters, sorting and paging, kept in the URL.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ProductQuery, useProducts } from '../api/catalog';
import { useLang } from '../components/catalog-format';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { useProblemText } from '../components/problem';
import { ProductCard } from '../components/product-card';
import classes from './products.module.css';

const PAGE_SIZE = 12;
const sorts = ['recommended', 'newest', 'price_asc', 'price_desc', 'name'] as const;

/** `/products`: the search form and one page of results. */
export function ProductsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const problemText = useProblemText();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const query: ProductQuery = {
    q: params.get('q') ?? undefined,
    category: params.get('category') ?? undefined,
    provider: params.get('provider') ?? undefined,
    minPrice: params.get('minPrice') ? Number(params.get('minPrice')) : undefined,
    maxPrice: params.get('maxPrice') ? Number(params.get('maxPrice')) : undefined,
    trial: params.get('trial') === 'true' ? 'true' : undefined,
    sort: (sorts as readonly string[]).includes(params.get('sort') ?? '')
      ? (params.get('sort') as ProductQuery['sort'])
      : 'recommended',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const { data, isPending, error, refetch } = useProducts(query);
  const [keyword, setKeyword] = useState(query.q ?? '');

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: keyword.trim() });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('store.products.title')}</Title>
      <form onSubmit={submit} aria-label={t('catalog.search.label')}>
        <Stack gap="sm" className={classes.filters}>
          <Group align="flex-end" gap="sm">
            <TextInput
              className={classes.keyword}
              label={t('catalog.search.keyword')}
              placeholder={t('catalog.search.keywordPlaceholder')}
              value={keyword}
              onChange={(e) => setKeyword(e.currentTarget.value)}
            />
            <Button type="submit">{t('catalog.search.submit')}</Button>
          </Group>
          <Group align="flex-end" gap="sm">
            <Select
              label={t('catalog.search.category')}
              placeholder={t('catalog.search.all')}
              clearable
              value={query.category ?? null}
              data={(data?.categories ?? []).map((c) => ({
                value: c.value,
                label: `${t(`catalog.category.${c.value}`, { defaultValue: c.value })} (${c.count})`,
              }))}
              onChange={(value) => update({ category: value ?? undefined })}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              label={t('catalog.search.provider')}
              placeholder={t('catalog.search.all')}
              clearable
              value={query.provider ?? null}
              data={(data?.providers ?? []).map((p) => ({
                value: p.slug,
                label: `${p.name[lang]} (${p.count})`,
              }))}
              onChange={(value) => update({ provider: value ?? undefined })}
              comboboxProps={{ withinPortal: false }}
            />
            <NumberInput
              label={t('catalog.search.minPrice')}
              min={0}
              step={1000}
              thousandSeparator=","
              prefix="¥"
              className={classes.price}
              defaultValue={query.minPrice ?? ''}
              onBlur={(e) => update({ minPrice: e.currentTarget.value.replace(/[^\d]/g, '') || undefined })}
            />
            <NumberInput
              label={t('catalog.search.maxPrice')}
              min={0}
              step={1000}
              thousandSeparator=","
              prefix="¥"
              className={classes.price}
              defaultValue={query.maxPrice ?? ''}
              onBlur={(e) => update({ maxPrice: e.currentTarget.value.replace(/[^\d]/g, '') || undefined })}
            />
            <Select
              label={t('catalog.search.sort')}
              value={query.sort ?? 'recommended'}
              allowDeselect={false}
              data={sorts.map((s) => ({ value: s, label: t(`catalog.sort.${s}`) }))}
              onChange={(value) =>
                update({ sort: value === 'recommended' ? undefined : (value ?? undefined) })
              }
              comboboxProps={{ withinPortal: false }}
            />
          </Group>
          <Checkbox
            label={t('catalog.search.trialOnly')}
            checked={query.trial === 'true'}
            onChange={(e) => update({ trial: e.currentTarget.checked ? 'true' : undefined })}
          />
          <Text size="xs" c="dimmed">
            {t('catalog.search.priceNote')}
          </Text>
        </Stack>
      </form>

      {isPending && (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text>{t('catalog.loading')}</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" title={t('catalog.loadError')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{problemText(error)}</Text>
            <Button size="xs" variant="light" color="red" onClick={() => void refetch()}>
              {t('store.loadError.retry')}
            </Button>
          </Stack>
        </Alert>
      )}
      {data && data.total === 0 && (
        <EmptyState title={params.toString() ? t('catalog.noMatchTitle') : t('store.products.emptyTitle')}>
          <EmptyStateText>
            {params.toString() ? t('catalog.noMatchBody') : t('store.products.emptyBody')}
          </EmptyStateText>
        </EmptyState>
      )}
      {data && data.total > 0 && (
        <Stack gap="md">
          <Text size="sm" role="status">
            {t('catalog.count', { count: data.total })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {data.items.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </SimpleGrid>
          {data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(data.total / PAGE_SIZE)}
              value={page}
              onChange={(next) => update({ page: String(next) })}
              getControlProps={(control) => ({
                'aria-label': t(`catalog.pagination.${control}`),
              })}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
