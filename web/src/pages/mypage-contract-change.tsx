// 契約変更 on My Page: `/mypage/contracts/:contractId/change` — a desired date with the new plan, quantity and options, the quote (difference per the product's proration rule, next invoice), a confirmation step and the result; an open change with its withdrawal.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProduct } from '../api/catalog';
import {
  type ChangeQuote,
  type ChangeWish,
  useApplyChange,
  useChangeQuote,
  useMyChange,
  useWithdrawChange,
} from '../api/contract-changes';
import { type ContractDetail, type ContractRequest, useMyContract } from '../api/contracts';
import { formatYen, useLang } from '../components/catalog-format';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';
import { useDateFormat } from './contract-dates';

const signedYen = (amount: number) => (amount > 0 ? `+${formatYen(amount)}` : formatYen(amount));

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
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

/** The open change: its state, what it changes, the dates and the difference, and 取り消す. */
function OpenChange({ contractId, request }: { contractId: string; request: ContractRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const withdraw = useWithdrawChange(contractId);
  const [confirming, setConfirming] = useState(false);
  const change = request.change;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="open-change" data-testid="open-change">
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="open-change">
            {t('contractChange.openTitle')}
          </Title>
          <Badge color={request.state === 'requested' ? 'yellow' : 'blue'} variant="light">
            {request.stateLabel[lang]}
          </Badge>
        </Group>
        <Text size="sm">
          {request.state === 'requested'
            ? t('contractChange.requestedNote')
            : t('contractChange.scheduledNote')}
        </Text>
        {change && (
          <List size="sm" data-testid="open-change-summary">
            {change.summary[lang].map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Fact label={t('contractChange.desiredDate')}>{format.date(request.desiredDate)}</Fact>
          <Fact label={t('contractChange.effectiveDate')}>
            {request.effectiveDate ? format.date(request.effectiveDate) : t('contractChange.notConfirmedYet')}
          </Fact>
          {change && (
            <Fact label={t('contractChange.difference')}>{signedYen(change.difference.amount)}</Fact>
          )}
        </SimpleGrid>
        {request.reason && <Fact label={t('contractChange.storeNote')}>{request.reason}</Fact>}
        {confirming && <Alert color="blue">{t('contractChange.withdrawConfirm')}</Alert>}
        {withdraw.isError && <ProblemAlert error={withdraw.error} />}
        <Group>
          <Button
            variant={confirming ? 'filled' : 'default'}
            loading={withdraw.isPending}
            onClick={() => {
              if (!confirming) return setConfirming(true);
              withdraw.mutate(undefined, { onSuccess: () => setConfirming(false) });
            }}
          >
            {confirming ? t('contractChange.withdrawConfirmButton') : t('contractChange.withdraw')}
          </Button>
          {confirming && (
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('contractChange.back')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The quote: the difference with its workings, the date and what the next invoice shows. */
function QuoteView({ quote }: { quote: ChangeQuote }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  return (
    <Stack gap="sm" data-testid="change-quote">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <Fact label={t('contractChange.effectiveDate')} testId="quote-effective">
          {format.date(quote.effectiveDate)}
        </Fact>
        <Fact label={t('contractChange.termBefore')}>{formatYen(quote.current.termAmount)}</Fact>
        <Fact label={t('contractChange.termAfter')}>{formatYen(quote.proposed.termAmount)}</Fact>
        <Fact label={t('contractChange.difference')} testId="quote-difference">
          {signedYen(quote.difference.amount)}
        </Fact>
      </SimpleGrid>
      <Text size="sm">
        {t(`contractChange.proration.${quote.proration}`)} {quote.difference.workings[lang]}
      </Text>
      {quote.withinLeadTime && (
        <Alert color="yellow" title={t('contractChange.shortNoticeTitle')}>
          {t('contractChange.shortNotice', {
            days: quote.leadBusinessDays,
            earliest: format.date(quote.earliestDate),
          })}
        </Alert>
      )}
      <Title order={3} size="h5">
        {t('contractChange.nextInvoice')}
      </Title>
      <Table data-testid="next-invoice">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contractChange.item')}</Table.Th>
            <Table.Th>{t('contractChange.period')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('contractChange.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quote.nextInvoice.lines.map((line) => (
            <Table.Tr key={line.kind}>
              <Table.Td>{line.label[lang]}</Table.Td>
              <Table.Td>
                {format.date(line.periodStart)} – {format.date(line.periodEnd)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{signedYen(line.amount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2} fw={600}>
              {t('contractChange.subtotal')}
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} fw={600}>
              {formatYen(quote.nextInvoice.subtotal)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('contractChange.taxNote')}
      </Text>
    </Stack>
  );
}

/** The form: date, plan, quantity, options → 見積もる → 確認 → 申し込む → result. */
function ChangeForm({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const fieldErrors = useFieldErrors();
  const product = useProduct(contract.productId);
  const quote = useChangeQuote(contract.id);
  const apply = useApplyChange(contract.id);
  const [date, setDate] = useState('');
  const [plan, setPlan] = useState(contract.plan);
  const [quantity, setQuantity] = useState<number>(contract.quantity);
  const [options, setOptions] = useState<Record<string, number>>(
    Object.fromEntries(contract.options.map((o) => [o.code, o.quantity])),
  );
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  if (product.isPending) return <Loader size="sm" />;
  if (product.isError) return <ProblemAlert error={product.error} />;
  const definition = product.data;
  const plans = definition.plans.filter((p) => p.terms.some((term) => term.term === contract.term));
  const offered = definition.options.filter((o) =>
    o.offers.some((offer) => offer.plan === plan && offer.term === contract.term && !offer.included),
  );
  const wish: ChangeWish = {
    effectiveDate: date,
    plan,
    quantity,
    options: Object.entries(options)
      .filter(([code]) => offered.some((o) => o.code === code))
      .map(([code, q]) => (q > 1 ? { code, quantity: q } : { code })),
  };
  const failure = apply.error ?? quote.error;
  const optionPaths = wish.options?.map((_, i) => `options.${i}.code`) ?? [];
  const { byField, other } = fieldErrors(failure, [
    'effectiveDate',
    'plan',
    'quantity',
    'options',
    ...optionPaths,
  ]);
  const optionsError = ['options', ...optionPaths]
    .map((p) => byField[p])
    .filter(Boolean)
    .join(' ');
  const edited = () => {
    quote.reset();
    apply.reset();
    setStep('edit');
  };

  if (apply.data) {
    const done = apply.data;
    return (
      <Alert color="teal" title={t('contractChange.doneTitle')} data-testid="change-result">
        <Stack gap="xs">
          <Text size="sm">
            {done.state === 'requested'
              ? t('contractChange.doneRequested', { date: format.date(done.desiredDate) })
              : t('contractChange.doneScheduled', {
                  date: format.date(done.effectiveDate ?? done.desiredDate),
                })}
          </Text>
          <Anchor component={Link} to={`/mypage/contracts/${contract.id}`} size="sm">
            {t('contractChange.backToContract')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'confirm') {
      apply.mutate(wish);
      return;
    }
    if (quote.data && !quote.isPending) {
      setStep('confirm');
      return;
    }
    quote.mutate(wish);
  };

  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="change-form" noValidate>
      <Stack gap="md">
        <Title order={2} size="h4" id="change-form">
          {t('contractChange.formTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('contractChange.intro', { days: definition.leadTimeDays ?? 0 })}
        </Text>
        <TextInput
          type="date"
          name="effectiveDate"
          label={t('contractChange.effectiveDateLabel')}
          description={t('contractChange.effectiveDateHelp')}
          value={date}
          onChange={(event) => {
            setDate(event.currentTarget.value);
            edited();
          }}
          error={byField.effectiveDate}
          required
          w={260}
          disabled={step === 'confirm'}
        />
        <Select
          name="plan"
          label={t('contractChange.plan')}
          data={plans.map((p) => ({ value: p.code, label: p.name[lang] }))}
          value={plan}
          onChange={(value) => {
            if (value) setPlan(value);
            edited();
          }}
          error={byField.plan}
          allowDeselect={false}
          w={360}
          disabled={step === 'confirm'}
        />
        <NumberInput
          name="quantity"
          label={t('contractChange.quantity')}
          description={definition.quantityChangeable ? undefined : t('contractChange.quantityFixed')}
          value={quantity}
          onChange={(value) => {
            setQuantity(typeof value === 'number' ? value : Number(value) || 0);
            edited();
          }}
          error={byField.quantity}
          allowDecimal={false}
          min={0}
          w={200}
          disabled={!definition.quantityChangeable || step === 'confirm'}
        />
        {offered.length > 0 && (
          <Checkbox.Group
            label={t('contractChange.options')}
            error={optionsError || undefined}
            value={offered.filter((o) => o.code in options).map((o) => o.code)}
            onChange={(codes) => {
              setOptions((current) =>
                Object.fromEntries(
                  codes.map((code) => [
                    code,
                    current[code] ?? (offered.find((o) => o.code === code)?.quantity.min || 1),
                  ]),
                ),
              );
              edited();
            }}
          >
            <Stack gap={6} mt={6}>
              {offered.map((option) => (
                <Checkbox
                  key={option.code}
                  value={option.code}
                  label={option.name[lang]}
                  disabled={step === 'confirm' || option.required}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {quote.data && <QuoteView quote={quote.data} />}
        {other.length > 0 && (
          <Alert color="red" role="alert">
            {other.join(' ')}
          </Alert>
        )}
        {failure && Object.keys(byField).length === 0 && other.length === 0 && (
          <ProblemAlert error={failure} />
        )}
        {step === 'confirm' && quote.data && (
          <Alert color="blue" title={t('contractChange.confirmTitle')} data-testid="change-confirm">
            {t('contractChange.confirmText', {
              date: format.date(quote.data.effectiveDate),
              amount: signedYen(quote.data.difference.amount),
            })}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={quote.isPending || apply.isPending} disabled={date === ''}>
            {step === 'confirm'
              ? t('contractChange.apply')
              : quote.data
                ? t('contractChange.next')
                : t('contractChange.quote')}
          </Button>
          {step === 'confirm' && (
            <Button variant="subtle" onClick={() => setStep('edit')}>
              {t('contractChange.back')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function ChangeView({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const contract = useMyContract(contractId);
  const open = useMyChange(contractId);
  if (contract.isPending || open.isPending) return <Loader size="sm" />;
  if (contract.isError) return <ProblemAlert error={contract.error} />;
  if (open.isError) return <ProblemAlert error={open.error} />;
  const c = contract.data;
  return (
    <Stack gap="md">
      <Text fw={600}>
        {c.productName[lang]} · {c.planName[lang]} · {t('contractChange.numberLabel', { number: c.number })}
      </Text>
      {open.data ? (
        <OpenChange contractId={c.id} request={open.data} />
      ) : c.status !== 'active' ? (
        <Alert color="gray">{t('contractChange.notChangeable')}</Alert>
      ) : (
        <ChangeForm contract={c} />
      )}
    </Stack>
  );
}

/** The page. */
export function MypageContractChange() {
  const { t } = useTranslation();
  const { contractId = '' } = useParams();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/mypage/contracts/${contractId}`} size="sm">
        {t('contractChange.backToContract')}
      </Anchor>
      <Title order={1}>{t('contractChange.title')}</Title>
      <WithMember signedOut={<SignInActions />}>{() => <ChangeView contractId={contractId} />}</WithMember>
    </Stack>
  );
}
