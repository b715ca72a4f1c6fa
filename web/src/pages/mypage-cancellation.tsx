// 解約申込 on 契約詳細: the quote (earliest last day, early-termination fee, what ends), the chosen last day with a confirmation step, and the open application with its withdrawal.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ContractDetail,
  type ContractRequest,
  useApplyCancellation,
  useMyCancellation,
  useMyCancellationQuote,
  useWithdrawCancellation,
} from '../api/contracts';
import { formatYen, useLang } from '../components/catalog-format';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import { useDateFormat } from './contract-dates';

const cancellableStatuses = ['trial', 'active', 'suspended'];
const requestStateColor: Record<string, string> = {
  requested: 'yellow',
  scheduled: 'blue',
  withdrawn: 'gray',
  done: 'gray',
};
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

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

/** The open application: its state with its label, the wished and the confirmed last day, the fee, and 取り消す. */
function OpenCancellation({ contractId, request }: { contractId: string; request: ContractRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useDateFormat();
  const withdraw = useWithdrawCancellation(contractId);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="cancellation-title"
      data-testid="cancellation"
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h4" id="cancellation-title">
            {t('contracts.cancel.openTitle')}
          </Title>
          <Badge
            color={requestStateColor[request.state] ?? 'gray'}
            variant="light"
            data-testid="cancellation-state"
          >
            {request.stateLabel[lang]}
          </Badge>
        </Group>
        <Text size="sm">
          {request.state === 'requested'
            ? t('contracts.cancel.requestedNote')
            : t('contracts.cancel.scheduledNote')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <Fact label={t('contracts.cancel.desiredDate')} testId="cancellation-desired">
            {format.date(request.desiredDate)}
          </Fact>
          <Fact label={t('contracts.cancel.effectiveDate')} testId="cancellation-effective">
            {request.effectiveDate
              ? format.date(request.effectiveDate)
              : t('contracts.cancel.notConfirmedYet')}
          </Fact>
          <Fact label={t('contracts.cancel.fee')} testId="cancellation-fee">
            {formatYen(request.fee)}
          </Fact>
          <Fact label={t('contracts.cancel.requestedAt')}>{format.dateTime(request.requestedAt)}</Fact>
        </SimpleGrid>
        {request.reason && (
          <Fact label={t('contracts.cancel.storeNote')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{request.reason}</span>
          </Fact>
        )}
        {confirming && <Alert color="blue">{t('contracts.cancel.withdrawConfirm')}</Alert>}
        {withdraw.isError && <ProblemAlert error={withdraw.error} />}
        <Group>
          <Button
            variant={confirming ? 'filled' : 'default'}
            loading={withdraw.isPending}
            onClick={() => {
              if (!confirming) {
                setConfirming(true);
                return;
              }
              withdraw.mutate(undefined, { onSuccess: () => setConfirming(false) });
            }}
          >
            {confirming ? t('contracts.cancel.withdrawConfirmButton') : t('contracts.cancel.withdraw')}
          </Button>
          {confirming && (
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t('contracts.cancel.back')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The form: a last day (the earliest the lead time allows to start with), its quote, then a confirmation step. */
function CancellationForm({ contract, onClose }: { contract: ContractDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const fieldErrors = useFieldErrors();
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const wished = plainDate.test(draft) ? draft : undefined;
  const quote = useMyCancellationQuote(contract.id, wished, true);
  const apply = useApplyCancellation(contract.id);
  const failure = apply.error ?? (quote.isError ? quote.error : null);
  const { byField, other } = fieldErrors(failure, ['endDate']);
  const shown = quote.data;
  // The field shows the quoted day until the member picks another.
  const value = draft === '' && shown ? shown.endDate : draft;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!shown || quote.isError) return;
    if (!confirming) {
      setConfirming(true);
      return;
    }
    apply.mutate(shown.endDate, { onSuccess: onClose });
  };

  if (quote.isPending) return <Loader size="sm" />;
  return (
    <Card withBorder padding="md" component="form" onSubmit={submit} aria-labelledby="cancel-form-title">
      <Stack gap="md">
        <Title order={3} size="h4" id="cancel-form-title">
          {t('contracts.cancel.formTitle')}
        </Title>
        <TextInput
          type="date"
          label={t('contracts.cancel.endDate')}
          description={
            shown
              ? t('contracts.cancel.endDateHelp', { earliest: format.date(shown.earliestDate) })
              : undefined
          }
          value={value}
          onChange={(event) => {
            setDraft(event.currentTarget.value);
            setConfirming(false);
            apply.reset();
          }}
          error={byField.endDate}
          required
          w={260}
          name="endDate"
        />
        {shown && !quote.isError && (
          <Stack gap="sm" data-testid="cancellation-quote">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
              <Fact label={t('contracts.cancel.earliestDate')} testId="quote-earliest">
                {format.date(shown.earliestDate)}
              </Fact>
              <Fact label={t('contracts.cancel.lastDay')} testId="quote-end">
                {format.date(shown.endDate)}
              </Fact>
              <Fact label={t('contracts.minimumTermEnd')}>
                {shown.minimumTermEnd ? format.date(shown.minimumTermEnd) : t('contracts.noMinimumTerm')}
              </Fact>
              <Fact label={t('contracts.cancel.fee')} testId="quote-fee">
                {formatYen(shown.earlyTerminationFee)}
              </Fact>
            </SimpleGrid>
            <Text size="sm">
              {shown.earlyTerminationFee > 0
                ? t('contracts.cancel.feeExplained', {
                    fee: formatYen(shown.earlyTerminationFee),
                    months: shown.remainingMinimumTermMonths,
                    kind: t(`contracts.earlyTerminationKinds.${shown.feeKind}`, {
                      fee: formatYen(shown.earlyTerminationFee),
                    }),
                  })
                : t('contracts.cancel.noFee')}
            </Text>
            <Text size="sm" data-testid="quote-service">
              {t('contracts.cancel.serviceEnds', { date: format.date(shown.endDate) })}
            </Text>
            {shown.withinLeadTime && (
              <Alert color="yellow" title={t('contracts.cancel.shortNoticeTitle')}>
                {t('contracts.cancel.shortNotice', {
                  days: shown.leadBusinessDays,
                  earliest: format.date(shown.earliestDate),
                })}
              </Alert>
            )}
          </Stack>
        )}
        {other.length > 0 && (
          <Alert color="red" role="alert">
            {other.join(' ')}
          </Alert>
        )}
        {failure && !byField.endDate && other.length === 0 && <ProblemAlert error={failure} />}
        {confirming && shown && (
          <Alert color="red" title={t('contracts.cancel.confirmTitle')} data-testid="cancellation-confirm">
            {t('contracts.cancel.confirmText', {
              date: format.date(shown.endDate),
              fee: formatYen(shown.earlyTerminationFee),
            })}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            color="red"
            variant={confirming ? 'filled' : 'light'}
            loading={apply.isPending}
            disabled={!shown || quote.isError || quote.isFetching}
          >
            {confirming ? t('contracts.cancel.confirmButton') : t('contracts.cancel.next')}
          </Button>
          <Button variant="subtle" onClick={confirming ? () => setConfirming(false) : onClose}>
            {confirming ? t('contracts.cancel.back') : t('contracts.cancel.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The cancellation part of 契約詳細: the open application, or the 解約 action while the contract can be cancelled. */
export function ContractCancellation({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const open = useMyCancellation(contract.id);
  const [formOpen, setFormOpen] = useState(false);
  if (open.isPending) return <Loader size="sm" />;
  if (open.isError) return <ProblemAlert error={open.error} />;
  if (open.data) return <OpenCancellation contractId={contract.id} request={open.data} />;
  if (!cancellableStatuses.includes(contract.status)) return null;
  if (formOpen) return <CancellationForm contract={contract} onClose={() => setFormOpen(false)} />;
  return (
    <Group>
      <Button variant="default" color="red" onClick={() => setFormOpen(true)}>
        {t('contracts.cancel.open')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('contracts.cancel.openHelp')}
      </Text>
    </Group>
  );
}
