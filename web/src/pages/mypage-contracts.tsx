// My Page contracts: `/mypage/contracts` (契約一覧) and `/mypage/contracts/:contractId` (契約詳細: plan, term, options, dates, price, history).
import {
  Anchor,
  Badge,
  Card,
  Group,
  Loader,
  Pagination,
  SimpleGrid,
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
import { type ContractDetail, useMyContract, useMyContracts } from '../api/contracts';
import { formatYen, useLang } from '../components/catalog-format';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { NotFound } from '../components/errors';
import { ProblemAlert } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './cart.module.css';
import { useDateFormat } from './contract-dates';
import { ContractCancellation } from './mypage-cancellation';
import { ContractRenewalSection, renewalEventTitle } from './mypage-renewal';

export const contractStatusColor: Record<string, string> = {
  trial: 'cyan',
  active: 'teal',
  cancellation_scheduled: 'orange',
  suspended: 'red',
  ended: 'gray',
  expired: 'gray',
};

export function StatusBadge({ status, label }: { status: string; label: { ja: string; en: string } }) {
  const lang = useLang();
  return (
    <Badge color={contractStatusColor[status] ?? 'gray'} variant="light">
      {label[lang]}
    </Badge>
  );
}

function ContractList() {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const [page, setPage] = useState(1);
  const { data, error, isPending } = useMyContracts(page);
  if (isPending) return <Loader size="sm" />;
  if (error || !data) return <ProblemAlert error={error} />;
  if (data.total === 0) {
    return (
      <EmptyState title={t('mypage.contracts.noneTitle')}>
        <EmptyStateText>{t('mypage.contracts.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={880}>
        <Table withTableBorder striped className={classes.lines} data-testid="contract-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.number')}</Table.Th>
              <Table.Th>{t('contracts.product')}</Table.Th>
              <Table.Th>{t('contracts.planTerm')}</Table.Th>
              <Table.Th>{t('contracts.startDate')}</Table.Th>
              <Table.Th>{t('contracts.termEnd')}</Table.Th>
              <Table.Th ta="right">{t('contracts.termAmount')}</Table.Th>
              <Table.Th>{t('contracts.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.contracts.map((contract) => (
              <Table.Tr key={contract.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/mypage/contracts/${contract.id}`}>
                    {contract.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{contract.productName[lang]}</Table.Td>
                <Table.Td>
                  {contract.planName[lang]} / {contract.termLabel[lang]}
                </Table.Td>
                <Table.Td>{format.date(contract.startDate)}</Table.Td>
                <Table.Td>{format.date(contract.currentTermEnd)}</Table.Td>
                <Table.Td ta="right">{formatYen(contract.termAmount)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <StatusBadge status={contract.status} label={contract.statusLabel} />
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

function signedOut() {
  return <ContractsSignedOut />;
}

function ContractsSignedOut() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('mypage.contracts.emptyTitle')} action={<SignInActions />}>
      <EmptyStateText>{t('mypage.contracts.emptyBody')}</EmptyStateText>
    </EmptyState>
  );
}

/** `/mypage/contracts`. */
export function MypageContracts() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.contracts.title')}</Title>
      <WithMember signedOut={signedOut()}>{() => <ContractList />}</WithMember>
    </Stack>
  );
}

/** One fact of the contract: a label over its value. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function ContractFacts({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  return (
    <Card withBorder padding="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
        <Fact label={t('contracts.product')}>{contract.productName[lang]}</Fact>
        <Fact label={t('contracts.plan')}>{contract.planName[lang]}</Fact>
        <Fact label={t('contracts.term')}>{contract.termLabel[lang]}</Fact>
        <Fact label={t('contracts.quantity')}>{contract.quantity}</Fact>
        <Fact label={t('contracts.options')}>
          {contract.options.length === 0
            ? t('contracts.noOptions')
            : contract.options
                .map((o) => (o.quantity > 1 ? `${o.name[lang]} × ${o.quantity}` : o.name[lang]))
                .join(t('cart.listSeparator'))}
        </Fact>
        <Fact label={t('contracts.paymentMethod')}>
          {contract.paymentMethodLabel?.[lang] ?? t('contracts.noPaymentMethod')}
        </Fact>
        <Fact label={t('contracts.startDate')}>{format.date(contract.startDate)}</Fact>
        <Fact label={t('contracts.currentTerm')}>
          {t('contracts.range', {
            from: format.date(contract.currentTermStart),
            to: format.date(contract.currentTermEnd),
          })}
        </Fact>
        {contract.trialEnd && <Fact label={t('contracts.trialEnd')}>{format.date(contract.trialEnd)}</Fact>}
        <Fact label={t('contracts.renewal')}>{contract.renewalModeLabel[lang]}</Fact>
        <Fact label={t('contracts.minimumTermEnd')}>
          {contract.minimumTermEnd ? format.date(contract.minimumTermEnd) : t('contracts.noMinimumTerm')}
        </Fact>
        {contract.endDate && <Fact label={t('contracts.endDate')}>{format.date(contract.endDate)}</Fact>}
        <Fact label={t('contracts.order')}>
          <Anchor component={Link} to={`/mypage/orders/${contract.orderId}`}>
            {contract.orderNumber}
          </Anchor>
        </Fact>
      </SimpleGrid>
    </Card>
  );
}

function ContractPrice({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="xs">
      <Table withTableBorder className={classes.lines} data-testid="contract-price">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalog.line')}</Table.Th>
            <Table.Th>{t('catalog.chargeLabel')}</Table.Th>
            <Table.Th ta="right">{t('catalog.quantity')}</Table.Th>
            <Table.Th ta="right">{t('catalog.amountExclusive')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contract.pricing.lines.map((row) => {
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
          <Table.Tr>
            <Table.Td fw={700}>{t('contracts.termAmount')}</Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right" fw={700}>
              {formatYen(contract.termAmount)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('contracts.priceNote')}
      </Text>
    </Stack>
  );
}

/** The contract's history (who by kind, when, why); shared with the console. */
export function ContractHistory({ history }: { history: ContractDetail['history'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  return (
    <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="contract-history">
      {history.map((entry) => {
        const status = entry.toStatusLabel?.[lang] ?? '';
        let title = t('contracts.event.changed', { status });
        if (entry.kind === 'opened') title = t('contracts.event.opened', { status });
        // Applying inside the lead time and withdrawing leave the status as it was: the step is named instead.
        if (entry.kind === 'cancellation_requested') title = t('contracts.event.cancellationRequested');
        if (entry.kind === 'cancellation_withdrawn')
          title = t('contracts.event.cancellationWithdrawn', { status });
        const named = renewalEventTitle(t, entry);
        return (
          <Timeline.Item key={entry.id} title={named?.title ?? title}>
            <Text size="xs" c="dimmed">
              {format.dateTime(entry.at)} ·{' '}
              {t(`contracts.actor.${entry.actorKind}`, { defaultValue: entry.actorKind })}
            </Text>
            {(named ? named.reason : entry.reason) && (
              <Text size="sm">{named ? named.reason : entry.reason}</Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function ContractView({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const { data: contract, error, isPending } = useMyContract(contractId);
  if (error instanceof ApiError && error.status === 404) return <NotFound home="/mypage/contracts" />;
  if (isPending) return <Loader size="sm" />;
  if (error || !contract) return <ProblemAlert error={error} />;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="contract-number">
          {t('contracts.numberTitle', { number: contract.number })}
        </Title>
        <StatusBadge status={contract.status} label={contract.statusLabel} />
      </Group>
      <ContractFacts contract={contract} />
      <ContractRenewalSection contract={contract} />
      {contract.status === 'active' && (
        <Anchor component={Link} to={`/mypage/contracts/${contract.id}/change`} data-testid="change-link">
          {t('contractChange.open')}
        </Anchor>
      )}
      <ContractCancellation contract={contract} />
      <Title order={3}>{t('contracts.price')}</Title>
      <ContractPrice contract={contract} />
      <Title order={3}>{t('contracts.history')}</Title>
      <ContractHistory history={contract.history} />
    </Stack>
  );
}

/** `/mypage/contracts/:contractId`. */
export function MypageContract() {
  const { t } = useTranslation();
  const { contractId = '' } = useParams();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/mypage/contracts" size="sm">
        {t('contracts.backToList')}
      </Anchor>
      <Title order={1}>{t('contracts.detailTitle')}</Title>
      <WithMember signedOut={signedOut()}>{() => <ContractView contractId={contractId} />}</WithMember>
    </Stack>
  );
}
