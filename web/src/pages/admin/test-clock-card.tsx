// The owner's "store clock" card in the settings while rehearsing (KEIYAKU_TEST_CLOCK=1): move the store's time forward.
import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../../api/store';
import { storeTimeText, type TestClock, useMoveTestClock, useTestClock } from '../../api/test-clock';
import { ProblemAlert } from '../../components/problem';

/** The label of each registered sweep (src/jobs/sweeps.ts); a sweep added there gets its label here. */
const sweepLabelKeys: Record<
  string,
  `testClock.sweeps.${'contracts_trials' | 'contracts_renewals' | 'contracts_changes' | 'contracts_end' | 'members_anonymise' | 'billing_issue_invoices' | 'billing_invoice_notices' | 'billing_documents' | 'licences_validations_prune'}`
> = {
  'contracts.trials': 'testClock.sweeps.contracts_trials',
  'contracts.renewals': 'testClock.sweeps.contracts_renewals',
  'contracts.changes': 'testClock.sweeps.contracts_changes',
  'contracts.end': 'testClock.sweeps.contracts_end',
  'members.anonymise': 'testClock.sweeps.members_anonymise',
  'billing.issue_invoices': 'testClock.sweeps.billing_issue_invoices',
  'billing.invoice_notices': 'testClock.sweeps.billing_invoice_notices',
  'billing.documents': 'testClock.sweeps.billing_documents',
  'licences.validations_prune': 'testClock.sweeps.licences_validations_prune',
};

/** `2027-04-01T09:00` for a datetime-local input, in the store's time zone. */
function inputValueOf(instant: string): string {
  return storeTimeText(instant).replace(' ', 'T');
}

function MoveForm({ clock }: { clock: TestClock }) {
  const { t } = useTranslation();
  const move = useMoveTestClock();
  const [to, setTo] = useState(() => inputValueOf(clock.now));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The input names a time in the store's zone (JST), whatever the browser's zone is.
    if (to) move.mutate(`${to}:00+09:00`);
  };
  const sweepLabel = (name: string) => {
    const key = sweepLabelKeys[name];
    return key ? t(key) : t('testClock.sweepOther', { name });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text data-testid="test-clock-card-now">{t('testClock.now', { now: storeTimeText(clock.now) })}</Text>
        {move.isError && <ProblemAlert error={move.error} />}
        {move.isSuccess && (
          <Alert
            color="green"
            role="status"
            title={t('testClock.moved', { now: storeTimeText(move.data.now) })}
          >
            <List size="sm">
              {move.data.sweeps.map((sweep) => (
                <List.Item key={sweep.name}>
                  {t('testClock.sweepResult', { label: sweepLabel(sweep.name), count: sweep.count })}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group align="flex-end">
          <TextInput
            type="datetime-local"
            label={t('testClock.toLabel')}
            description={t('testClock.toHint')}
            value={to}
            min={inputValueOf(clock.now)}
            onChange={(event) => {
              setTo(event.currentTarget.value);
              if (move.isSuccess || move.isError) move.reset();
            }}
            maw={280}
          />
          <Button type="submit" color="orange" loading={move.isPending} disabled={!to}>
            {t('testClock.move')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Only while the store runs on the rehearsal clock; otherwise nothing is drawn. */
export function TestClockCard() {
  const { t } = useTranslation();
  const store = useStoreProfile();
  const clock = useTestClock(store.data?.testClock === true);
  if (!clock.data) return null;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="test-clock-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="test-clock-title">
            {t('testClock.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('testClock.lead')}
          </Text>
        </Stack>
        <MoveForm clock={clock.data} />
      </Stack>
    </Paper>
  );
}
