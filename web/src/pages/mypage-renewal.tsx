// 更新 on 契約詳細: how and when the contract renews with the deadlines that apply now, the renewal awaiting payment, and the manual renewal quote (term, options, 見積を変更する) with its confirmation step.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractDetail } from '../api/contracts';
import {
  type ContractRenewal,
  type ContractRenewalDetail,
  type RenewalQuote,
  useMyRenewal,
  useRenewalQuote,
  useRequestRenewal,
} from '../api/renewals';
import { formatYen, useLang } from '../components/catalog-format';
import { ProblemAlert } from '../components/problem';
import classes from './cart.module.css';
import { useDateFormat } from './contract-dates';
import { ContractNextTerm } from './mypage-next-term';

const renewalEventKeys = {
  renewal_quoted: 'contracts.event.renewalQuoted',
  renewal_paid: 'contracts.event.renewalPaid',
  renewed: 'contracts.event.renewed',
  next_term_changed: 'contracts.event.nextTermChanged',
  renewal_reset: 'contracts.event.renewalReset',
  auto_renewal_stopped: 'contracts.event.autoRenewalStopped',
  next_term_cleared: 'contracts.event.nextTermCleared',
  renewal_refunded: 'contracts.event.renewalRefunded',
} as const;
/** Steps whose stored reason is an internal reference (a renewal id, a cause code), not a note to show. */
const reasonless = new Set(['next_term_cleared', 'renewal_refunded']);
type RenewalEventKey = (typeof renewalEventKeys)[keyof typeof renewalEventKeys];

/**
 * The timeline's title for a renewal step, and the note to show under it: a payment-method change names the
 * method by its label (the history keeps its code); null for the steps the timeline names itself.
 */
export function renewalEventTitle(
  t: TFunction,
  entry: { kind: string; reason: string | null },
): { title: string; reason: string | null } | null {
  if (entry.kind === 'payment_method_changed') {
    return entry.reason
      ? {
          title: t('contracts.event.paymentMethodChangedTo', {
            method: t(`contracts.paymentMethods.${entry.reason}`, { defaultValue: entry.reason }),
          }),
          reason: null,
        }
      : { title: t('contracts.event.paymentMethodChanged'), reason: null };
  }
  const key = (renewalEventKeys as Record<string, RenewalEventKey | undefined>)[entry.kind];
  if (!key) return null;
  // A renewal's reference is the note the member quotes when paying; the console's notes are shown as written.
  return { title: t(key), reason: reasonless.has(entry.kind) ? null : entry.reason };
}

/** One fact: a label over its value. */
export function RenewalFact({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** The sentence saying how the contract renews: automatically by its method (a wallet on its day), by hand, or not. */
function HowItRenews({ contract, state }: { contract: ContractDetail; state: ContractRenewalDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const method = state.paymentMethodLabel?.[lang] ?? t('contracts.noPaymentMethod');
  if (contract.status === 'trial') {
    return (
      <Text size="sm" data-testid="renewal-how">
        {state.trialAtEnd === 'end' || state.paymentMethod === null
          ? t('contracts.renewalInfo.trialEnds', {
              date: format.date(contract.trialEnd ?? contract.currentTermEnd),
            })
          : t('contracts.renewalInfo.trialConverts', {
              date: format.date(contract.trialEnd ?? contract.currentTermEnd),
              method,
            })}
      </Text>
    );
  }
  if (contract.status !== 'active') {
    return (
      <Text size="sm" data-testid="renewal-how">
        {t('contracts.renewalInfo.notRenewing')}
      </Text>
    );
  }
  if (state.renewalMode === 'auto' && state.autoRenewalDate) {
    return (
      <Text size="sm" data-testid="renewal-how">
        {state.paymentMethod === 'wallet' && state.walletRenewalDay !== null
          ? t('contracts.renewalInfo.autoWallet', {
              day: state.walletRenewalDay,
              date: format.date(state.autoRenewalDate),
              method,
            })
          : t('contracts.renewalInfo.auto', { date: format.date(state.autoRenewalDate), method })}
      </Text>
    );
  }
  return (
    <Text size="sm" data-testid="renewal-how">
      {t('contracts.renewalInfo.manual', {
        opens: state.window ? format.date(state.window.opens) : '',
        end: format.date(contract.currentTermEnd),
      })}
    </Text>
  );
}

/** The deadlines that apply now, each with its date. */
function Deadlines({ contract, state }: { contract: ContractDetail; state: ContractRenewalDetail }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const rows: { key: string; label: string; date: string }[] = [];
  if (contract.status === 'trial' && contract.trialEnd)
    rows.push({ key: 'trial', label: t('contracts.trialEnd'), date: contract.trialEnd });
  if (state.nextTermChangeDeadline)
    rows.push({
      key: 'next-term',
      label: t('contracts.renewalInfo.nextTermDeadline'),
      date: state.nextTermChangeDeadline,
    });
  const taken = state.renewals.some((r) => r.status === 'pending' || !r.applied);
  const pending = state.renewals.some((r) => r.status === 'pending');
  if (state.window && !taken)
    rows.push({ key: 'window', label: t('contracts.renewalInfo.windowOpens'), date: state.window.opens });
  if (state.window && (!taken || pending))
    rows.push({ key: 'grace', label: t('contracts.renewalInfo.payBy'), date: state.window.graceEnd });
  if (rows.length === 0) return null;
  return (
    <Stack gap={4} data-testid="renewal-deadlines">
      {rows.map((row) => (
        <Text size="sm" key={row.key} data-testid={`deadline-${row.key}`}>
          {t('contracts.renewalInfo.deadline', { label: row.label, date: format.date(row.date) })}
        </Text>
      ))}
    </Stack>
  );
}

/** A renewal taken: awaiting payment (amount, term, reference) or paid and waiting for its term. */
function TakenRenewal({ renewal }: { renewal: ContractRenewal }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const pending = renewal.status === 'pending';
  return (
    <Alert
      color={pending ? 'yellow' : 'teal'}
      title={pending ? t('contracts.renew.pendingTitle') : t('contracts.renew.paidTitle')}
      data-testid={pending ? 'renewal-pending' : 'renewal-paid'}
    >
      <Stack gap={4}>
        <Group gap="xs">
          <Badge color={pending ? 'yellow' : 'teal'} variant="light">
            {renewal.statusLabel[lang]}
          </Badge>
          <Text size="sm">
            {t('contracts.renew.termOf', {
              term: renewal.term.label[lang],
              from: format.date(renewal.termStart),
              to: format.date(renewal.termEnd),
            })}
          </Text>
        </Group>
        <Text size="sm" data-testid="renewal-amount">
          {t('contracts.renew.amount', { amount: formatYen(renewal.total) })}
        </Text>
        <Text size="sm">
          {pending
            ? t('contracts.renew.pendingNote', { reference: renewal.id })
            : t('contracts.renew.paidNote')}
        </Text>
      </Stack>
    </Alert>
  );
}

function QuoteTable({ quote }: { quote: RenewalQuote }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table withTableBorder className={classes.lines} data-testid="renewal-quote-lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('catalog.line')}</Table.Th>
          <Table.Th ta="right">{t('catalog.quantity')}</Table.Th>
          <Table.Th ta="right">{t('catalog.amountExclusive')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {quote.lines.map((line) => (
          <Table.Tr key={`${line.kind}-${line.code}`}>
            <Table.Td>{line.name[lang]}</Table.Td>
            <Table.Td ta="right">{line.quantity}</Table.Td>
            <Table.Td ta="right">{formatYen(line.amount)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td>{t('contracts.renew.subtotal')}</Table.Td>
          <Table.Td />
          <Table.Td ta="right">{formatYen(quote.subtotal)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('contracts.renew.tax')}</Table.Td>
          <Table.Td />
          <Table.Td ta="right">{formatYen(quote.tax)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td fw={700}>{t('contracts.renew.total')}</Table.Td>
          <Table.Td />
          <Table.Td ta="right" fw={700} data-testid="renewal-quote-total">
            {formatYen(quote.total)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** The renewal quote: term and optional options, 見積を変更する, then a confirmation step and the request. */
function RenewalQuoteForm({ contractId, onClose }: { contractId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const quote = useRenewalQuote(contractId);
  const request = useRequestRenewal(contractId);
  const [term, setTerm] = useState<string | null>(null);
  const [kept, setKept] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The last quote priced stays shown when a changed choice is refused, so the member can change it again.
  const [shown, setShown] = useState<RenewalQuote | null>(null);
  const { mutate } = quote;
  // The first quote is the contract's own term and options.
  useEffect(() => {
    mutate(
      {},
      {
        onSuccess: (q) => {
          setShown(q);
          setTerm(q.term);
          setKept(q.options.filter((o) => o.selected && !o.included && !o.required).map((o) => o.code));
        },
      },
    );
  }, [mutate]);
  const choice = () => ({
    ...(term ? { term } : {}),
    ...(kept ? { options: kept } : {}),
  });
  // The quote shown is the choice's only when nothing changed since 見積を変更する.
  const current =
    shown !== null &&
    shown.term === term &&
    JSON.stringify(
      shown.options
        .filter((o) => o.selected && !o.included && !o.required)
        .map((o) => o.code)
        .sort(),
    ) === JSON.stringify([...(kept ?? [])].sort());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    request.mutate(choice(), { onSuccess: onClose });
  };
  if (quote.isPending && !shown) return <Loader size="sm" />;
  if (!shown) {
    return (
      <Stack gap="sm" data-testid="renewal-refused">
        {quote.error && <ProblemAlert error={quote.error} />}
        <Group>
          <Button variant="subtle" onClick={onClose}>
            {t('contracts.cancel.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  const optional = shown.options.filter((o) => !o.included && !o.required);
  const fixed = shown.options.filter((o) => o.included || o.required);
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="renew-form-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="renew-form-title">
          {t('contracts.renew.formTitle')}
        </Title>
        <Radio.Group
          label={t('contracts.renew.termLabel')}
          value={term ?? shown.term}
          onChange={(value) => {
            setTerm(value);
            setConfirming(false);
          }}
        >
          <Group mt="xs">
            {shown.termChoices.map((choiceOf) => (
              <Radio key={choiceOf.term} value={choiceOf.term} label={choiceOf.label[lang]} />
            ))}
          </Group>
        </Radio.Group>
        {shown.termChoices.length === 1 && (
          <Text size="xs" c="dimmed">
            {t('contracts.renew.onlyTerm', { term: shown.termChoices[0]?.label[lang] })}
          </Text>
        )}
        {(optional.length > 0 || fixed.length > 0) && (
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('contracts.renew.optionsLabel')}
            </Text>
            {fixed.map((o) => (
              <Checkbox
                key={o.code}
                checked
                disabled
                label={`${o.name[lang]}（${o.included ? t('contracts.renew.included') : t('contracts.renew.required')}）`}
              />
            ))}
            {optional.map((o) => (
              <Checkbox
                key={o.code}
                label={o.name[lang]}
                checked={(kept ?? []).includes(o.code)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setKept((before) =>
                    on ? [...(before ?? []), o.code] : (before ?? []).filter((c) => c !== o.code),
                  );
                  setConfirming(false);
                }}
              />
            ))}
          </Stack>
        )}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setConfirming(false);
              quote.mutate(choice(), { onSuccess: setShown });
            }}
            loading={quote.isPending}
            disabled={current}
          >
            {t('contracts.renew.requote')}
          </Button>
          {!current && (
            <Text size="sm" c="dimmed">
              {t('contracts.renew.requoteHelp')}
            </Text>
          )}
        </Group>
        {quote.isError && <ProblemAlert error={quote.error} />}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="renewal-quote">
          <RenewalFact label={t('contracts.renew.nextTerm')} testId="renewal-quote-term">
            {t('contracts.range', { from: format.date(shown.termStart), to: format.date(shown.termEnd) })}
          </RenewalFact>
          <RenewalFact label={t('contracts.renewalInfo.payBy')}>{format.date(shown.graceEnd)}</RenewalFact>
          <RenewalFact label={t('contracts.renew.total')}>{formatYen(shown.total)}</RenewalFact>
        </SimpleGrid>
        <QuoteTable quote={shown} />
        {request.isError && <ProblemAlert error={request.error} />}
        {confirming && (
          <Alert color="blue" title={t('contracts.renew.confirmTitle')} data-testid="renewal-confirm">
            {t('contracts.renew.confirmText', {
              from: format.date(shown.termStart),
              to: format.date(shown.termEnd),
              total: formatYen(shown.total),
              payBy: format.date(shown.graceEnd),
            })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={request.isPending} disabled={!current || quote.isPending}>
            {confirming ? t('contracts.renew.confirmButton') : t('contracts.renew.next')}
          </Button>
          <Button variant="subtle" onClick={confirming ? () => setConfirming(false) : onClose}>
            {confirming ? t('contracts.cancel.back') : t('contracts.cancel.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The renewal part of 契約詳細: when and how it renews, the deadlines, the renewal taken, and the renewal quote. */
export function ContractRenewalSection({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const { data: state, error, isPending } = useMyRenewal(contract.id);
  const [formOpen, setFormOpen] = useState(false);
  if (isPending) return <Loader size="sm" />;
  if (error || !state) return <ProblemAlert error={error} />;
  const taken = state.renewals.filter((r) => r.status === 'pending' || !r.applied);
  const manual = state.renewalMode === 'manual' && contract.status === 'active';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="renewal-title" data-testid="renewal">
      <Stack gap="sm">
        <Title order={3} size="h4" id="renewal-title">
          {t('contracts.renewalInfo.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <RenewalFact label={t('contracts.termEnd')} testId="renewal-term-end">
            {format.date(contract.currentTermEnd)}
          </RenewalFact>
          <RenewalFact label={t('contracts.paymentMethod')} testId="renewal-method">
            {state.paymentMethodLabel?.[lang] ?? t('contracts.noPaymentMethod')}
            {state.paymentMethod === 'wallet' && state.walletRenewalDay !== null
              ? t('contracts.renewalInfo.walletDay', { day: state.walletRenewalDay })
              : ''}
          </RenewalFact>
        </SimpleGrid>
        <HowItRenews contract={contract} state={state} />
        <Deadlines contract={contract} state={state} />
        {taken.map((r) => (
          <TakenRenewal key={r.id} renewal={r} />
        ))}
        {manual &&
          !taken.some((r) => r.status === 'pending') &&
          (formOpen ? (
            <RenewalQuoteForm contractId={contract.id} onClose={() => setFormOpen(false)} />
          ) : (
            <Group>
              <Button onClick={() => setFormOpen(true)}>{t('contracts.renew.open')}</Button>
              <Text size="sm" c="dimmed">
                {t('contracts.renew.openHelp')}
              </Text>
            </Group>
          ))}
        {contract.status === 'active' && <ContractNextTerm contract={contract} state={state} />}
      </Stack>
    </Card>
  );
}
