// Failed deliveries: mails, SMS and webhooks that failed for good, with the reason and a masked recipient, each sent again with one click.
import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FailedDelivery, useFailedDeliveries, useRetryDelivery } from '../../api/admin-deliveries';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';

const eventLabels: Record<string, string> = {
  'provisioning.requested': 'admin.deliveries.event.provisioning_requested',
  'contract.cancellation_scheduled': 'admin.deliveries.event.contract_cancellation_scheduled',
  'contract.cancellation_withdrawn': 'admin.deliveries.event.contract_cancellation_withdrawn',
  'contract.ended': 'admin.deliveries.event.contract_ended',
  'contract.changed': 'admin.deliveries.event.contract_changed',
};

function What({ delivery }: { delivery: FailedDelivery }) {
  const { t } = useTranslation();
  const event = delivery.eventType ?? '';
  // An event type the console has no words for yet is shown under a general label, with its code for support.
  const text =
    delivery.kind === 'mail'
      ? (delivery.subject ?? t('admin.deliveries.unknownSubject'))
      : delivery.kind === 'sms'
        ? t('admin.deliveries.smsWithheld')
        : eventLabels[event] !== undefined
          ? String(t(eventLabels[event] as 'admin.deliveries.event.other', { code: event }))
          : t('admin.deliveries.event.other', { code: event });
  return <Text size="sm">{text}</Text>;
}

function Reason({ delivery }: { delivery: FailedDelivery }) {
  const { t } = useTranslation();
  const parts = [
    delivery.reason ?? t('admin.deliveries.noReason'),
    delivery.providerCode === null
      ? null
      : delivery.kind === 'webhook'
        ? t('admin.deliveries.httpStatus', { code: delivery.providerCode })
        : t('admin.deliveries.providerCode', { code: delivery.providerCode }),
  ].filter((part) => part !== null);
  return <Text size="sm">{parts.join(' · ')}</Text>;
}

function DeliveryRow({ delivery }: { delivery: FailedDelivery }) {
  const { t, i18n } = useTranslation();
  const retry = useRetryDelivery();
  const [done, setDone] = useState(false);
  const label = done ? t('admin.deliveries.retried') : t('admin.deliveries.retry');
  const createdAt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(delivery.createdAt));
  return (
    <Table.Tr>
      {/* Plain text, not a badge: a badge truncates its label in this narrow column. */}
      <Table.Td className={classes.nowrap}>
        <Text size="sm" fw={600}>
          {t(`admin.deliveries.kind.${delivery.kind}`)}
        </Text>
      </Table.Td>
      <Table.Td className={classes.breakAll}>
        <What delivery={delivery} />
      </Table.Td>
      <Table.Td className={classes.nowrap}>{delivery.recipient}</Table.Td>
      <Table.Td className={classes.breakAll}>
        <Reason delivery={delivery} />
        <Text size="xs" c="dimmed">
          {t('admin.deliveries.attempts', { count: delivery.attempts })}
        </Text>
      </Table.Td>
      <Table.Td className={classes.nowrap}>{createdAt}</Table.Td>
      <Table.Td>
        {delivery.retryable ? (
          <Stack gap={4}>
            <Button
              size="xs"
              variant="light"
              loading={retry.isPending}
              disabled={done}
              // The visible words first, so the name a screen reader hears starts with what is shown.
              aria-label={`${label} (${delivery.recipient})`}
              onClick={() => retry.mutate(delivery, { onSuccess: () => setDone(true) })}
            >
              {label}
            </Button>
            {retry.isError && <ProblemAlert error={retry.error} />}
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('admin.deliveries.endpointDisabled')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function DeliveriesBody() {
  const { t } = useTranslation();
  const failed = useFailedDeliveries();
  if (failed.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.deliveries.loading')}</Text>
      </Group>
    );
  }
  if (failed.isError) {
    return (
      <ProblemAlert error={failed.error}>
        <Button mt="sm" size="xs" variant="light" color="red" onClick={() => void failed.refetch()}>
          {t('admin.loadError.retry')}
        </Button>
      </ProblemAlert>
    );
  }
  return (
    <Stack gap="md">
      <Text c="dimmed">{t('admin.deliveries.lead')}</Text>
      <Alert color="gray" role="note">
        {t('admin.deliveries.masked')}
      </Alert>
      {failed.data.length === 0 ? (
        <EmptyState title={t('admin.deliveries.emptyTitle')}>
          <EmptyStateText>{t('admin.deliveries.emptyBody')}</EmptyStateText>
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder>
            <Table.Caption>{t('admin.deliveries.caption', { count: failed.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.deliveries.kindHeader')}</Table.Th>
                <Table.Th>{t('admin.deliveries.what')}</Table.Th>
                <Table.Th>{t('admin.deliveries.recipient')}</Table.Th>
                <Table.Th>{t('admin.deliveries.reason')}</Table.Th>
                <Table.Th>{t('admin.deliveries.createdAt')}</Table.Th>
                <Table.Th>{t('admin.deliveries.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {failed.data.map((delivery) => (
                <DeliveryRow key={`${delivery.kind}:${delivery.id}`} delivery={delivery} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function AdminDeliveries() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.deliveries.title')}
      about={t('admin.deliveries.about')}
      section="deliveries"
    >
      {() => <DeliveriesBody />}
    </OperatorGate>
  );
}
