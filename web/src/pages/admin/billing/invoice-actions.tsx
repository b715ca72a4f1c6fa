// The operator's actions on one invoice, each confirmed before it is sent: record a payment, write off, refund a credit, issue a credit note (whole or chosen lines).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorRole } from '../../../api/admin';
import { mayBill, type ReceivedMethod, receivedMethods, useInvoiceActions } from '../../../api/admin-billing';
import type { components } from '../../../api/schema';
import { ProblemAlert } from '../../../components/problem';
import { useOrderFormat } from '../order-format';
import { useProblemAtFields, YenInput } from './billing-format';

type Invoice = components['schemas']['InvoiceDetail'];
type Action = 'payment' | 'writeOff' | 'refund' | 'creditNote';

/** A positive whole number of yen from a NumberInput, or undefined when blank. */
function yenOrBlank(value: string | number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** A form that asks once more before it sends: the first submit shows what will happen, the second sends. */
function ConfirmForm({
  title,
  id,
  children,
  summary,
  valid,
  pending,
  error,
  errorShownAtField,
  done,
  submitLabel,
  onSend,
  confirming,
  setConfirming,
}: {
  title: string;
  id: string;
  children: ReactNode;
  summary: string;
  valid: boolean;
  pending: boolean;
  error: unknown;
  errorShownAtField: boolean;
  done: string | null;
  submitLabel: string;
  onSend: () => void;
  confirming: boolean;
  setConfirming: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    if (!confirming) setConfirming(true);
    else onSend();
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={4} size="h5" id={id}>
          {title}
        </Title>
        {children}
        {confirming && (
          <Alert color="orange" title={t('admin.billing.actions.confirmTitle')} data-testid={`${id}-confirm`}>
            {summary}
          </Alert>
        )}
        {error !== null && error !== undefined && !errorShownAtField && <ProblemAlert error={error} />}
        {done && (
          <Alert color="teal" role="status">
            {done}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            color={confirming ? 'red' : undefined}
            variant={confirming ? 'filled' : 'default'}
            loading={pending}
            disabled={!valid}
          >
            {confirming ? t('admin.billing.actions.confirm', { action: submitLabel }) : submitLabel}
          </Button>
          {confirming && (
            <Button variant="subtle" onClick={() => setConfirming(false)} disabled={pending}>
              {t('admin.orders.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function PaymentForm({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const atFields = useProblemAtFields();
  const { payment } = useInvoiceActions(invoice.id);
  const [amount, setAmount] = useState<string | number>('');
  const [receivedOn, setReceivedOn] = useState('');
  const [method, setMethod] = useState<ReceivedMethod>('bank_transfer');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { byField, rest } = atFields(payment.error, ['amount', 'receivedOn', 'method', 'note'], {
    ledger_date_in_future: 'receivedOn',
  });
  const yen = yenOrBlank(amount);
  const edit = () => {
    setConfirming(false);
    payment.reset();
  };
  return (
    <ConfirmForm
      title={t('admin.billing.actions.payment.title')}
      id="invoice-payment"
      summary={
        yen === undefined
          ? ''
          : t('admin.billing.actions.payment.summary', {
              amount: format.yen(yen),
              date: receivedOn === '' ? '' : format.date(receivedOn),
              method: t(`admin.billing.methods.${method}`),
            })
      }
      valid={yen !== undefined && receivedOn !== ''}
      pending={payment.isPending}
      error={payment.error}
      errorShownAtField={!rest}
      done={
        payment.isSuccess
          ? t(
              payment.data.flag === 'already_paid'
                ? 'admin.billing.actions.payment.doneFlagged'
                : 'admin.billing.actions.payment.done',
              {
                status: t(`admin.billing.statuses.${payment.data.status}`),
              },
            )
          : null
      }
      submitLabel={t('admin.billing.actions.payment.submit')}
      confirming={confirming}
      setConfirming={setConfirming}
      onSend={() =>
        payment.mutate(
          { amount: yen ?? 0, receivedOn, method, ...(note.trim() === '' ? {} : { note: note.trim() }) },
          {
            onSuccess: () => {
              setConfirming(false);
              setAmount('');
              setNote('');
            },
            onError: () => setConfirming(false),
          },
        )
      }
    >
      <Group align="flex-start" gap="sm" wrap="wrap">
        <YenInput
          label={t('admin.billing.actions.amount')}
          value={amount}
          onChange={(value) => {
            setAmount(value);
            edit();
          }}
          error={byField.amount}
          required
          w={180}
        />
        <TextInput
          type="date"
          label={t('admin.billing.actions.payment.receivedOn')}
          value={receivedOn}
          onChange={(event) => {
            setReceivedOn(event.currentTarget.value);
            edit();
          }}
          error={byField.receivedOn}
          required
          w={180}
        />
        <NativeSelect
          label={t('admin.billing.actions.payment.method')}
          value={method}
          onChange={(event) => {
            setMethod(event.currentTarget.value as ReceivedMethod);
            edit();
          }}
          data={receivedMethods.map((value) => ({ value, label: t(`admin.billing.methods.${value}`) }))}
          error={byField.method}
        />
      </Group>
      <Textarea
        label={t('admin.billing.actions.payment.note')}
        value={note}
        onChange={(event) => {
          setNote(event.currentTarget.value);
          edit();
        }}
        error={byField.note}
        maxLength={1000}
        autosize
        minRows={1}
      />
    </ConfirmForm>
  );
}

/** What sets a write-off apart from a refund: its form id, the field its text goes in, and the code of "more than allowed". */
const amountReasonKinds = {
  writeOff: { id: 'invoice-write-off', textField: 'reason', overLimit: 'write_off_exceeds_open' },
  refund: { id: 'invoice-refund', textField: 'note', overLimit: 'refund_exceeds_credit' },
} as const;

/** A write-off or a refund: an optional amount (blank: all of it) and a required reason, confirmed before it is sent. */
function AmountReasonForm({ invoice, kind }: { invoice: Invoice; kind: keyof typeof amountReasonKinds }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const atFields = useProblemAtFields();
  const actions = useInvoiceActions(invoice.id);
  const action = kind === 'writeOff' ? actions.writeOff : actions.refund;
  const { id, textField, overLimit } = amountReasonKinds[kind];
  const [amount, setAmount] = useState<string | number>('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { byField, rest } = atFields(action.error, ['amount', textField], { [overLimit]: 'amount' });
  const yen = yenOrBlank(amount);
  const edit = () => {
    setConfirming(false);
    action.reset();
  };
  const send = () => {
    const callbacks = {
      onSuccess: () => {
        setConfirming(false);
        setAmount('');
        setReason('');
      },
      onError: () => setConfirming(false),
    };
    const amountPart = yen === undefined ? {} : { amount: yen };
    if (kind === 'writeOff') actions.writeOff.mutate({ reason: reason.trim(), ...amountPart }, callbacks);
    else actions.refund.mutate({ note: reason.trim(), ...amountPart }, callbacks);
  };
  return (
    <ConfirmForm
      title={t(`admin.billing.actions.${kind}.title`)}
      id={id}
      summary={
        yen === undefined
          ? t(`admin.billing.actions.${kind}.summaryAll`, { number: invoice.number })
          : t(`admin.billing.actions.${kind}.summary`, { amount: format.yen(yen), number: invoice.number })
      }
      valid={reason.trim() !== ''}
      pending={action.isPending}
      error={action.error}
      errorShownAtField={!rest}
      done={
        action.isSuccess
          ? t('admin.billing.actions.done', { status: t(`admin.billing.statuses.${action.data.status}`) })
          : null
      }
      submitLabel={t(`admin.billing.actions.${kind}.submit`)}
      confirming={confirming}
      setConfirming={setConfirming}
      onSend={send}
    >
      <YenInput
        label={t('admin.billing.actions.amount')}
        description={t(`admin.billing.actions.${kind}.amountHelp`)}
        value={amount}
        onChange={(value) => {
          setAmount(value);
          edit();
        }}
        error={byField.amount}
        w={220}
      />
      <Textarea
        label={t('admin.billing.actions.reason')}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          edit();
        }}
        error={byField[textField]}
        maxLength={1000}
        autosize
        minRows={2}
        required
      />
    </ConfirmForm>
  );
}

function CreditNoteForm({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const format = useOrderFormat();
  const atFields = useProblemAtFields();
  const { creditNote } = useInvoiceActions(invoice.id);
  const [scope, setScope] = useState<'whole' | 'lines'>('whole');
  const [chosen, setChosen] = useState<Record<number, string | number>>({});
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { byField, rest } = atFields(creditNote.error, ['reason'], {
    credit_note_exceeds_invoice: 'lines',
    credit_note_line_unknown: 'lines',
    credit_note_line_repeated: 'lines',
  });
  const edit = () => {
    setConfirming(false);
    creditNote.reset();
  };
  const positions = Object.keys(chosen).map(Number);
  const lines = positions.map((position) => {
    const yen = yenOrBlank(chosen[position] ?? '');
    return yen === undefined ? { position } : { position, amount: yen };
  });
  const valid = reason.trim() !== '' && (scope === 'whole' || lines.length > 0);
  return (
    <ConfirmForm
      title={t('admin.billing.actions.creditNote.title')}
      id="invoice-credit-note"
      summary={
        scope === 'whole'
          ? t('admin.billing.actions.creditNote.summaryAll', { number: invoice.number })
          : t('admin.billing.actions.creditNote.summaryLines', {
              number: invoice.number,
              lines: lines
                .map((l) =>
                  t('admin.billing.actions.creditNote.lineSummary', {
                    position: l.position,
                    amount:
                      l.amount === undefined
                        ? t('admin.billing.actions.creditNote.rest')
                        : format.yen(l.amount),
                  }),
                )
                .join(t('admin.billing.actions.creditNote.separator')),
            })
      }
      valid={valid}
      pending={creditNote.isPending}
      error={creditNote.error}
      errorShownAtField={!rest}
      done={
        creditNote.isSuccess
          ? t('admin.billing.actions.creditNote.done', {
              number: creditNote.data.number,
              total: format.yen(creditNote.data.total),
            })
          : null
      }
      submitLabel={t('admin.billing.actions.creditNote.submit')}
      confirming={confirming}
      setConfirming={setConfirming}
      onSend={() =>
        creditNote.mutate(
          { reason: reason.trim(), ...(scope === 'lines' ? { lines } : {}) },
          {
            onSuccess: () => {
              setConfirming(false);
              setChosen({});
              setReason('');
            },
            onError: () => setConfirming(false),
          },
        )
      }
    >
      <SegmentedControl
        value={scope}
        onChange={(value) => {
          setScope(value === 'lines' ? 'lines' : 'whole');
          edit();
        }}
        data={[
          { value: 'whole', label: t('admin.billing.actions.creditNote.whole') },
          { value: 'lines', label: t('admin.billing.actions.creditNote.chosen') },
        ]}
        aria-label={t('admin.billing.actions.creditNote.scope')}
      />
      {scope === 'lines' && (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.billing.actions.creditNote.return')}</Table.Th>
              <Table.Th>{t('admin.billing.line.description')}</Table.Th>
              <Table.Th>{t('admin.billing.line.amount')}</Table.Th>
              <Table.Th>{t('admin.billing.actions.creditNote.returnAmount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.lines.map((line) => {
              const label = t('admin.billing.actions.creditNote.lineLabel', {
                position: line.position,
                description: format.name(line.description),
              });
              return (
                <Table.Tr key={line.position}>
                  <Table.Td>
                    <Checkbox
                      aria-label={label}
                      checked={line.position in chosen}
                      onChange={(event) => {
                        const next = { ...chosen };
                        if (event.currentTarget.checked) next[line.position] = '';
                        else delete next[line.position];
                        setChosen(next);
                        edit();
                      }}
                    />
                  </Table.Td>
                  <Table.Td>{format.name(line.description)}</Table.Td>
                  <Table.Td>{format.yen(line.amount)}</Table.Td>
                  <Table.Td>
                    <YenInput
                      aria-label={t('admin.billing.actions.creditNote.returnAmountOf', {
                        position: line.position,
                      })}
                      placeholder={t('admin.billing.actions.creditNote.rest')}
                      value={chosen[line.position] ?? ''}
                      disabled={!(line.position in chosen)}
                      onChange={(value) => {
                        setChosen({ ...chosen, [line.position]: value });
                        edit();
                      }}
                      max={line.amount}
                      w={160}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {byField.lines && (
        <Text size="sm" c="red.8" role="alert">
          {byField.lines}
        </Text>
      )}
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
    </ConfirmForm>
  );
}

/** The actions the operator's roles allow on this invoice; drafts and void invoices take none. */
export function InvoiceActions({ invoice, roles }: { invoice: Invoice; roles: readonly OperatorRole[] }) {
  const { t } = useTranslation();
  const allowed: Action[] = [];
  if (invoice.status === 'draft' || invoice.status === 'void') return null;
  if (mayBill(roles, 'record_payment')) allowed.push('payment');
  if (mayBill(roles, 'write_off')) allowed.push('writeOff');
  if (mayBill(roles, 'refund')) allowed.push('refund');
  if (mayBill(roles, 'credit')) allowed.push('creditNote');
  if (allowed.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="invoice-actions-title">
      <Title order={3} size="h4" id="invoice-actions-title">
        {t('admin.billing.actions.title')}
      </Title>
      {allowed.includes('payment') && <PaymentForm invoice={invoice} />}
      {allowed.includes('writeOff') && <AmountReasonForm invoice={invoice} kind="writeOff" />}
      {allowed.includes('refund') && <AmountReasonForm invoice={invoice} kind="refund" />}
      {allowed.includes('creditNote') && <CreditNoteForm invoice={invoice} />}
    </Stack>
  );
}
