// My Page invoices: `/mypage/invoices` (請求一覧, newest month first) and `/mypage/invoices/:invoiceId` (請求詳細: lines with their service periods, tax per rate, issuer, PDF).
import { Anchor, Badge, Button, Group, Loader, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import {
  MY_INVOICES_PAGE_SIZE,
  type MyInvoiceDetail,
  myInvoicePdfHref,
  useMyInvoice,
  useMyInvoices,
} from '../api/my-invoices';
import { formatYen, useLang } from '../components/catalog-format';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { NotFound } from '../components/errors';
import { ProblemAlert } from '../components/problem';
import { RateGroupRow, TaxTotalsTable } from '../components/tax-summary';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './cart.module.css';

// Only `paid` is green: an invoice handed to the payment agency is still unpaid (seed 001).
const statusColor: Record<string, string> = {
  issued: 'blue',
  agency_handed: 'yellow',
  partially_paid: 'orange',
  paid: 'teal',
  void: 'gray',
  credit: 'grape',
};

function useDates() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  return {
    /** A business date (YYYY-MM-DD) as the calendar day it names, whatever the browser's zone. */
    date: (plain: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${plain}T00:00:00Z`),
      ),
    /** A billing month (YYYY-MM): 2026年4月 / April 2026. */
    month: (month: string) =>
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
  };
}

function InvoiceStatus({ status, label }: { status: string; label: { ja: string; en: string } }) {
  const lang = useLang();
  return (
    <Badge color={statusColor[status] ?? 'gray'} variant="light" data-testid="invoice-status">
      {label[lang]}
    </Badge>
  );
}

function SignedOut() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('mypage.invoices.emptyTitle')} action={<SignInActions />}>
      <EmptyStateText>{t('mypage.invoices.emptyBody')}</EmptyStateText>
    </EmptyState>
  );
}

function InvoiceList() {
  const { t } = useTranslation();
  const lang = useLang();
  const dates = useDates();
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useMyInvoices(page);
  if (isPending) return <Loader size="sm" />;
  if (error || !data) return <ProblemAlert error={error} />;
  if (data.total === 0) {
    return (
      <EmptyState title={t('mypage.invoices.noneTitle')}>
        <EmptyStateText>{t('myInvoices.noneBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / MY_INVOICES_PAGE_SIZE));
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder striped className={classes.lines} data-testid="invoice-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('myInvoices.month')}</Table.Th>
              <Table.Th>{t('myInvoices.number')}</Table.Th>
              <Table.Th ta="right">{t('myInvoices.amount')}</Table.Th>
              <Table.Th>{t('myInvoices.status')}</Table.Th>
              <Table.Th>{t('myInvoices.dueDate')}</Table.Th>
              <Table.Th>{t('myInvoices.paymentMethod')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.invoices.map((invoice) => (
              <Table.Tr key={invoice.id}>
                <Table.Td>{dates.month(invoice.month)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/mypage/invoices/${invoice.id}`}>
                    {invoice.number}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatYen(invoice.total)}</Table.Td>
                <Table.Td>
                  <InvoiceStatus status={invoice.status} label={invoice.statusLabel} />
                </Table.Td>
                <Table.Td>
                  {invoice.dueDate ? dates.date(invoice.dueDate) : t('myInvoices.noDueDate')}
                </Table.Td>
                <Table.Td>{invoice.paymentMethodLabel[lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      <Text size="sm" c="dimmed">
        {t('myInvoices.reflectionNote')}
      </Text>
    </Stack>
  );
}

/** `/mypage/invoices`. */
export function MypageInvoices() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.invoices.title')}</Title>
      <WithMember signedOut={<SignedOut />}>{() => <InvoiceList />}</WithMember>
    </Stack>
  );
}

function InvoiceLines({ invoice }: { invoice: MyInvoiceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dates = useDates();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder className={classes.lines} data-testid="invoice-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('myInvoices.line')}</Table.Th>
            <Table.Th>{t('myInvoices.servicePeriod')}</Table.Th>
            <Table.Th ta="right">{t('myInvoices.quantity')}</Table.Th>
            <Table.Th ta="right">{t('myInvoices.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('myInvoices.lineAmount')}</Table.Th>
            <Table.Th ta="right">{t('myInvoices.taxRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoice.lines.map((line) => (
            <Table.Tr key={line.position}>
              <Table.Td>
                {line.description[lang]}
                {line.reducedMarker ? ' ※' : ''}
                {line.contractNumber && (
                  <Text size="xs" c="dimmed">
                    {t('myInvoices.contractNumber', { number: line.contractNumber })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t('myInvoices.periodRange', {
                  from: dates.date(line.serviceFrom),
                  through: dates.date(line.serviceThrough),
                })}
              </Table.Td>
              <Table.Td ta="right">{line.quantity}</Table.Td>
              <Table.Td ta="right">{formatYen(line.unitPrice)}</Table.Td>
              <Table.Td ta="right">{formatYen(line.amount)}</Table.Td>
              <Table.Td ta="right">{t('myInvoices.percent', { percent: line.taxPercent })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function InvoiceView({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const dates = useDates();
  const { data: invoice, error, isPending } = useMyInvoice(invoiceId);
  if (error instanceof ApiError && error.status === 404) return <NotFound home="/mypage/invoices" />;
  if (isPending) return <Loader size="sm" />;
  if (error || !invoice) return <ProblemAlert error={error} />;
  const hasReduced = invoice.lines.some((l) => l.reducedMarker);
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="invoice-number">
          {t('myInvoices.numberTitle', { number: invoice.number })}
        </Title>
        <InvoiceStatus status={invoice.status} label={invoice.statusLabel} />
      </Group>
      <Table withTableBorder className={classes.lines} data-testid="invoice-facts">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.month')}</Table.Th>
            <Table.Td>{dates.month(invoice.month)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.issueDate')}</Table.Th>
            <Table.Td>{dates.date(invoice.issueDate)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.dueDate')}</Table.Th>
            <Table.Td>{invoice.dueDate ? dates.date(invoice.dueDate) : t('myInvoices.noDueDate')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.paymentMethod')}</Table.Th>
            <Table.Td>{invoice.paymentMethodLabel[lang]}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.issuer')}</Table.Th>
            <Table.Td>{invoice.issuerName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('myInvoices.registrationNumber')}</Table.Th>
            <Table.Td>{invoice.registrationNumber ?? t('myInvoices.noRegistrationNumber')}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={3}>{t('myInvoices.lines')}</Title>
      <InvoiceLines invoice={invoice} />
      {hasReduced && <Text size="sm">{t('myInvoices.reducedNote')}</Text>}
      <TaxTotalsTable
        rates={invoice.rates.map((r) => (
          <RateGroupRow
            key={r.percent}
            percent={r.percent}
            reduced={r.reduced}
            taxableAmount={r.taxableAmount}
            tax={r.tax}
          />
        ))}
        subtotal={invoice.subtotal}
        tax={invoice.tax}
        total={invoice.total}
        testId="invoice-totals"
      />
      <Group>
        <Button component="a" href={myInvoicePdfHref(invoice.id)} variant="light" data-testid="invoice-pdf">
          {t('myInvoices.downloadPdf')}
        </Button>
      </Group>
    </Stack>
  );
}

/** `/mypage/invoices/:invoiceId`. */
export function MypageInvoice() {
  const { t } = useTranslation();
  const { invoiceId = '' } = useParams();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/mypage/invoices" size="sm">
        {t('myInvoices.backToList')}
      </Anchor>
      <Title order={1}>{t('myInvoices.detailTitle')}</Title>
      <WithMember signedOut={<SignedOut />}>{() => <InvoiceView invoiceId={invoiceId} />}</WithMember>
    </Stack>
  );
}
