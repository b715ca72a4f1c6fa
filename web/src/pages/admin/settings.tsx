// Store settings for the owner: the store's identity, contact and tax rounding, and the days it is closed.
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdminStore,
  type StorePatch,
  useAddClosureDay,
  useAdminStore,
  useClosureDays,
  useRemoveClosureDay,
  useUpdateStore,
} from '../../api/admin';
import { ApiError } from '../../api/client';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert, useFieldErrors, useProblemText } from '../../components/problem';
import { OperatorGate } from './gate';
import { MemberLifecycleSettings } from './member-lifecycle-settings';
import { OrderNumberSettings } from './order-number-settings';
import { registrationNumberCheckDigitOk, registrationNumberPattern } from './registration-number';
import { SessionSettingsForm } from './session-settings';
import { TestClockCard } from './test-clock-card';

const textFields = [
  'name',
  'issuerName',
  'registrationNumber',
  'postalCode',
  'address',
  'phone',
  'email',
  'businessHours',
] as const;
type TextField = (typeof textFields)[number];
const allFields: readonly string[] = [...textFields, 'taxRounding'];
const roundings = ['floor', 'round', 'ceil'] as const;
type Rounding = (typeof roundings)[number];

type Draft = Record<TextField, string> & { taxRounding: Rounding };

function draftOf(store: AdminStore): Draft {
  return {
    name: store.name,
    issuerName: store.issuerName,
    registrationNumber: store.registrationNumber ?? '',
    postalCode: store.postalCode,
    address: store.address,
    phone: store.phone,
    email: store.email,
    businessHours: store.businessHours,
    taxRounding: store.taxRounding,
  };
}

/** Only what changed is sent, so one operator's save does not undo another's edit of a different field. */
function patchOf(draft: Draft, store: AdminStore): StorePatch {
  const saved = draftOf(store);
  const patch: StorePatch = {};
  for (const field of textFields) {
    if (draft[field] === saved[field]) continue;
    if (field === 'registrationNumber') patch.registrationNumber = draft[field].trim() || null;
    else patch[field] = draft[field];
  }
  if (draft.taxRounding !== saved.taxRounding) patch.taxRounding = draft.taxRounding;
  return patch;
}

function SettingsForm({ store }: { store: AdminStore }) {
  const { t } = useTranslation();
  const update = useUpdateStore();
  const fieldErrors = useFieldErrors();
  const [draft, setDraft] = useState<Draft>(() => draftOf(store));
  const patch = patchOf(draft, store);
  const changed = Object.keys(patch).length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) update.mutate(patch);
  };
  const set = (field: TextField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setDraft((current) => ({ ...current, [field]: value }));
    if (update.isSuccess) update.reset();
  };

  const { byField, other } = fieldErrors(update.error, allFields);
  const number = draft.registrationNumber.trim();
  const checkDigitWarning =
    byField.registrationNumber === undefined &&
    registrationNumberPattern.test(number) &&
    !registrationNumberCheckDigitOk(number);

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('admin.settings.storeTitle')}
          </Title>
          {update.isError && (
            <ProblemAlert error={update.error}>
              {other.length > 0 && <Text size="sm">{other.join(' ')}</Text>}
            </ProblemAlert>
          )}
          {update.isSuccess && !changed && (
            <Alert color="green" role="status">
              {t('admin.settings.saved')}
            </Alert>
          )}
          {textFields.map((field) => (
            <Fragment key={field}>
              <TextInput
                label={t(`admin.settings.fields.${field}.label`)}
                description={t(`admin.settings.fields.${field}.help`)}
                required={field !== 'registrationNumber'}
                value={draft[field]}
                onChange={set(field)}
                error={byField[field]}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                autoComplete="off"
              />
              {field === 'registrationNumber' && checkDigitWarning && (
                <Alert color="yellow" role="status" title={t('admin.settings.checkDigit.title')}>
                  {t('admin.settings.checkDigit.body')}
                </Alert>
              )}
            </Fragment>
          ))}
          <Radio.Group
            label={t('admin.settings.fields.taxRounding.label')}
            description={t('admin.settings.fields.taxRounding.help')}
            value={draft.taxRounding}
            onChange={(value) => {
              const rounding = roundings.find((candidate) => candidate === value);
              if (rounding) setDraft((current) => ({ ...current, taxRounding: rounding }));
            }}
            error={byField.taxRounding}
          >
            <Group mt="xs">
              {roundings.map((rounding) => (
                <Radio key={rounding} value={rounding} label={t(`admin.settings.rounding.${rounding}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed}>
              {t('admin.settings.save')}
            </Button>
            <Button variant="subtle" disabled={!changed} onClick={() => setDraft(draftOf(store))}>
              {t('admin.settings.discard')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function useDayLabel(): (day: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'full',
    timeZone: 'UTC',
  });
  // A closure day is a calendar date, not an instant: read it as midnight UTC and print it in UTC.
  return (day) => format.format(new Date(`${day}T00:00:00Z`));
}

function ClosureDays() {
  const { t } = useTranslation();
  const days = useClosureDays();
  const add = useAddClosureDay();
  const remove = useRemoveClosureDay();
  const fieldErrors = useFieldErrors();
  const problemText = useProblemText();
  const dayLabel = useDayLabel();
  const [day, setDay] = useState('');
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { day, reason: reason.trim() },
      {
        onSuccess: () => {
          setDay('');
          setReason('');
        },
      },
    );
  };
  const { byField } = fieldErrors(add.error, ['day', 'reason']);
  // The server names no field for a date it cannot read, but there is only one date on this form.
  const badDate = add.error instanceof ApiError && add.error.code === 'invalid_date';
  const dayError = byField.day ?? (badDate ? problemText(add.error) : undefined);
  const addFailedElsewhere = add.isError && Object.keys(byField).length === 0 && !badDate;

  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {t('admin.settings.closure.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.settings.closure.lead')}
          </Text>
        </Stack>
        {days.isPending && <Loader size="sm" />}
        {days.isError && <ProblemAlert error={days.error} />}
        {remove.isError && <ProblemAlert error={remove.error} />}
        {days.data &&
          (days.data.length === 0 ? (
            <EmptyState title={t('admin.settings.closure.none')}>
              <EmptyStateText>{t('admin.settings.closure.noneBody')}</EmptyStateText>
            </EmptyState>
          ) : (
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.settings.closure.day')}</Table.Th>
                  <Table.Th>{t('admin.settings.closure.reason')}</Table.Th>
                  <Table.Th w={1}>
                    <VisuallyHidden>{t('admin.settings.closure.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {days.data.map((closure) => (
                  <Table.Tr key={closure.day} data-day={closure.day}>
                    <Table.Td>{dayLabel(closure.day)}</Table.Td>
                    <Table.Td>{closure.reason}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={remove.isPending && remove.variables === closure.day}
                        onClick={() => remove.mutate(closure.day)}
                        aria-label={t('admin.settings.closure.removeLabel', { day: dayLabel(closure.day) })}
                      >
                        {t('admin.settings.closure.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {addFailedElsewhere && <ProblemAlert error={add.error} />}
            <Group align="flex-start" gap="sm">
              <TextInput
                type="date"
                label={t('admin.settings.closure.day')}
                required
                value={day}
                onChange={(event) => {
                  setDay(event.currentTarget.value);
                  if (add.isError) add.reset();
                }}
                error={dayError}
              />
              <TextInput
                label={t('admin.settings.closure.reason')}
                placeholder={t('admin.settings.closure.reasonPlaceholder')}
                maxLength={200}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={byField.reason}
                style={{ flex: 1, minWidth: 200 }}
              />
            </Group>
            <Group>
              <Button type="submit" loading={add.isPending} disabled={day === ''}>
                {t('admin.settings.closure.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

function SettingsBody() {
  const store = useAdminStore();
  return (
    <Stack gap="lg">
      <TestClockCard />
      {store.isPending && <Loader size="sm" />}
      {store.isError && <ProblemAlert error={store.error} />}
      {store.data && <SettingsForm store={store.data} />}
      {store.data && <SessionSettingsForm store={store.data} />}
      {store.data && <MemberLifecycleSettings store={store.data} />}
      {store.data && <OrderNumberSettings store={store.data} />}
      <ClosureDays />
    </Stack>
  );
}

export function AdminSettings() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.settings.title')} about={t('admin.settings.about')} section="settings">
      {() => <SettingsBody />}
    </OperatorGate>
  );
}
