// Store pages: the home page with the store's profile and contact (the product list is in products.tsx).
import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type StoreProfile, useStoreProfile } from '../api/store';
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
  return (
    <Table variant="vertical" layout="fixed" withTableBorder className={classes.contact}>
      <Table.Caption>{t('store.home.contactTitle')}</Table.Caption>
      <Table.Tbody>
        {rows.map(({ id, label, value }) => (
          <Table.Tr key={id}>
            <Table.Th className={classes.label}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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
      <ContactTable store={data} />
      <Group>
        <Button component={Link} to="/mypage">
          {t('store.home.toMypage')}
        </Button>
      </Group>
    </Stack>
  );
}
