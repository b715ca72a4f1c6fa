// The provisioning queue: order lines waiting for a service start, oldest first, grouped by provider, each linking to its order.
import { Anchor, Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OperatorProfile } from '../../api/admin';
import { mayManageProviders, type ProvisioningQueueItem, useProvisioningQueue } from '../../api/admin-orders';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { LineStatusBadge } from './order-badges';
import { useOrderFormat } from './order-format';

interface ProviderGroup {
  provider: ProvisioningQueueItem['provider'];
  items: ProvisioningQueueItem[];
}

/** The waiting lines by provider, keeping the server's oldest-first order inside each group. */
function byProvider(items: ProvisioningQueueItem[]): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>();
  for (const item of items) {
    const group = groups.get(item.provider.id) ?? { provider: item.provider, items: [] };
    group.items.push(item);
    groups.set(item.provider.id, group);
  }
  return [...groups.values()];
}

function Queue({ operator }: { operator: OperatorProfile }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const queue = useProvisioningQueue();
  if (queue.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  }
  if (queue.isError) return <ProblemAlert error={queue.error} />;
  if (queue.data.items.length === 0) {
    return (
      <EmptyState title={t('admin.provisioning.emptyTitle')}>
        <EmptyStateText>{t('admin.provisioning.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  return (
    <Stack gap="xl">
      {byProvider(queue.data.items).map((group) => (
        <Stack gap="xs" key={group.provider.id} component="section" data-provider={group.provider.slug}>
          <Group gap="sm">
            <Title order={2} size="h4">
              {format.lang === 'en' ? group.provider.nameEn : group.provider.nameJa}
            </Title>
            {group.provider.isStore && <Badge variant="outline">{t('admin.provisioning.store')}</Badge>}
            {!group.provider.isStore && mayManageProviders(operator.roles) && (
              <Anchor
                component={Link}
                size="sm"
                to={`/admin/catalog/providers/${encodeURIComponent(group.provider.id)}/connection`}
              >
                {t('admin.provisioning.connection')}
              </Anchor>
            )}
            <Badge variant="light">{t('admin.provisioning.count', { count: group.items.length })}</Badge>
          </Group>
          <Table.ScrollContainer minWidth={760}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.orders.placedAt')}</Table.Th>
                  <Table.Th>{t('admin.orders.number')}</Table.Th>
                  <Table.Th>{t('admin.provisioning.product')}</Table.Th>
                  <Table.Th>{t('admin.orders.member')}</Table.Th>
                  <Table.Th>{t('admin.orders.status')}</Table.Th>
                  <Table.Th>{t('admin.provisioning.handOff')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.items.map((item) => (
                  <Table.Tr key={item.orderLineId} data-queue-line={item.orderNumber}>
                    <Table.Td className={classes.nowrap}>{format.time(item.placedAt)}</Table.Td>
                    <Table.Td className={classes.nowrap}>
                      <Anchor component={Link} to={`/admin/orders/${encodeURIComponent(item.orderId)}`}>
                        {item.orderNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{format.name(item.productName)}</Text>
                      <Text size="xs" c="dimmed">
                        {format.name(item.planName)} · {format.term(item.term)} · ×{item.quantity}
                        {item.isTrial && ` · ${t('admin.provisioning.trial')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/members/${encodeURIComponent(item.memberId)}`}>
                        {t('admin.provisioning.memberRecord')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <LineStatusBadge status={item.lineStatus} />
                    </Table.Td>
                    <Table.Td>
                      {item.request
                        ? t(`admin.orders.provisioning.statuses.${item.request.delivery.status}`)
                        : t('admin.provisioning.noHandOff')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ))}
    </Stack>
  );
}

export function AdminProvisioningQueue() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.provisioning.title')}
      about={t('admin.provisioning.about')}
      section="orders"
    >
      {(operator) => (
        <>
          <Text c="dimmed">{t('admin.provisioning.lead')}</Text>
          <Queue operator={operator} />
        </>
      )}
    </OperatorGate>
  );
}
