// The console's invoices: search by number, member, month and status with a pager; one invoice with its lines, per-rate totals, ledger, credit notes, PDFs and the operator's actions.
import {
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  downloadHref,
  type InvoiceStatus,
  invoiceStatuses,
  type mayBill,
  useAdminInvoice,
  useAdminInvoices,
  useInvoiceCreditNotes,
  useInvoiceLedger,
} from '../../../api/admin-billing';
import { EmptyState, EmptyStateText } from '../../../components/empty-state';
import { ProblemAlert } from '../../../components/problem';
import classes from '../admin.module.css';
import { OperatorGate } from '../gate';
import { useOrderFormat } from '../order-format';
import { offsetParam, Pager } from '../pager';
import { InvoiceStatusBadge, useLedgerKind, useMonthText } from './billing-format';
import { InvoiceActions } from './invoice-actions';

const pageSize = 50;

function isStatus(value: string | null): value is InvoiceStatus {
  return value !== null && (invoiceStatuses as readonly string[]).includes(value);
}

function InvoiceList() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const monthText = useMonthText();
  const [params, setParams] = useSearchParams();
  const number = params.get('number') ?? '';
  const memberId = params.get('member') ?? '';
  const month = params.get('month') ?? '';
  const status = params.get('status');
  const offset = offsetParam(params);
  const [draft, setDraft] = useState({ number, memberId, month });
  const invoices = useAdminInvoices({
    number: number === '' ? undefined : number,
    memberId: memberId === '' ? undefined : memberId,
    month: /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    status: isStatus(status) ? status : undefined,
    limit: pageSize,
    offset,
  });
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
    apply({ number: draft.number.trim(), member: draft.memberId.trim(), month: draft.month });
  };

  let table: ReactNode;
  if (invoices.isPending) {
    table = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (invoices.isError) {
    table = <ProblemAlert error={invoices.error} />;
  } else if (invoices.data.total === 0) {
    table = (
      <EmptyState title={t('admin.billing.invoices.emptyTitle')}>
        <EmptyStateText>{t('admin.billing.invoices.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    const page = invoices.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={880}>
          <Table striped highlightOnHover withTableBorder data-testid="invoice-search">
            <Table.Caption>
              {t('admin.billing.invoices.caption', {
                total: page.total,
                from: offset + 1,
                to: offset + page.invoices.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.billing.invoiceNumber')}</Table.Th>
                <Table.Th>{t('admin.billing.month')}</Table.Th>
                <Table.Th>{t('admin.billing.member')}</Table.Th>
                <Table.Th>{t('admin.billing.issueDate')}</Table.Th>
                <Table.Th>{t('admin.billing.status')}</Table.Th>
                <Table.Th>{t('admin.billing.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.invoices.map((invoice) => (
                <Table.Tr key={invoice.id} data-invoice={invoice.number}>
                  <Table.Td className={classes.nowrap}>
                    <Anchor component={Link} to={`/admin/billing/invoices/${encodeURIComponent(invoice.id)}`}>
                      {invoice.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{monthText(invoice.month)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/admin/billing/members/${encodeURIComponent(invoice.memberId)}/ledger`}
                      size="sm"
                    >
                      {t('admin.billing.memberLedgerOf', { id: invoice.memberId })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{format.date(invoice.issueDate)}</Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge status={invoice.status} label={invoice.statusLabel} />
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(invoice.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={offset}
          shown={page.invoices.length}
          pageSize={pageSize}
          prevLabel={t('admin.orders.prev')}
          nextLabel={t('admin.orders.next')}
          onOffset={(value) => apply({ offset: String(value) })}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-label={t('admin.billing.invoices.filters')}>
        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('admin.billing.invoiceNumber')}
              description={t('admin.billing.invoices.numberHelp')}
              placeholder="INV2026-0000001"
              value={draft.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
              maxLength={40}
              name="number"
              w={200}
            />
            <TextInput
              label={t('admin.billing.memberId')}
              description={t('admin.billing.invoices.memberHelp')}
              value={draft.memberId}
              onChange={(event) => setDraft({ ...draft, memberId: event.currentTarget.value })}
              maxLength={100}
              name="member"
              w={220}
            />
            <TextInput
              type="month"
              label={t('admin.billing.month')}
              value={draft.month}
              onChange={(event) => setDraft({ ...draft, month: event.currentTarget.value })}
              name="month"
              w={180}
            />
            <NativeSelect
              label={t('admin.billing.status')}
              value={isStatus(status) ? status : ''}
              onChange={(event) => apply({ status: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.orders.allStatuses') },
                ...invoiceStatuses.map((value) => ({ value, label: t(`admin.billing.statuses.${value}`) })),
              ]}
              name="status"
            />
            <Button type="submit" variant="default">
              {t('admin.orders.searchSubmit')}
            </Button>
          </Group>
        </form>
      </Paper>
      {table}
    </Stack>
  );
}

export function AdminInvoices() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.billing.invoices.title')}
      about={t('admin.billing.invoices.about')}
      section="billing"
    >
      {() => <InvoiceList />}
    </OperatorGate>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function InvoiceLedger({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const kind = useLedgerKind();
  const ledger = useInvoiceLedger(invoiceId);
  if (ledger.isPending) return <Loader size="sm" />;
  if (ledger.isError) return <ProblemAlert error={ledger.error} />;
  const l = ledger.data;
  return (
    <Stack gap="sm" component="section" aria-labelledby="invoice-ledger-title">
      <Title order={3} size="h4" id="invoice-ledger-title">
        {t('admin.billing.invoice.ledger')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="invoice-ledger-sums">
        <Fact label={t('admin.billing.total')}>{format.yen(l.total)}</Fact>
        <Fact label={t('admin.billing.invoice.paid')}>{format.yen(l.paid)}</Fact>
        <Fact label={t('admin.billing.invoice.writtenOff')}>{format.yen(l.writtenOff)}</Fact>
        <Fact label={l.open < 0 ? t('admin.billing.invoice.credit') : t('admin.billing.invoice.open')}>
          {format.yen(Math.abs(l.open))}
        </Fact>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder data-testid="invoice-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.billing.ledger.date')}</Table.Th>
              <Table.Th>{t('admin.billing.ledger.kind')}</Table.Th>
              <Table.Th>{t('admin.billing.ledger.amount')}</Table.Th>
              <Table.Th>{t('admin.billing.ledger.method')}</Table.Th>
              <Table.Th>{t('admin.billing.ledger.note')}</Table.Th>
              <Table.Th>{t('admin.billing.ledger.recordedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {l.entries.map((entry) => (
              <Table.Tr key={entry.id} data-entry={entry.kind}>
                <Table.Td className={classes.nowrap}>{format.date(entry.occurredOn)}</Table.Td>
                <Table.Td>{kind(entry.kind)}</Table.Td>
                <Table.Td className={classes.nowrap}>{format.yen(entry.amount)}</Table.Td>
                <Table.Td>
                  {entry.payment ? t(`admin.billing.methods.${entry.payment.method}`) : '—'}
                  {entry.payment?.flag === 'already_paid' && (
                    <Text size="xs" c="red.8">
                      {t('admin.billing.ledger.alreadyPaid')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{entry.note ?? ''}</Table.Td>
                <Table.Td className={classes.nowrap}>{format.time(entry.recordedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CreditNotes({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const notes = useInvoiceCreditNotes(invoiceId);
  if (notes.isPending) return <Loader size="sm" />;
  if (notes.isError) return <ProblemAlert error={notes.error} />;
  if (notes.data.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="invoice-credit-notes-title">
      <Title order={3} size="h4" id="invoice-credit-notes-title">
        {t('admin.billing.invoice.creditNotes')}
      </Title>
      <Table withTableBorder data-testid="invoice-credit-notes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.billing.creditNoteNumber')}</Table.Th>
            <Table.Th>{t('admin.billing.issueDate')}</Table.Th>
            <Table.Th>{t('admin.billing.creditNote.reason')}</Table.Th>
            <Table.Th>{t('admin.billing.creditNote.returned')}</Table.Th>
            <Table.Th>PDF</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {notes.data.map((note) => (
            <Table.Tr key={note.id} data-credit-note={note.number}>
              <Table.Td className={classes.nowrap}>{note.number}</Table.Td>
              <Table.Td className={classes.nowrap}>{format.date(note.issueDate)}</Table.Td>
              <Table.Td>{note.reason}</Table.Td>
              <Table.Td className={classes.nowrap}>{format.yen(note.total)}</Table.Td>
              <Table.Td className={classes.nowrap}>
                <Group gap="xs">
                  <Anchor
                    href={`/api/admin/credit-notes/${encodeURIComponent(note.id)}/pdf`}
                    size="sm"
                    aria-label={t('admin.billing.pdfJaOf', { number: note.number })}
                  >
                    {t('admin.billing.pdfJa')}
                  </Anchor>
                  <Anchor
                    href={downloadHref(`/api/admin/credit-notes/${encodeURIComponent(note.id)}/pdf`, {
                      lang: 'en',
                    })}
                    size="sm"
                    aria-label={t('admin.billing.pdfEnOf', { number: note.number })}
                  >
                    {t('admin.billing.pdfEn')}
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function InvoicePanel({ invoiceId, roles }: { invoiceId: string; roles: Parameters<typeof mayBill>[0] }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const monthText = useMonthText();
  const { data: invoice, error, isPending } = useAdminInvoice(invoiceId);
  if (isPending) return <Loader size="sm" />;
  if (error || !invoice) return <ProblemAlert error={error} />;
  const pdf = `/api/admin/invoices/${encodeURIComponent(invoice.id)}/pdf`;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="invoice-number">
          {t('admin.billing.invoice.numberTitle', { number: invoice.number })}
        </Title>
        <InvoiceStatusBadge status={invoice.status} label={invoice.statusLabel} />
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" data-testid="invoice-facts">
          <Fact label={t('admin.billing.month')}>{monthText(invoice.month)}</Fact>
          <Fact label={t('admin.billing.invoice.period')}>
            {t('admin.billing.range', {
              from: format.date(invoice.periodFrom),
              to: format.date(invoice.periodThrough),
            })}
          </Fact>
          <Fact label={t('admin.billing.issueDate')}>{format.date(invoice.issueDate)}</Fact>
          <Fact label={t('admin.billing.member')}>
            <Anchor
              component={Link}
              to={`/admin/billing/members/${encodeURIComponent(invoice.memberId)}/ledger`}
            >
              {t('admin.billing.memberLedgerOf', { id: invoice.memberId })}
            </Anchor>
          </Fact>
          <Fact label={t('admin.billing.invoice.issuer')}>
            {invoice.issuerName}
            {invoice.registrationNumber ? `（${invoice.registrationNumber}）` : ''}
            {invoice.registrationNumberWarning && (
              <Text size="xs" c="red.8">
                {t(`admin.billing.invoice.registrationWarnings.${invoice.registrationNumberWarning}`)}
              </Text>
            )}
          </Fact>
          <Fact label={t('admin.billing.invoice.rounding')}>
            {t(`admin.billing.invoice.roundings.${invoice.taxRounding}`)}
          </Fact>
          <Fact label={t('admin.billing.invoice.pdf')}>
            <Group gap="sm">
              <Anchor href={pdf}>{t('admin.billing.pdfJa')}</Anchor>
              <Anchor href={downloadHref(pdf, { lang: 'en' })}>{t('admin.billing.pdfEn')}</Anchor>
            </Group>
          </Fact>
        </SimpleGrid>
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="invoice-lines-title">
        <Title order={3} size="h4" id="invoice-lines-title">
          {t('admin.billing.invoice.lines')}
        </Title>
        <Table.ScrollContainer minWidth={860}>
          <Table withTableBorder data-testid="invoice-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.billing.line.position')}</Table.Th>
                <Table.Th>{t('admin.billing.line.description')}</Table.Th>
                <Table.Th>{t('admin.billing.line.contract')}</Table.Th>
                <Table.Th>{t('admin.billing.line.servicePeriod')}</Table.Th>
                <Table.Th>{t('admin.billing.line.quantity')}</Table.Th>
                <Table.Th>{t('admin.billing.line.unitPrice')}</Table.Th>
                <Table.Th>{t('admin.billing.line.amount')}</Table.Th>
                <Table.Th>{t('admin.billing.line.taxRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line) => (
                <Table.Tr key={line.position} data-line={line.position}>
                  <Table.Td>{line.position}</Table.Td>
                  <Table.Td>
                    {format.name(line.description)}
                    <Text size="xs" c="dimmed">
                      {t(`admin.billing.lineKinds.${line.kind}`, {
                        defaultValue: t('admin.billing.lineKinds.other'),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{line.contractNumber ?? '—'}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {t('admin.billing.range', {
                      from: format.date(line.serviceFrom),
                      to: format.date(line.serviceThrough),
                    })}
                  </Table.Td>
                  <Table.Td>{line.quantity.toLocaleString()}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(line.unitPrice)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(line.amount)}</Table.Td>
                  <Table.Td className={classes.nowrap}>
                    {line.taxPercent}%{line.reducedMarker ? ' ※' : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {invoice.lines.some((line) => line.reducedMarker) && (
          <Text size="xs">{t('admin.billing.invoice.reducedLegend')}</Text>
        )}
        <Table withTableBorder maw={560} data-testid="invoice-totals">
          <Table.Tbody>
            {invoice.rates.map((rate) => (
              <Table.Tr key={rate.percent}>
                <Table.Th scope="row">
                  {t('admin.billing.invoice.rateLine', { percent: rate.percent })}
                  {rate.reduced ? ' ※' : ''}
                </Table.Th>
                <Table.Td className={classes.nowrap}>
                  {t('admin.billing.invoice.rateSums', {
                    taxable: format.yen(rate.taxableAmount),
                    tax: format.yen(rate.tax),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('admin.billing.invoice.subtotal')}</Table.Th>
              <Table.Td>{format.yen(invoice.subtotal)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('admin.billing.invoice.tax')}</Table.Th>
              <Table.Td>{format.yen(invoice.tax)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('admin.billing.total')}</Table.Th>
              <Table.Td fw={700}>{format.yen(invoice.total)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
      <InvoiceLedger invoiceId={invoice.id} />
      <CreditNotes invoiceId={invoice.id} />
      <InvoiceActions invoice={invoice} roles={roles} />
    </Stack>
  );
}

export function AdminInvoicePage() {
  const { t } = useTranslation();
  const { invoiceId = '' } = useParams();
  return (
    <OperatorGate
      title={t('admin.billing.invoice.title')}
      about={t('admin.billing.invoices.about')}
      section="billing"
    >
      {(operator) => (
        <Stack gap="md">
          <Anchor component={Link} to="/admin/billing/invoices" size="sm">
            {t('admin.billing.invoice.back')}
          </Anchor>
          <InvoicePanel invoiceId={invoiceId} roles={operator.roles} />
        </Stack>
      )}
    </OperatorGate>
  );
}
