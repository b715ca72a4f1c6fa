// The console's ledger of one member: the balance (what is owed, or the credit held), every entry with its invoice, an adjustment on the next invoice with a reason, and applying over-payments to invoices still owed.
import {
  Alert,
  Anchor,
  Button,
  Card,
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
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { mayOpen, type OperatorRole } from '../../../api/admin';
import { mayBill, useApplyCredit, useBillingAdjustment, useMemberLedger } from '../../../api/admin-billing';
import { ProblemAlert } from '../../../components/problem';
import classes from '../admin.module.css';
import { OperatorGate } from '../gate';
import { useOrderFormat } from '../order-format';
import { useLedgerKind, useProblemAtFields, YenInput } from './billing-format';

function AdjustmentForm({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const atFields = useProblemAtFields();
  const adjust = useBillingAdjustment(memberId);
  const [direction, setDirection] = useState<'charge' | 'credit'>('credit');
  const [amount, setAmount] = useState<string | number>('');
  const [taxPercent, setTaxPercent] = useState<10 | 8>(10);
  const [descriptionJa, setDescriptionJa] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { byField, rest } = atFields(
    adjust.error,
    ['amount', 'descriptionJa', 'descriptionEn', 'reason'],
    {},
  );
  const yen = typeof amount === 'number' && Number.isInteger(amount) && amount > 0 ? amount : undefined;
  const signed = yen === undefined ? 0 : direction === 'credit' ? -yen : yen;
  const valid =
    yen !== undefined && descriptionJa.trim() !== '' && descriptionEn.trim() !== '' && reason.trim() !== '';
  const edit = () => {
    setConfirming(false);
    adjust.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    adjust.mutate(
      {
        amount: signed,
        taxPercent,
        descriptionJa: descriptionJa.trim(),
        descriptionEn: descriptionEn.trim(),
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          setConfirming(false);
          setAmount('');
          setDescriptionJa('');
          setDescriptionEn('');
          setReason('');
        },
        onError: () => setConfirming(false),
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="adjustment-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="adjustment-title">
          {t('admin.billing.adjustment.title')}
        </Title>
        <Text size="sm">{t('admin.billing.adjustment.lead')}</Text>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('admin.billing.adjustment.direction')}
            value={direction}
            onChange={(event) => {
              setDirection(event.currentTarget.value === 'charge' ? 'charge' : 'credit');
              edit();
            }}
            data={[
              { value: 'credit', label: t('admin.billing.adjustment.credit') },
              { value: 'charge', label: t('admin.billing.adjustment.charge') },
            ]}
          />
          <YenInput
            label={t('admin.billing.adjustment.amount')}
            value={amount}
            onChange={(value) => {
              setAmount(value);
              edit();
            }}
            error={byField.amount}
            required
            w={180}
          />
          <NativeSelect
            label={t('admin.billing.line.taxRate')}
            value={String(taxPercent)}
            onChange={(event) => {
              setTaxPercent(event.currentTarget.value === '8' ? 8 : 10);
              edit();
            }}
            data={[
              { value: '10', label: t('admin.billing.adjustment.rate10') },
              { value: '8', label: t('admin.billing.adjustment.rate8') },
            ]}
          />
        </Group>
        <Group align="flex-start" gap="sm" grow>
          <TextInput
            label={t('admin.billing.adjustment.descriptionJa')}
            value={descriptionJa}
            onChange={(event) => {
              setDescriptionJa(event.currentTarget.value);
              edit();
            }}
            error={byField.descriptionJa}
            maxLength={200}
            required
          />
          <TextInput
            label={t('admin.billing.adjustment.descriptionEn')}
            value={descriptionEn}
            onChange={(event) => {
              setDescriptionEn(event.currentTarget.value);
              edit();
            }}
            error={byField.descriptionEn}
            maxLength={200}
            required
          />
        </Group>
        <Textarea
          label={t('admin.billing.actions.reason')}
          value={reason}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            edit();
          }}
          error={byField.reason}
          maxLength={500}
          autosize
          minRows={2}
          required
        />
        {confirming && (
          <Alert
            color="orange"
            title={t('admin.billing.actions.confirmTitle')}
            data-testid="adjustment-confirm"
          >
            {t(
              direction === 'credit'
                ? 'admin.billing.adjustment.summaryCredit'
                : 'admin.billing.adjustment.summaryCharge',
              {
                amount: format.yen(yen ?? 0),
                rate: taxPercent,
              },
            )}
          </Alert>
        )}
        {rest && adjust.error && <ProblemAlert error={adjust.error} />}
        {adjust.isSuccess && (
          <Alert color="teal" role="status">
            {t('admin.billing.adjustment.done', { date: format.date(adjust.data.transactionDate) })}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            color={confirming ? 'red' : undefined}
            variant={confirming ? 'filled' : 'default'}
            loading={adjust.isPending}
            disabled={!valid}
          >
            {confirming
              ? t('admin.billing.actions.confirm', { action: t('admin.billing.adjustment.submit') })
              : t('admin.billing.adjustment.submit')}
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

function ApplyCredit({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const apply = useApplyCredit(memberId);
  const [confirming, setConfirming] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="apply-credit-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="apply-credit-title">
          {t('admin.billing.applyCredit.title')}
        </Title>
        <Text size="sm">{t('admin.billing.applyCredit.lead')}</Text>
        {apply.isError && <ProblemAlert error={apply.error} />}
        {apply.isSuccess && (
          <Alert color="teal" role="status" data-testid="credit-moves">
            {apply.data.moves.length === 0 ? (
              t('admin.billing.applyCredit.nothing')
            ) : (
              <Stack gap={2}>
                {apply.data.moves.map((move) => (
                  <Text size="sm" key={`${move.fromInvoiceId}-${move.toInvoiceId}`}>
                    {t('admin.billing.applyCredit.move', {
                      from: move.fromNumber,
                      to: move.toNumber,
                      amount: format.yen(move.amount),
                    })}
                  </Text>
                ))}
              </Stack>
            )}
          </Alert>
        )}
        <Group>
          <Button
            color={confirming ? 'red' : undefined}
            variant={confirming ? 'filled' : 'default'}
            loading={apply.isPending}
            onClick={() => {
              if (!confirming) {
                apply.reset();
                setConfirming(true);
                return;
              }
              apply.mutate(undefined, { onSettled: () => setConfirming(false) });
            }}
          >
            {confirming ? t('admin.billing.applyCredit.confirm') : t('admin.billing.applyCredit.submit')}
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

function Ledger({ memberId, roles }: { memberId: string; roles: readonly OperatorRole[] }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const kind = useLedgerKind();
  const ledger = useMemberLedger(memberId);
  if (ledger.isPending) return <Loader size="sm" />;
  if (ledger.isError) return <ProblemAlert error={ledger.error} />;
  const { balance, entries } = ledger.data;
  return (
    <Stack gap="lg">
      <Card withBorder padding="md">
        <Text size="xs" c="dimmed">
          {balance < 0 ? t('admin.billing.ledger.creditHeld') : t('admin.billing.ledger.balance')}
        </Text>
        <Text size="xl" fw={700} data-testid="member-balance">
          {format.yen(Math.abs(balance))}
        </Text>
      </Card>
      {entries.length === 0 ? (
        <Text size="sm">{t('admin.billing.ledger.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder striped data-testid="member-ledger">
            <Table.Caption>{t('admin.billing.ledger.caption', { count: entries.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.billing.ledger.date')}</Table.Th>
                <Table.Th>{t('admin.billing.ledger.kind')}</Table.Th>
                <Table.Th>{t('admin.billing.ledger.amount')}</Table.Th>
                <Table.Th>{t('admin.billing.ledger.invoice')}</Table.Th>
                <Table.Th>{t('admin.billing.ledger.note')}</Table.Th>
                <Table.Th>{t('admin.billing.ledger.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-entry={entry.kind}>
                  <Table.Td className={classes.nowrap}>{format.date(entry.occurredOn)}</Table.Td>
                  <Table.Td>{kind(entry.kind)}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.yen(entry.amount)}</Table.Td>
                  <Table.Td>
                    {entry.invoiceId ? (
                      <Anchor
                        component={Link}
                        to={`/admin/billing/invoices/${encodeURIComponent(entry.invoiceId)}`}
                        size="sm"
                      >
                        {t('admin.billing.ledger.openInvoice')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{entry.note ?? ''}</Table.Td>
                  <Table.Td className={classes.nowrap}>{format.time(entry.recordedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayBill(roles, 'adjust') && <AdjustmentForm memberId={memberId} />}
      {mayBill(roles, 'record_payment') && <ApplyCredit memberId={memberId} />}
    </Stack>
  );
}

export function AdminMemberLedger() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  return (
    <OperatorGate
      title={t('admin.billing.ledger.title', { id: memberId })}
      about={t('admin.billing.invoices.about')}
      section="billing"
    >
      {(operator) => (
        <Stack gap="md">
          <Group gap="md">
            <Anchor
              component={Link}
              to={`/admin/billing/invoices?member=${encodeURIComponent(memberId)}`}
              size="sm"
            >
              {t('admin.billing.ledger.invoicesOf')}
            </Anchor>
            {mayOpen(operator.roles, 'members') && (
              <Anchor component={Link} to={`/admin/members/${encodeURIComponent(memberId)}`} size="sm">
                {t('admin.billing.ledger.memberRecord')}
              </Anchor>
            )}
          </Group>
          <Ledger memberId={memberId} roles={operator.roles} />
        </Stack>
      )}
    </OperatorGate>
  );
}
