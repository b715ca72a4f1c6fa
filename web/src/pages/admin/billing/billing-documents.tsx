// The console's electronic records (電子帳簿保存法): stored invoices and credit notes searched by transaction date, amount, counterparty and kind, with a CSV of the result; and the month's accounting CSV in Shift_JIS or UTF-8 with BOM.
import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type DocumentFilters, downloadHref, useBillingDocuments } from '../../../api/admin-billing';
import { EmptyState, EmptyStateText } from '../../../components/empty-state';
import { ProblemAlert } from '../../../components/problem';
import classes from '../admin.module.css';
import { OperatorGate } from '../gate';
import { useOrderFormat } from '../order-format';
import { offsetParam, Pager } from '../pager';

const pageSize = 50;
const kinds = ['invoice', 'credit_note'] as const;
type Kind = (typeof kinds)[number];

const isKind = (value: string | null): value is Kind => value === 'invoice' || value === 'credit_note';
const wholeYen = (value: string | null) =>
  value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
const isDate = (value: string | null) =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

function DocumentSearch() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind');
  const offset = offsetParam(params);
  const filters: Omit<DocumentFilters, 'limit' | 'offset'> = {
    kind: isKind(kind) ? kind : undefined,
    from: isDate(params.get('from')),
    to: isDate(params.get('to')),
    minAmount: wholeYen(params.get('minAmount')),
    maxAmount: wholeYen(params.get('maxAmount')),
    counterparty: params.get('counterparty') || undefined,
  };
  const [draft, setDraft] = useState({
    from: filters.from ?? '',
    to: filters.to ?? '',
    minAmount: filters.minAmount ?? ('' as string | number),
    maxAmount: filters.maxAmount ?? ('' as string | number),
    counterparty: filters.counterparty ?? '',
    kind: filters.kind ?? '',
  });
  const documents = useBillingDocuments({ ...filters, limit: pageSize, offset });
  const apply = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') next.delete(name);
      else next.set(name, value);
    }
    if (!('offset' in changes)) next.delete('offset');
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    apply({
      from: draft.from,
      to: draft.to,
      minAmount: String(draft.minAmount),
      maxAmount: String(draft.maxAmount),
      counterparty: draft.counterparty.trim(),
      kind: draft.kind,
    });
  };
  const csv = downloadHref('/api/admin/billing-documents', { ...filters, format: 'csv' });

  let table: ReactNode;
  if (documents.isPending) {
    table = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (documents.isError) {
    table = <ProblemAlert error={documents.error} />;
  } else if (documents.data.total === 0) {
    table = (
      <EmptyState title={t('admin.billing.documents.emptyTitle')}>
        <EmptyStateText>{t('admin.billing.documents.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    const page = documents.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder data-testid="billing-documents">
            <Table.Caption>
              {t('admin.billing.documents.caption', {
                total: page.total,
                from: offset + 1,
                to: offset + page.documents.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.billing.documents.transactionDate')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.kind')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.number')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.counterparty')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.amount')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.sha256')}</Table.Th>
                <Table.Th>{t('admin.billing.documents.storedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.documents.map((doc) => (
                <Table.Tr key={doc.id} data-document={doc.number}>
                  <Table.Td className={classes.nowrap}>{format.date(doc.transactionDate)}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {t(`admin.billing.documents.kinds.${doc.kind}`)}
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>
                    <Anchor
                      href={
                        doc.kind === 'invoice'
                          ? `/api/admin/invoices/${encodeURIComponent(doc.documentId)}/pdf`
                          : `/api/admin/credit-notes/${encodeURIComponent(doc.documentId)}/pdf`
                      }
                      aria-label={t('admin.billing.pdfJaOf', { number: doc.number })}
                    >
                      {doc.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{doc.counterparty}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(doc.amount)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" title={doc.sha256}>
                      {doc.sha256.slice(0, 16)}…
                    </Text>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{format.time(doc.storedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={offset}
          shown={page.documents.length}
          pageSize={pageSize}
          prevLabel={t('admin.orders.prev')}
          nextLabel={t('admin.orders.next')}
          onOffset={(value) => apply({ offset: String(value) })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md" component="section" aria-labelledby="documents-title">
      <Title order={2} size="h4" id="documents-title">
        {t('admin.billing.documents.searchTitle')}
      </Title>
      <Text size="sm">{t('admin.billing.documents.lead')}</Text>
      <Paper withBorder p="md">
        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label={t('admin.billing.documents.from')}
              value={draft.from}
              onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
              name="from"
              w={170}
            />
            <TextInput
              type="date"
              label={t('admin.billing.documents.to')}
              value={draft.to}
              onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
              name="to"
              w={170}
            />
            <NumberInput
              label={t('admin.billing.documents.minAmount')}
              value={draft.minAmount}
              onChange={(value) => setDraft({ ...draft, minAmount: value })}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              prefix="¥"
              w={150}
            />
            <NumberInput
              label={t('admin.billing.documents.maxAmount')}
              value={draft.maxAmount}
              onChange={(value) => setDraft({ ...draft, maxAmount: value })}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              prefix="¥"
              w={150}
            />
            <TextInput
              label={t('admin.billing.documents.counterparty')}
              description={t('admin.billing.documents.counterpartyHelp')}
              value={draft.counterparty}
              onChange={(event) => setDraft({ ...draft, counterparty: event.currentTarget.value })}
              maxLength={100}
              w={220}
            />
            <NativeSelect
              label={t('admin.billing.documents.kind')}
              value={draft.kind}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  kind: isKind(event.currentTarget.value) ? event.currentTarget.value : '',
                })
              }
              data={[
                { value: '', label: t('admin.billing.documents.allKinds') },
                ...kinds.map((value) => ({ value, label: t(`admin.billing.documents.kinds.${value}`) })),
              ]}
            />
            <Button type="submit" variant="default">
              {t('admin.orders.searchSubmit')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Group>
        <Button component="a" href={csv} variant="light" download>
          {t('admin.billing.documents.csv')}
        </Button>
      </Group>
      {table}
    </Stack>
  );
}

function AccountingExport() {
  const { t } = useTranslation();
  const [month, setMonth] = useState('');
  const [encoding, setEncoding] = useState<'sjis' | 'utf8bom'>('sjis');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="accounting-export-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="accounting-export-title">
          {t('admin.billing.export.title')}
        </Title>
        <Text size="sm">{t('admin.billing.export.lead')}</Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="month"
            label={t('admin.billing.month')}
            value={month}
            onChange={(event) => setMonth(event.currentTarget.value)}
            required
            w={200}
          />
          <NativeSelect
            label={t('admin.billing.export.encoding')}
            value={encoding}
            onChange={(event) => setEncoding(event.currentTarget.value === 'utf8bom' ? 'utf8bom' : 'sjis')}
            data={[
              { value: 'sjis', label: t('admin.billing.export.encodings.sjis') },
              { value: 'utf8bom', label: t('admin.billing.export.encodings.utf8bom') },
            ]}
          />
          {/^\d{4}-\d{2}$/.test(month) ? (
            <Button
              component="a"
              href={downloadHref('/api/admin/invoices/export', { month, encoding })}
              download
            >
              {t('admin.billing.export.download')}
            </Button>
          ) : (
            <Button disabled>{t('admin.billing.export.download')}</Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function AdminBillingDocuments() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.billing.documents.title')}
      about={t('admin.billing.documents.about')}
      section="billing"
    >
      {() => (
        <Stack gap="lg">
          <DocumentSearch />
          <AccountingExport />
        </Stack>
      )}
    </OperatorGate>
  );
}
