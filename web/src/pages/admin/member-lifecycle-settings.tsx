// Store settings of the member lifecycle: registration review, how members withdraw, and how long personal data is kept.
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminStore, type StorePatch, useUpdateStore } from '../../api/admin';
import { ProblemAlert, useFieldErrors } from '../../components/problem';

const fields = ['registrationReview', 'withdrawal', 'personalDataRetentionDays'] as const;
type Draft = Pick<AdminStore, (typeof fields)[number]>;

function draftOf(store: AdminStore): Draft {
  return {
    registrationReview: store.registrationReview,
    withdrawal: store.withdrawal,
    personalDataRetentionDays: store.personalDataRetentionDays,
  };
}

/** Its own form and save button (named apart from the store form's), so it sends only these fields. */
export function MemberLifecycleSettings({ store }: { store: AdminStore }) {
  const { t } = useTranslation();
  const update = useUpdateStore();
  const fieldErrors = useFieldErrors();
  const [draft, setDraft] = useState<Draft>(() => draftOf(store));
  const saved = draftOf(store);
  const patch: StorePatch = {};
  for (const field of fields)
    if (draft[field] !== saved[field]) Object.assign(patch, { [field]: draft[field] });
  const changed = Object.keys(patch).length > 0;
  const { byField, other } = fieldErrors(update.error, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) update.mutate(patch);
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {t('lifecycle.settings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('lifecycle.settings.lead')}
            </Text>
          </Stack>
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
          {/* Native selects: a Mantine Radio warns of a controlled input turning uncontrolled when clicked. */}
          <NativeSelect
            label={t('lifecycle.settings.review.label')}
            description={t('lifecycle.settings.review.help')}
            value={draft.registrationReview}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((current) => ({
                ...current,
                registrationReview: value === 'manual' ? 'manual' : 'auto',
              }));
            }}
            data={[
              { value: 'auto', label: t('lifecycle.settings.review.auto') },
              { value: 'manual', label: t('lifecycle.settings.review.manual') },
            ]}
            error={byField.registrationReview}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maw={420}
          />
          <NativeSelect
            label={t('lifecycle.settings.withdrawal.label')}
            description={t('lifecycle.settings.withdrawal.help')}
            value={draft.withdrawal}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDraft((current) => ({
                ...current,
                withdrawal: value === 'by-request' ? 'by-request' : 'self-service',
              }));
            }}
            data={[
              { value: 'self-service', label: t('lifecycle.settings.withdrawal.selfService') },
              { value: 'by-request', label: t('lifecycle.settings.withdrawal.byRequest') },
            ]}
            error={byField.withdrawal}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maw={420}
          />
          <NumberInput
            label={t('lifecycle.settings.retention.label')}
            description={t('lifecycle.settings.retention.help')}
            min={1}
            max={3650}
            allowDecimal={false}
            suffix={t('lifecycle.settings.retention.suffix')}
            value={draft.personalDataRetentionDays}
            onChange={(value) =>
              setDraft((current) => ({
                ...current,
                personalDataRetentionDays: typeof value === 'number' ? value : Number(value) || 0,
              }))
            }
            error={byField.personalDataRetentionDays}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maw={420}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed}>
              {t('lifecycle.settings.save')}
            </Button>
            <Button variant="subtle" disabled={!changed} onClick={() => setDraft(draftOf(store))}>
              {t('lifecycle.settings.discard')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
