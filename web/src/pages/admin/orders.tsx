// The admin orders list: search by order number, member, status and order date, page by page; each row opens the order.
import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AdminOrderStatus, adminOrderStatuses, useAdminOrders } from '../../api/admin-orders';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { OrderStatusBadge } from './order-badges';
import { useOrderFormat } from './order-format';
import { offsetParam, Pager } from './pager';

const pageSize = 50;

function isStatus(value: string | null): value is AdminOrderStatus {
  return value !== null && (adminOrderStatuses as readonly string[]).includes(value);
}

function OrderList() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  // Filters live in the URL, so a search can be bookmarked and Back from an order returns to it.
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const number = params.get('number') ?? '';
  const member = params.get('member') ?? '';
  const placedFrom = params.get('placedFrom') ?? '';
  const placedTo = params.get('placedTo') ?? '';
  const offset = offsetParam(params);
  const [draft, setDraft] = useState({ number, member, placedFrom, placedTo });
  const orders = useAdminOrders({
    number: number === '' ? undefined : number,
    member: member === '' ? undefined : member,
    status: isStatus(status) ? status : undefined,
    placedFrom: placedFrom === '' ? undefined : placedFrom,
    placedTo: placedTo === '' ? undefined : placedTo,
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
    apply({
      number: draft.number.trim(),
      member: draft.member.trim(),
      placedFrom: draft.placedFrom,
      placedTo: draft.placedTo,
    });
  };

  let table = null;
  if (orders.isPending) {
    table = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (orders.isError) {
    table = <ProblemAlert error={orders.error} />;
  } else if (orders.data.total === 0) {
    table = (
      <EmptyState title={t('admin.orders.emptyTitle')}>
        <EmptyStateText>{t('admin.orders.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    const page = orders.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption>
              {t('admin.orders.caption', {
                total: page.total,
                from: offset + 1,
                to: offset + page.orders.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.orders.number')}</Table.Th>
                <Table.Th>{t('admin.orders.placedAt')}</Table.Th>
                <Table.Th>{t('admin.orders.member')}</Table.Th>
                <Table.Th>{t('admin.orders.paymentMethod')}</Table.Th>
                <Table.Th>{t('admin.orders.total')}</Table.Th>
                <Table.Th>{t('admin.orders.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.orders.map((order) => (
                <Table.Tr key={order.id} data-order={order.number}>
                  <Table.Td className={classes.nowrap}>
                    <Anchor component={Link} to={`/admin/orders/${encodeURIComponent(order.id)}`}>
                      {order.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{format.time(order.placedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{order.member.companyName ?? order.member.name}</Text>
                    <Text size="xs" c="dimmed">
                      {order.member.companyName ? `${order.member.name} · ` : ''}
                      {order.member.loginId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.paymentMethod(order.paymentMethod)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(order.totalAmount)}</Table.Td>
                  <Table.Td>
                    <OrderStatusBadge status={order.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={offset}
          shown={page.orders.length}
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
      <Paper withBorder p="md" component="section" aria-label={t('admin.orders.filters')}>
        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('admin.orders.searchNumber')}
              placeholder="K2026-000001"
              value={draft.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
              maxLength={40}
              name="number"
              w={200}
            />
            <TextInput
              label={t('admin.orders.searchMember')}
              description={t('admin.orders.searchMemberHelp')}
              value={draft.member}
              onChange={(event) => setDraft({ ...draft, member: event.currentTarget.value })}
              maxLength={200}
              name="member"
              w={240}
            />
            <NativeSelect
              label={t('admin.orders.status')}
              value={isStatus(status) ? status : ''}
              onChange={(event) => apply({ status: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.orders.allStatuses') },
                ...adminOrderStatuses.map((value) => ({ value, label: t(`admin.orders.statuses.${value}`) })),
              ]}
              name="status"
            />
            <TextInput
              type="date"
              label={t('admin.orders.from')}
              value={draft.placedFrom}
              onChange={(event) => setDraft({ ...draft, placedFrom: event.currentTarget.value })}
              name="placedFrom"
            />
            <TextInput
              type="date"
              label={t('admin.orders.to')}
              value={draft.placedTo}
              onChange={(event) => setDraft({ ...draft, placedTo: event.currentTarget.value })}
              name="placedTo"
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

export function AdminOrders() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.orders.title')} about={t('admin.orders.about')} section="orders">
      {() => <OrderList />}
    </OperatorGate>
  );
}
