// Store pages: the home page with a catalog search, products to start from, and the store's profile and contact (the full product list is in products.tsx).
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useProducts } from '../api/catalog';
import { type StoreProfile, useStoreProfile } from '../api/store';
import { ProductCard } from '../components/product-card';
import classes from './store.module.css';

function ContactTable({ store }: { store: StoreProfile }) {
  const { t } = useTranslation();
  const rows: { id: string; label: string; value: ReactNode }[] = [
    { id: 'issuer', label: t('store.home.issuer'), value: store.issuerName },
    // Only a registered issuer (T + 13 digits) may issue qualified invoices; others have no number to show.
    ...(store.registrationNumber
      ? [{ id: 'registration', label: t('store.home.registrationNumber'), value: store.registrationNumber }]
      : []),
    { id: 'address', label: t('store.home.address'), value: `〒${store.postalCode} ${store.address}` },
    {
      id: 'phone',
      label: t('store.home.phone'),
      value: (
        <Anchor inherit href={`tel:${store.phone.replace(/[^\d+]/g, '')}`}>
          {store.phone}
        </Anchor>
      ),
    },
    {
      id: 'email',
      label: t('store.home.email'),
      value: (
        <Anchor inherit href={`mailto:${store.email}`}>
          {store.email}
        </Anchor>
      ),
    },
    { id: 'hours', label: t('store.home.businessHours'), value: store.businessHours },
    {
      id: 'inquiry',
      label: t('store.home.inquiryForm'),
      value: (
        <Anchor inherit component={Link} to="/inquiry">
          {t('store.home.inquiryFormLink')}
        </Anchor>
      ),
    },
  ];
  // A plain table: Mantine's Table brings its scroll container, which no other part of the first page needs.
  return (
    <table className={classes.contact}>
      <caption>{t('store.home.contactTitle')}</caption>
      <tbody>
        {rows.map(({ id, label, value }) => (
          <tr key={id}>
            <th scope="row" className={classes.label}>
              {label}
            </th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Loading and failure of GET /api/store, shown in place of the content that needs it. */
function StoreStatus({ isPending, onRetry }: { isPending: boolean; onRetry: () => void }) {
  const { t } = useTranslation();
  if (isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('store.loading')}</Text>
      </Group>
    );
  }
  return (
    <Alert color="red" title={t('store.loadError.title')} className={classes.alert}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('store.loadError.body')}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('store.loadError.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** A keyword box that opens the catalog search with it; an empty box opens the whole catalog. */
function CatalogSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [keyword, setKeyword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = keyword.trim();
    void navigate(q ? `/products?${new URLSearchParams({ q })}` : '/products');
  };
  return (
    <form onSubmit={submit}>
      <Group gap="sm" align="flex-end">
        <TextInput
          label={t('store.home.searchLabel')}
          placeholder={t('store.home.searchPlaceholder')}
          value={keyword}
          onChange={(event) => setKeyword(event.currentTarget.value)}
          className={classes.search}
        />
        <Button type="submit">{t('store.home.searchButton')}</Button>
      </Group>
    </form>
  );
}

/** The first products of the catalog in its recommended order, with a link to all of them. */
function FeaturedProducts() {
  const { t } = useTranslation();
  const { data } = useProducts({ sort: 'recommended', limit: 4, offset: 0 });
  if (!data || data.items.length === 0) return null;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('store.home.featured')}</Title>
        <Anchor component={Link} to="/products">
          {t('store.home.allProducts', { count: data.total })}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {data.items.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function StoreHome() {
  const { t } = useTranslation();
  const { data, isPending, refetch } = useStoreProfile();
  if (!data) return <StoreStatus isPending={isPending} onRetry={() => void refetch()} />;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{data.name}</Title>
        <Text>{t('store.home.lead', { name: data.name })}</Text>
      </Stack>
      <CatalogSearch />
      <FeaturedProducts />
      <ContactTable store={data} />
      <Group>
        <Button component={Link} to="/mypage">
          {t('store.home.toMypage')}
        </Button>
      </Group>
    </Stack>
  );
}
