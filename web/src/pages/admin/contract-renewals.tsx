// The console's renewals of one contract: each renewal's term, amount and standing, and recording a manual renewal's payment (billing and the owner) with a confirmation step.
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ContractRenewal, useAdminContractRenewals, useRecordRenewalPayment } from '../../api/renewals';
import { ProblemAlert } from '../../components/problem';
import { useOrderFormat } from './order-format';

/** Recording one pending renewal's payment: an optional note, then the button pressed a second time. */
function RecordPayment({ contractId, renewal }: { contractId: string; renewal: ContractRenewal }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const record = useRecordRenewalPayment(contractId);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    record.mutate(
      { renewalId: renewal.id, reason: note.trim() === '' ? null : note.trim() },
      { onSuccess: () => setConfirming(false) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} data-testid="record-payment">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {t('admin.contracts.renewals.recordTitle')}
        </Title>
        <TextInput
          label={t('admin.contracts.renewals.note')}
          value={note}
          maxLength={500}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setConfirming(false);
          }}
        />
        {confirming && (
          <Alert color="teal">
            {t('admin.contracts.renewals.confirm', {
              amount: format.yen(renewal.total),
              from: format.date(renewal.termStart),
              to: format.date(renewal.termEnd),
            })}
          </Alert>
        )}
        {record.isError && <ProblemAlert error={record.error} />}
        <Group>
          <Button type="submit" color="teal" loading={record.isPending}>
            {confirming ? t('admin.contracts.renewals.confirmButton') : t('admin.contracts.renewals.record')}
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

/** The contract's renewals with their standing; the payment record only for roles the server allows. */
export function ContractRenewals({ contractId, canRecord }: { contractId: string; canRecord: boolean }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const { data, error, isPending } = useAdminContractRenewals(contractId);
  if (isPending) return <Loader size="sm" />;
  if (error || !data) return <ProblemAlert error={error} />;
  const pending = data.find((r) => r.status === 'pending');
  return (
    <Stack gap="sm" data-testid="contract-renewals">
      <Title order={3}>{t('admin.contracts.renewals.title')}</Title>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.contracts.renewals.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.contracts.renewals.term')}</Table.Th>
                <Table.Th ta="right">{t('admin.contracts.renewals.total')}</Table.Th>
                <Table.Th>{t('admin.contracts.renewals.status')}</Table.Th>
                <Table.Th>{t('admin.contracts.renewals.quotedAt')}</Table.Th>
                <Table.Th>{t('admin.contracts.renewals.paidAt')}</Table.Th>
                <Table.Th>{t('admin.contracts.renewals.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{format.name(r.term.label)}</Text>
                    <Text size="xs" c="dimmed">
                      {t('contracts.range', { from: format.date(r.termStart), to: format.date(r.termEnd) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{format.yen(r.total)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={r.status === 'pending' ? 'yellow' : 'teal'} variant="light">
                        {format.name(r.statusLabel)}
                      </Badge>
                      {r.status === 'paid' && (
                        <Badge color="gray" variant="outline">
                          {r.applied
                            ? t('admin.contracts.renewals.applied')
                            : t('admin.contracts.renewals.notApplied')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.time(r.quotedAt)}</Table.Td>
                  <Table.Td>{r.paidAt ? format.time(r.paidAt) : '—'}</Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {r.id}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pending && canRecord && <RecordPayment contractId={contractId} renewal={pending} />}
    </Stack>
  );
}
