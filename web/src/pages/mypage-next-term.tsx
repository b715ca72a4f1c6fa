// 次回ご契約内容の変更 on 契約詳細: the next term and options until the deadline (a wallet's renewal day too), the payment method as the store's policy allows, and 支払い方法をリセットする — each with a confirmation step.
import { Alert, Button, Card, Checkbox, Group, NativeSelect, Radio, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../api/contracts';
import {
  type ContractRenewalDetail,
  useChangeNextTerm,
  useChangePaymentMethod,
  useResetRenewalPayment,
} from '../api/renewals';
import { formatYen, useLang } from '../components/catalog-format';
import { ProblemAlert } from '../components/problem';
import { useDateFormat } from './contract-dates';

const walletDays = [5, 10, 15, 20, 25] as const;
type WalletDay = (typeof walletDays)[number];
type PaymentMethodKey = 'card' | 'bank_transfer' | 'direct_debit' | 'agency' | 'wallet';

type NextTermQuote = NonNullable<ContractRenewalDetail['nextTermQuote']>;

/** The next term as it stands: term, options, price, and the deadline for changing it. */
function NextTermSummary({ quote, state }: { quote: NextTermQuote; state: ContractRenewalDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const kept = quote.options.filter((o) => o.selected).map((o) => o.name[lang]);
  return (
    <Stack gap={4} data-testid="next-term">
      <Text size="sm">
        {t('contracts.nextTerm.summary', {
          term: quote.term.label[lang],
          from: format.date(quote.termStart),
          to: format.date(quote.termEnd),
          options: kept.length > 0 ? kept.join(t('cart.listSeparator')) : t('contracts.noOptions'),
          total: formatYen(quote.total),
        })}
      </Text>
      {state.nextTermChangeDeadline && (
        <Text size="sm" fw={500} data-testid="next-term-deadline">
          {t('contracts.renewalInfo.deadline', {
            label: t('contracts.renewalInfo.nextTermDeadline'),
            date: format.date(state.nextTermChangeDeadline),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** The next-term form: term, optional options and a wallet's renewal day, then a confirmation step. */
function NextTermForm({
  contractId,
  quote,
  state,
  onClose,
}: {
  contractId: string;
  quote: NextTermQuote;
  state: ContractRenewalDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const change = useChangeNextTerm(contractId);
  const [term, setTerm] = useState(quote.term.term);
  const [kept, setKept] = useState(
    quote.options.filter((o) => o.selected && !o.included && !o.required).map((o) => o.code),
  );
  const [day, setDay] = useState<WalletDay>((state.walletRenewalDay ?? 25) as WalletDay);
  const [confirming, setConfirming] = useState(false);
  const optional = quote.options.filter((o) => !o.included && !o.required);
  const wallet = state.paymentMethod === 'wallet';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    change.mutate(
      { term, options: kept, ...(wallet ? { walletRenewalDay: day } : {}) },
      { onSuccess: onClose },
    );
  };
  const termName = quote.termChoices.find((c) => c.term === term)?.label[lang] ?? term;
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="next-term-title">
      <Stack gap="md">
        <Title order={4} size="h5" id="next-term-title">
          {t('contracts.nextTerm.formTitle')}
        </Title>
        {state.nextTermChangeDeadline && (
          <Text size="sm">
            {t('contracts.nextTerm.until', { date: format.date(state.nextTermChangeDeadline) })}
          </Text>
        )}
        <Radio.Group
          label={t('contracts.renew.termLabel')}
          value={term}
          onChange={(value) => {
            setTerm(value);
            setConfirming(false);
          }}
        >
          <Group mt="xs">
            {quote.termChoices.map((c) => (
              <Radio key={c.term} value={c.term} label={c.label[lang]} />
            ))}
          </Group>
        </Radio.Group>
        {optional.length > 0 && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('contracts.renew.optionsLabel')}
            </Text>
            {optional.map((o) => (
              <Checkbox
                key={o.code}
                label={o.name[lang]}
                checked={kept.includes(o.code)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setKept((before) => (on ? [...before, o.code] : before.filter((c) => c !== o.code)));
                  setConfirming(false);
                }}
              />
            ))}
          </Stack>
        )}
        {wallet && (
          <NativeSelect
            label={t('contracts.nextTerm.walletDay')}
            description={t('contracts.nextTerm.walletDayHelp')}
            value={String(day)}
            onChange={(event) => {
              setDay(Number(event.currentTarget.value) as WalletDay);
              setConfirming(false);
            }}
            data={walletDays.map((d) => ({
              value: String(d),
              label: t('contracts.nextTerm.dayOf', { day: d }),
            }))}
            w={220}
          />
        )}
        {change.isError && <ProblemAlert error={change.error} />}
        {confirming && (
          <Alert color="blue" title={t('contracts.nextTerm.confirmTitle')} data-testid="next-term-confirm">
            {t('contracts.nextTerm.confirmText', { term: termName })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {confirming ? t('contracts.nextTerm.confirmButton') : t('contracts.nextTerm.next')}
          </Button>
          <Button variant="subtle" onClick={confirming ? () => setConfirming(false) : onClose}>
            {confirming ? t('contracts.cancel.back') : t('contracts.cancel.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The payment method: changed on the contract where the store allows it, else how to change it (re-contract). */
function PaymentMethodChange({ contractId, state }: { contractId: string; state: ContractRenewalDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const change = useChangePaymentMethod(contractId);
  const others = state.paymentMethods.filter((m) => m.method !== state.paymentMethod);
  const [method, setMethod] = useState(others[0]?.method ?? '');
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (state.paymentMethodChange === 'recontract') {
    return (
      <Text size="sm" c="dimmed" data-testid="payment-method-policy">
        {t('contracts.payment.byRecontract')}
      </Text>
    );
  }
  if (others.length === 0) return null;
  if (!open) {
    return (
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          {t('contracts.payment.open')}
        </Button>
      </Group>
    );
  }
  const label = others.find((m) => m.method === method)?.label[lang] ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    change.mutate(method as PaymentMethodKey, {
      onSuccess: () => {
        setOpen(false);
        setConfirming(false);
      },
    });
  };
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="payment-title">
      <Stack gap="sm">
        <Title order={4} size="h5" id="payment-title">
          {t('contracts.payment.formTitle')}
        </Title>
        <NativeSelect
          label={t('contracts.payment.newMethod')}
          value={method}
          onChange={(event) => {
            setMethod(event.currentTarget.value);
            setConfirming(false);
          }}
          data={others.map((m) => ({ value: m.method, label: m.label[lang] }))}
          w={320}
        />
        <Text size="xs" c="dimmed">
          {t('contracts.payment.help')}
        </Text>
        {change.isError && <ProblemAlert error={change.error} />}
        {confirming && (
          <Alert color="blue" title={t('contracts.payment.confirmTitle')}>
            {t('contracts.payment.confirmText', { method: label })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {confirming ? t('contracts.payment.confirmButton') : t('contracts.nextTerm.next')}
          </Button>
          <Button variant="subtle" onClick={confirming ? () => setConfirming(false) : () => setOpen(false)}>
            {confirming ? t('contracts.cancel.back') : t('contracts.cancel.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** 支払い方法をリセットする: automatic renewal off, confirmed by pressing a second time. */
function ResetRenewalPayment({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const reset = useResetRenewalPayment(contractId);
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="xs">
      {confirming && (
        <Alert color="orange" title={t('contracts.reset.confirmTitle')} data-testid="reset-confirm">
          {t('contracts.reset.confirmText')}
        </Alert>
      )}
      {reset.isError && <ProblemAlert error={reset.error} />}
      <Group>
        <Button
          variant={confirming ? 'filled' : 'default'}
          color="orange"
          loading={reset.isPending}
          onClick={() => {
            if (!confirming) {
              setConfirming(true);
              return;
            }
            reset.mutate(undefined, { onSuccess: () => setConfirming(false) });
          }}
        >
          {confirming ? t('contracts.reset.confirmButton') : t('contracts.reset.button')}
        </Button>
        {confirming ? (
          <Button variant="subtle" onClick={() => setConfirming(false)}>
            {t('contracts.cancel.back')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('contracts.reset.help')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

/** The automatic renewal's next term, the payment method and the reset, for an active contract. */
export function ContractNextTerm({
  contract,
  state,
}: {
  contract: ContractDetail;
  state: ContractRenewalDetail;
}) {
  const { t } = useTranslation();
  const [formOpen, setFormOpen] = useState(false);
  const quote = state.nextTermQuote;
  const pending = state.renewals.some((r) => r.status === 'pending');
  return (
    <Stack gap="sm">
      {state.renewalMode === 'auto' && quote && (
        <>
          <Title order={4} size="h5">
            {t('contracts.nextTerm.title')}
          </Title>
          <NextTermSummary quote={quote} state={state} />
          {formOpen ? (
            <NextTermForm
              contractId={contract.id}
              quote={quote}
              state={state}
              onClose={() => setFormOpen(false)}
            />
          ) : (
            <Group>
              <Button variant="default" onClick={() => setFormOpen(true)}>
                {t('contracts.nextTerm.open')}
              </Button>
            </Group>
          )}
        </>
      )}
      <Title order={4} size="h5">
        {t('contracts.paymentMethod')}
      </Title>
      {!pending && <PaymentMethodChange contractId={contract.id} state={state} />}
      {state.renewalMode === 'auto' && <ResetRenewalPayment contractId={contract.id} />}
    </Stack>
  );
}
