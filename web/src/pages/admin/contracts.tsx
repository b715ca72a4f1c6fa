// The console's contracts: search by number, member, product, status and renewal month; one contract with its timeline, its cancellation waiting for a decision, suspend and resume with a reason.
import {
  Alert,
  Anchor,
  Badge,
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
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type AdminContract,
  type ContractStatus,
  contractStatuses,
  mayDecideContracts,
  maySuspendContracts,
  useAdminContract,
  useAdminContracts,
  useContractStatusAction,
} from '../../api/contracts';
import { mayRecordRenewalPayment } from '../../api/renewals';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import { ContractHistory, contractStatusColor } from '../mypage-contracts';
import classes from './admin.module.css';
import { ContractRenewals } from './contract-renewals';
import { ContractOpenRequests } from './contract-requests';
import { OperatorGate } from './gate';
import { useOrderFormat } from './order-format';
import { offsetParam, Pager } from './pager';

const pageSize = 50;

function isStatus(value: string | null): value is ContractStatus {
  return value !== null && (contractStatuses as readonly string[]).includes(value);
}

function StatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={contractStatusColor[status] ?? 'gray'} variant="light">
      {t(`contracts.statuses.${status}`)}
    </Badge>
  );
}

function ContractList() {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const number = params.get('number') ?? '';
  const member = params.get('member') ?? '';
  const product = params.get('product') ?? '';
  const renewalMonth = params.get('renewalMonth') ?? '';
  const offset = offsetParam(params);
  const [draft, setDraft] = useState({ number, member, product, renewalMonth });
  const contracts = useAdminContracts({
    number: number === '' ? undefined : number,
    member: member === '' ? undefined : member,
    product: product === '' ? undefined : product,
    status: isStatus(status) ? status : undefined,
    renewalMonth: renewalMonth === '' ? undefined : renewalMonth,
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
      product: draft.product.trim(),
      renewalMonth: draft.renewalMonth,
    });
  };

  let table = null;
  if (contracts.isPending) {
    table = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (contracts.isError) {
    table = <ProblemAlert error={contracts.error} />;
  } else if (contracts.data.total === 0) {
    table = (
      <EmptyState title={t('admin.contracts.emptyTitle')}>
        <EmptyStateText>{t('admin.contracts.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    const page = contracts.data;
    table = (
      <Stack gap="sm">
        <Table.ScrollContainer minWidth={920}>
          <Table striped highlightOnHover withTableBorder>
            <Table.Caption>
              {t('admin.contracts.caption', {
                total: page.total,
                from: offset + 1,
                to: offset + page.contracts.length,
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contracts.number')}</Table.Th>
                <Table.Th>{t('contracts.member')}</Table.Th>
                <Table.Th>{t('contracts.product')}</Table.Th>
                <Table.Th>{t('contracts.startDate')}</Table.Th>
                <Table.Th>{t('contracts.termEnd')}</Table.Th>
                <Table.Th>{t('contracts.renewal')}</Table.Th>
                <Table.Th>{t('contracts.termAmount')}</Table.Th>
                <Table.Th>{t('contracts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.contracts.map((contract) => (
                <Table.Tr key={contract.id} data-contract={contract.number}>
                  <Table.Td className={classes.nowrap}>
                    <Anchor component={Link} to={`/admin/contracts/${encodeURIComponent(contract.id)}`}>
                      {contract.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{contract.member.companyName ?? contract.member.name}</Text>
                    <Text size="xs" c="dimmed">
                      {contract.member.companyName ? `${contract.member.name} · ` : ''}
                      {contract.member.loginId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.name(contract.productName)}</Text>
                    <Text size="xs" c="dimmed">
                      {format.name(contract.planName)} / {format.name(contract.termLabel)}
                    </Text>
                  </Table.Td>
                  <Table.Td className={classes.nowrap}>{format.date(contract.startDate)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.date(contract.currentTermEnd)}</Table.Td>
                  <Table.Td>{format.name(contract.renewalModeLabel)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(contract.termAmount)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={contract.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager
          total={page.total}
          offset={offset}
          shown={page.contracts.length}
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
      <Paper withBorder p="md" component="section" aria-label={t('admin.contracts.filters')}>
        <form onSubmit={search}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('admin.contracts.searchNumber')}
              placeholder="C2026-000001"
              value={draft.number}
              onChange={(event) => setDraft({ ...draft, number: event.currentTarget.value })}
              maxLength={40}
              name="number"
              w={180}
            />
            <TextInput
              label={t('admin.orders.searchMember')}
              description={t('admin.orders.searchMemberHelp')}
              value={draft.member}
              onChange={(event) => setDraft({ ...draft, member: event.currentTarget.value })}
              maxLength={200}
              name="member"
              w={220}
            />
            <TextInput
              label={t('admin.contracts.searchProduct')}
              value={draft.product}
              onChange={(event) => setDraft({ ...draft, product: event.currentTarget.value })}
              maxLength={200}
              name="product"
              w={200}
            />
            <NativeSelect
              label={t('contracts.status')}
              value={isStatus(status) ? status : ''}
              onChange={(event) => apply({ status: event.currentTarget.value })}
              data={[
                { value: '', label: t('admin.orders.allStatuses') },
                ...contractStatuses.map((value) => ({ value, label: t(`contracts.statuses.${value}`) })),
              ]}
              name="status"
            />
            <TextInput
              type="month"
              label={t('admin.contracts.renewalMonth')}
              value={draft.renewalMonth}
              onChange={(event) => setDraft({ ...draft, renewalMonth: event.currentTarget.value })}
              name="renewalMonth"
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

export function AdminContracts() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.contracts.title')} about={t('admin.contracts.about')} section="contracts">
      {() => (
        <Stack gap="md">
          <Anchor component={Link} to="/admin/contract-requests" size="sm">
            {t('admin.contractRequests.link')}
          </Anchor>
          <ContractList />
        </Stack>
      )}
    </OperatorGate>
  );
}

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

/** Suspend (or resume) with a reason, confirmed by pressing the button a second time with the reason filled in. */
function StatusAction({ contract }: { contract: AdminContract }) {
  const { t } = useTranslation();
  const action = contract.status === 'suspended' ? 'resume' : 'suspend';
  const mutation = useContractStatusAction(action);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  if (contract.status === 'ended' || contract.status === 'expired') return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    mutation.mutate(
      { id: contract.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setReason('');
          setConfirming(false);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t(`admin.contracts.${action}.title`)}
        </Title>
        <Textarea
          label={t('admin.contracts.reason')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setConfirming(false);
          }}
          required
          maxLength={1000}
          autosize
          minRows={2}
        />
        {confirming && (
          <Alert color={action === 'suspend' ? 'red' : 'teal'}>
            {t(`admin.contracts.${action}.confirm`)}
          </Alert>
        )}
        {mutation.isError && <ProblemAlert error={mutation.error} />}
        <Group>
          <Button
            type="submit"
            color={action === 'suspend' ? 'red' : 'teal'}
            disabled={reason.trim() === ''}
            loading={mutation.isPending}
          >
            {confirming
              ? t(`admin.contracts.${action}.confirmButton`)
              : t(`admin.contracts.${action}.button`)}
          </Button>
          {confirming && (
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('admin.orders.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ContractPanel({
  id,
  canSuspend,
  canDecide,
  canRecordPayment,
}: {
  id: string;
  canSuspend: boolean;
  canDecide: boolean;
  canRecordPayment: boolean;
}) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const { data: contract, error, isPending } = useAdminContract(id);
  if (isPending) return <Loader size="sm" />;
  if (error || !contract) return <ProblemAlert error={error} />;
  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={2} size="h3" data-testid="contract-number">
          {t('contracts.numberTitle', { number: contract.number })}
        </Title>
        <StatusBadge status={contract.status} />
      </Group>
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label={t('contracts.member')}>
            <Anchor component={Link} to={`/admin/members/${encodeURIComponent(contract.memberId)}`}>
              {t('contracts.openMember')}
            </Anchor>
          </Fact>
          <Fact label={t('contracts.product')}>{format.name(contract.productName)}</Fact>
          <Fact label={t('contracts.plan')}>{format.name(contract.planName)}</Fact>
          <Fact label={t('contracts.term')}>{format.name(contract.termLabel)}</Fact>
          <Fact label={t('contracts.quantity')}>{contract.quantity}</Fact>
          <Fact label={t('contracts.options')}>
            {contract.options.length === 0
              ? t('contracts.noOptions')
              : contract.options.map((o) => format.name(o.name)).join(t('cart.listSeparator'))}
          </Fact>
          <Fact label={t('contracts.paymentMethod')}>
            {contract.paymentMethodLabel
              ? format.name(contract.paymentMethodLabel)
              : t('contracts.noPaymentMethod')}
          </Fact>
          <Fact label={t('contracts.startDate')}>{format.date(contract.startDate)}</Fact>
          <Fact label={t('contracts.currentTerm')}>
            {t('contracts.range', {
              from: format.date(contract.currentTermStart),
              to: format.date(contract.currentTermEnd),
            })}
          </Fact>
          {contract.trialEnd && <Fact label={t('contracts.trialEnd')}>{format.date(contract.trialEnd)}</Fact>}
          <Fact label={t('contracts.renewal')}>{format.name(contract.renewalModeLabel)}</Fact>
          <Fact label={t('contracts.minimumTermEnd')}>
            {contract.minimumTermEnd ? format.date(contract.minimumTermEnd) : t('contracts.noMinimumTerm')}
          </Fact>
          <Fact label={t('contracts.earlyTermination')}>
            {t(`contracts.earlyTerminationKinds.${contract.earlyTermination.kind}`, {
              fee: contract.earlyTermination.fee === null ? '' : format.yen(contract.earlyTermination.fee),
            })}
          </Fact>
          <Fact label={t('contracts.termAmount')}>{format.yen(contract.termAmount)}</Fact>
          <Fact label={t('contracts.order')}>
            <Anchor component={Link} to={`/admin/orders/${encodeURIComponent(contract.orderId)}`}>
              {contract.orderNumber}
            </Anchor>
          </Fact>
        </SimpleGrid>
      </Card>
      <ContractOpenRequests contractId={contract.id} canDecide={canDecide} />
      <ContractRenewals contractId={contract.id} canRecord={canRecordPayment} />
      {canSuspend && <StatusAction contract={contract} />}
      <Title order={3}>{t('contracts.history')}</Title>
      <ContractHistory history={contract.history} />
    </Stack>
  );
}

export function AdminContractPage() {
  const { t } = useTranslation();
  const { contractId = '' } = useParams();
  return (
    <OperatorGate
      title={t('admin.contracts.detailTitle')}
      about={t('admin.contracts.about')}
      section="contracts"
    >
      {(operator) => (
        <Stack gap="md">
          <Anchor component={Link} to="/admin/contracts" size="sm">
            {t('admin.contracts.back')}
          </Anchor>
          <ContractPanel
            id={contractId}
            canSuspend={maySuspendContracts(operator.roles)}
            canDecide={mayDecideContracts(operator.roles)}
            canRecordPayment={mayRecordRenewalPayment(operator.roles)}
          />
        </Stack>
      )}
    </OperatorGate>
  );
}
