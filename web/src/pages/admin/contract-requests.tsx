// The console's cancellations to confirm (/admin/contract-requests, by state) and the confirm action, with an optional other last day, also shown on a contract's page.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type ContractRequestQueueItem,
  type ContractRequestState,
  contractRequestStates,
  mayDecideContracts,
  useAdminContractRequests,
  useConfirmContractRequest,
} from '../../api/contracts';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert, useFieldErrors } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';
import { useOrderFormat } from './order-format';

const stateColor: Record<ContractRequestState, string> = {
  requested: 'yellow',
  scheduled: 'blue',
  withdrawn: 'gray',
  done: 'gray',
};
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

function isState(value: string | null): value is ContractRequestState {
  return value !== null && (contractRequestStates as readonly string[]).includes(value);
}

/** Confirms the wished day (field left empty) or another day with a reason, after a second press. */
function ConfirmForm({
  item,
  onDone,
  onClose,
}: {
  item: ContractRequestQueueItem;
  onDone: (decided: Decided) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const fieldErrors = useFieldErrors();
  const confirm = useConfirmContractRequest();
  const [endDate, setEndDate] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const chosen = plainDate.test(endDate) ? endDate : item.desiredDate;
  const { byField, other } = fieldErrors(confirm.error, ['endDate', 'reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    confirm.mutate(
      {
        id: item.id,
        ...(plainDate.test(endDate) ? { endDate } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      },
      {
        onSuccess: (done) => onDone({ number: item.contract.number, date: done.effectiveDate ?? chosen }),
      },
    );
  };
  const reset = () => {
    setConfirming(false);
    confirm.reset();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} data-testid="confirm-request">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('admin.contractRequests.confirmTitle', { number: item.contract.number })}
        </Title>
        <Group align="flex-start" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('admin.contractRequests.endDate', { desired: format.date(item.desiredDate) })}
            value={endDate}
            onChange={(event) => {
              setEndDate(event.currentTarget.value);
              reset();
            }}
            error={byField.endDate}
            name="endDate"
            w={300}
          />
          <Textarea
            label={t('admin.contractRequests.reason')}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              reset();
            }}
            error={byField.reason}
            maxLength={1000}
            autosize
            minRows={2}
            miw={320}
            style={{ flex: 1 }}
            name="reason"
          />
        </Group>
        {confirming && (
          <Alert color="orange">
            {t('admin.contractRequests.confirmAsked', { date: format.date(chosen) })}
          </Alert>
        )}
        {other.length > 0 && (
          <Alert color="red" role="alert">
            {other.join(' ')}
          </Alert>
        )}
        {confirm.isError && Object.keys(byField).length === 0 && other.length === 0 && (
          <ProblemAlert error={confirm.error} />
        )}
        <Group>
          <Button type="submit" variant={confirming ? 'filled' : 'light'} loading={confirm.isPending}>
            {confirming ? t('admin.contractRequests.confirmButton') : t('admin.contractRequests.confirm')}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t('admin.contractRequests.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A confirmation just made: the contract's number and its last day, written in the console's language. */
interface Decided {
  number: string;
  date: string;
}

/** What was just confirmed; kept by the page, since the confirmed row leaves the table (or the table goes). */
function Confirmed({ decided }: { decided: Decided | null }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  if (!decided) return null;
  return (
    <Alert color="green" role="status">
      {t('admin.contractRequests.confirmed', { number: decided.number, date: format.date(decided.date) })}
    </Alert>
  );
}

/** The applications as a table; a `requested` one gets 確定する when the operator may decide. */
function RequestTable({
  items,
  canDecide,
  caption,
  onConfirmed,
}: {
  items: ContractRequestQueueItem[];
  canDecide: boolean;
  caption: string;
  onConfirmed: (decided: Decided | null) => void;
}) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const [openId, setOpenId] = useState<string | null>(null);
  const open = items.find((item) => item.id === openId);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={960}>
        <Table striped withTableBorder data-testid="contract-requests">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contracts.number')}</Table.Th>
              <Table.Th>{t('contracts.member')}</Table.Th>
              <Table.Th>{t('contracts.product')}</Table.Th>
              <Table.Th>{t('admin.contractRequests.kind')}</Table.Th>
              <Table.Th>{t('admin.contractRequests.desiredDate')}</Table.Th>
              <Table.Th>{t('admin.contractRequests.effectiveDate')}</Table.Th>
              <Table.Th ta="right">{t('admin.contractRequests.fee')}</Table.Th>
              <Table.Th>{t('admin.contractRequests.requestedAt')}</Table.Th>
              <Table.Th>{t('admin.contractRequests.state')}</Table.Th>
              {canDecide && (
                <Table.Th>
                  <VisuallyHidden>{t('admin.contractRequests.confirm')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} data-request={item.contract.number}>
                <Table.Td className={classes.nowrap}>
                  <Anchor component={Link} to={`/admin/contracts/${encodeURIComponent(item.contract.id)}`}>
                    {item.contract.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.member.companyName ?? item.member.name}</Text>
                  <Text size="xs" c="dimmed">
                    {item.member.companyName ? `${item.member.name} · ` : ''}
                    {item.member.loginId}
                  </Text>
                </Table.Td>
                <Table.Td>{format.name(item.contract.productName)}</Table.Td>
                <Table.Td>{t(`admin.contractRequests.kinds.${item.kind}`)}</Table.Td>
                <Table.Td className={classes.nowrap}>{format.date(item.desiredDate)}</Table.Td>
                <Table.Td className={classes.nowrap}>
                  {item.effectiveDate ? format.date(item.effectiveDate) : '—'}
                </Table.Td>
                <Table.Td ta="right" className={classes.nowrap}>
                  {format.yen(item.fee)}
                </Table.Td>
                <Table.Td className={classes.nowrap}>{format.time(item.requestedAt)}</Table.Td>
                <Table.Td className={classes.nowrap} miw={190}>
                  <Badge
                    color={stateColor[item.state]}
                    variant="light"
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {format.name(item.stateLabel)}
                  </Badge>
                </Table.Td>
                {canDecide && (
                  <Table.Td>
                    {item.state === 'requested' && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => {
                          setOpenId(item.id);
                          onConfirmed(null);
                        }}
                        aria-label={`${t('admin.contractRequests.confirm')} ${item.contract.number}`}
                      >
                        {t('admin.contractRequests.confirm')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && canDecide && open.state === 'requested' && (
        <ConfirmForm
          key={open.id}
          item={open}
          onClose={() => setOpenId(null)}
          onDone={(decided) => {
            setOpenId(null);
            onConfirmed(decided);
          }}
        />
      )}
    </Stack>
  );
}

function RequestQueue({ canDecide }: { canDecide: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state: ContractRequestState = isState(raw) ? raw : 'requested';
  const requests = useAdminContractRequests(state);
  const [done, setDone] = useState<Decided | null>(null);
  let body = null;
  if (requests.isPending) {
    body = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (requests.isError) {
    body = <ProblemAlert error={requests.error} />;
  } else if (requests.data.length === 0) {
    body = (
      <EmptyState title={t('admin.contractRequests.emptyTitle')}>
        <EmptyStateText>{t('admin.contractRequests.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    body = (
      <RequestTable
        items={requests.data}
        canDecide={canDecide}
        caption={t('admin.contractRequests.caption', { count: requests.data.length })}
        onConfirmed={setDone}
      />
    );
  }
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/contracts" size="sm">
        {t('admin.contracts.back')}
      </Anchor>
      <Paper withBorder p="md" component="section" aria-label={t('admin.contractRequests.filters')}>
        <NativeSelect
          label={t('admin.contractRequests.state')}
          value={state}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            next.set('state', event.currentTarget.value);
            setParams(next);
          }}
          data={contractRequestStates.map((value) => ({
            value,
            label: t(`admin.contractRequests.states.${value}`),
          }))}
          name="state"
          w={240}
        />
      </Paper>
      <Confirmed decided={done} />
      {body}
    </Stack>
  );
}

/** `/admin/contract-requests`. */
export function AdminContractRequests() {
  const { t } = useTranslation();
  return (
    <OperatorGate
      title={t('admin.contractRequests.title')}
      about={t('admin.contractRequests.about')}
      section="contracts"
    >
      {(operator) => <RequestQueue canDecide={mayDecideContracts(operator.roles)} />}
    </OperatorGate>
  );
}

/** The contract's applications waiting for a decision, on its console page; nothing when there are none. */
export function ContractOpenRequests({ contractId, canDecide }: { contractId: string; canDecide: boolean }) {
  const { t } = useTranslation();
  const requests = useAdminContractRequests('requested');
  const [done, setDone] = useState<Decided | null>(null);
  if (requests.isPending) return <Loader size="sm" />;
  if (requests.isError) return <ProblemAlert error={requests.error} />;
  const mine = requests.data.filter((item) => item.contractId === contractId);
  if (mine.length === 0) return <Confirmed decided={done} />;
  return (
    <Stack gap="sm">
      <Title order={3}>{t('admin.contractRequests.openRequests')}</Title>
      <Confirmed decided={done} />
      <RequestTable
        items={mine}
        canDecide={canDecide}
        caption={t('admin.contractRequests.caption', { count: mine.length })}
        onConfirmed={setDone}
      />
    </Stack>
  );
}
