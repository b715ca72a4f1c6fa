// The catalog editor's home: every product in any status, searched and filtered here, with the way to providers, documents and a new product.
import { Anchor, Button, Group, Loader, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ProductStatus, useAdminProducts } from '../../../api/admin-catalog';
import { ProblemAlert } from '../../../components/problem';
import { OperatorGate } from '../gate';
import { CatalogNav } from './catalog-nav';
import { StatusBadge } from './status-badge';

type Filter = ProductStatus | 'all';

function ProductList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const products = useAdminProducts();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  if (products.isPending)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  if (products.isError) return <ProblemAlert error={products.error} />;
  const needle = query.trim().normalize('NFKC').toLowerCase();
  const shown = products.data.filter((p) => {
    if (filter !== 'all' && p.status !== filter) return false;
    if (needle === '') return true;
    const def = p.definition as {
      slug?: string;
      name?: { ja?: string; en?: string };
      category?: string;
      tags?: string[];
    };
    const haystack = [
      def.slug,
      def.name?.ja,
      def.name?.en,
      def.category,
      ...(def.tags ?? []),
      p.provider.nameJa,
      p.provider.nameEn,
    ]
      .join(' ')
      .normalize('NFKC')
      .toLowerCase();
    return haystack.includes(needle);
  });
  return (
    <>
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            label={t('catalogEditor.products.search')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            placeholder={t('catalogEditor.products.searchPlaceholder')}
            w={280}
          />
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v as Filter)}
            aria-label={t('catalogEditor.status.label')}
            data={(['all', 'draft', 'published', 'retired'] as const).map((s) => ({
              value: s,
              label: s === 'all' ? t('catalogEditor.products.all') : t(`catalogEditor.status.names.${s}`),
            }))}
          />
        </Group>
        <Button component={Link} to="/admin/catalog/products/new">
          {t('catalogEditor.products.new')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder verticalSpacing="sm">
          <Table.Caption>{t('catalogEditor.products.caption', { count: shown.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('catalogEditor.products.product')}</Table.Th>
              <Table.Th>{t('catalogEditor.product.provider')}</Table.Th>
              <Table.Th>{t('catalogEditor.product.category')}</Table.Th>
              <Table.Th>{t('catalogEditor.status.label')}</Table.Th>
              <Table.Th>{t('catalogEditor.products.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => {
              const def = p.definition as {
                slug: string;
                name: { ja: string; en: string };
                category: string;
              };
              return (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/catalog/products/${p.id}`} fw={600}>
                      {def.name[lang]}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      /products/{def.slug}
                    </Text>
                  </Table.Td>
                  <Table.Td>{lang === 'en' ? p.provider.nameEn : p.provider.nameJa}</Table.Td>
                  <Table.Td>{t(`catalog.category.${def.category}`, { defaultValue: def.category })}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>
                    {new Date(p.updatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'ja-JP', {
                      timeZone: 'Asia/Tokyo',
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    })}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

export function AdminCatalogProducts() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('catalogEditor.products.title')}
      about={t('catalogEditor.about')}
      section="catalog"
    >
      {() => (
        <>
          <CatalogNav />
          <ProductList />
        </>
      )}
    </OperatorGate>
  );
}
