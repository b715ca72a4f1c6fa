// My Page orders: `/mypage/orders` (newest first) and `/mypage/orders/:orderId` (each line's status and start date, amounts, timeline; orders are not cancelled, contracts are).
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Pagination,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { type OrderDetail, useMyOrder, useMyOrders } from '../api/orders';
import { formatYen, useLang, useTermText } from '../components/catalog-format';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { NotFound } from '../components/errors';
import { ProblemAlert } from '../components/problem';
import { RateGroupRow, TaxTotalsTable } from '../components/tax-summary';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './cart.module.css';

const statusColor: Record<string, string> = {
  received: 'blue',
  preparing: 'yellow',
  in_progress: 'yellow',
  started: 'teal',
  completed: 'teal',
  rejected: 'red',
};

function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'ja-JP';
  return {
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      }).format(new Date(iso)),
    /** A business date (YYYY-MM-DD) as the calendar day it names, whatever the browser's zone. */
    date: (plain: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${plain}T00:00:00Z`),
      ),
  };
}

export function StatusBadge({ status, scope }: { status: string; scope: 'order' | 'line' }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status] ?? 'gray'} variant="light">
      {t(`orders.${scope}Status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** Orders are never cancelled (seed 001): the contract is, and free during a trial. */
function NoCancelNote({ text }: { text?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('orders.noCancelTitle')}>
      {text || t('orders.noCancelBody')}
    </Alert>
  );
}

function OrderList() {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useMyOrders(page);
  if (isPending) return <Loader size="sm" />;
  if (error || !data) return <ProblemAlert error={error} />;
  if (data.total === 0) {
    return (
      <EmptyState title={t('mypage.orders.noneTitle')}>
        <EmptyStateText>{t('mypage.orders.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped className={classes.lines}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.number')}</Table.Th>
              <Table.Th>{t('orders.placedAt')}</Table.Th>
              <Table.Th>{t('orders.products')}</Table.Th>
              <Table.Th ta="right">{t('orders.total')}</Table.Th>
              <Table.Th>{t('orders.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.orders.map((order) => (
              <Table.Tr key={order.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/mypage/orders/${order.id}`}>
                    {order.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.dateTime(order.placedAt)}</Table.Td>
                <Table.Td>{order.products.map((p) => p[lang]).join(t('cart.listSeparator'))}</Table.Td>
                <Table.Td ta="right">{formatYen(order.totalAmount)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={order.status} scope="order" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}

/** `/mypage/orders`. */
export function MypageOrders() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.orders.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('mypage.orders.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('mypage.orders.emptyBody')}</EmptyStateText>
          </EmptyState>
        }
      >
        {() => (
          <Stack gap="lg">
            <OrderList />
            <NoCancelNote />
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}

function OrderLines({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const termText = useTermText();
  const format = useDateFormat();
  return (
    <Stack gap="md">
      {order.lines.map((line) => (
        <Card key={line.id} withBorder padding="md" data-testid="order-line">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <Text fw={700}>{line.productName[lang]}</Text>
                {line.isTrial && (
                  <Badge color="teal" variant="light">
                    {t('checkout.trialDays', { days: line.trialDays ?? 0 })}
                  </Badge>
                )}
              </Group>
              <StatusBadge status={line.status} scope="line" />
            </Group>
            <Text size="sm">
              {t('catalog.plan')}: {line.planName?.[lang] ?? line.plan} / {t('catalog.term')}:{' '}
              {line.termLabel?.[lang] ?? termText(line.term)} / {t('catalog.quantity')}: {line.quantity}
            </Text>
            {line.status === 'rejected' && line.rejectionReason && (
              <Alert color="red" title={t('orders.rejected')}>
                {line.rejectionReason}
              </Alert>
            )}
            <Text size="sm">
              {t('orders.serviceStart')}:{' '}
              {line.serviceStartDate ? format.date(line.serviceStartDate) : t('orders.serviceStartPending')}
            </Text>
            <Table withTableBorder className={classes.lines}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.line')}</Table.Th>
                  <Table.Th>{t('catalog.chargeLabel')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.quantity')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.amountExclusive')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {line.pricing.lines.map((row) => {
                  const name = lang === 'en' ? row.labelEn : row.labelJa;
                  return (
                    <Table.Tr key={`${row.kind}-${row.code}`}>
                      <Table.Td>{row.kind === 'setup' ? t('catalog.setupOf', { name }) : name}</Table.Td>
                      <Table.Td>
                        {row.kind === 'usage'
                          ? t('catalog.charge.usage_per_month')
                          : row.recurring
                            ? t('catalog.charge.per_term')
                            : t('catalog.charge.one_time')}
                      </Table.Td>
                      <Table.Td ta="right">{row.quantity}</Table.Td>
                      <Table.Td ta="right">{formatYen(row.amount)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function OrderTotals({ order }: { order: OrderDetail }) {
  return (
    <TaxTotalsTable
      rates={order.taxBreakdown.map((g) => (
        <RateGroupRow key={g.rate} percent={g.rate} taxableAmount={g.taxableAmount} tax={g.taxAmount} />
      ))}
      subtotal={order.subtotalAmount}
      tax={order.taxAmount}
      total={order.totalAmount}
      testId="order-totals"
    />
  );
}

function OrderTimeline({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const lineName = (id: string | null) => order.lines.find((l) => l.id === id)?.productName[lang];
  return (
    <Timeline active={order.timeline.length - 1} bulletSize={14} lineWidth={2}>
      {order.timeline.map((event) => {
        const name = lineName(event.orderLineId);
        const title =
          event.kind === 'line_status_changed' && event.toStatus
            ? t('orders.event.line_status_changed', {
                status: t(`orders.lineStatus.${event.toStatus}`, { defaultValue: event.toStatus }),
              })
            : t(`orders.event.${event.kind}`, { defaultValue: event.kind });
        return (
          <Timeline.Item key={event.id} title={name ? `${title} — ${name}` : title}>
            <Text size="xs" c="dimmed">
              {format.dateTime(event.at)}
            </Text>
            {/* How the provider was asked (webhook, mail, resent) is the store's business, not the member's. */}
            {event.note && event.kind !== 'provisioning_requested' && (
              <Text size="sm">
                {/^\d{4}-\d{2}-\d{2}$/.test(event.note) ? format.date(event.note) : event.note}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function OrderView({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const { data: order, error, isPending } = useMyOrder(orderId);
  if (error instanceof ApiError && error.status === 404) return <NotFound home="/mypage/orders" />;
  if (isPending) return <Loader size="sm" />;
  if (error || !order) return <ProblemAlert error={error} />;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="order-number">
          {t('checkout.orderNumber', { number: order.number })}
        </Title>
        <StatusBadge status={order.status} scope="order" />
      </Group>
      <Text size="sm">
        {t('orders.placedAt')}: {format.dateTime(order.placedAt)} / {t('checkout.paymentMethod')}:{' '}
        {order.paymentMethodLabel?.[lang] ?? t('checkout.noPaymentMethodChosen')}
      </Text>
      <OrderLines order={order} />
      <Title order={3}>{t('orders.amounts')}</Title>
      <OrderTotals order={order} />
      <Title order={3}>{t('orders.timeline')}</Title>
      <OrderTimeline order={order} />
      <NoCancelNote text={order.cancellationNotice[lang]} />
    </Stack>
  );
}

/** `/mypage/orders/:orderId`. */
export function MypageOrder() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/mypage/orders" size="sm">
        {t('orders.backToList')}
      </Anchor>
      <Title order={1}>{t('orders.detailTitle')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('mypage.orders.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('mypage.orders.emptyBody')}</EmptyStateText>
          </EmptyState>
        }
      >
        {() => <OrderView orderId={orderId} />}
      </WithMember>
    </Stack>
  );
}
