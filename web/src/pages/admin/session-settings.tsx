// Store settings for the owner: how long a member stays signed in (idle and absolute timeouts).
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminStore, type StorePatch, useUpdateStore } from '../../api/admin';
import { ProblemAlert, useFieldErrors } from '../../components/problem';

const sessionFields = ['sessionIdleMinutes', 'sessionAbsoluteHours'] as const;
type SessionField = (typeof sessionFields)[number];
/** The ranges the server accepts (store-settings-fields.ts), so the inputs do not offer more. */
const ranges: Record<SessionField, { min: number; max: number }> = {
  sessionIdleMinutes: { min: 5, max: 1440 },
  sessionAbsoluteHours: { min: 1, max: 168 },
};

/** The two member-session timeouts; saving sends only what changed, and applies to open sessions at once. */
export function SessionSettingsForm({ store }: { store: AdminStore }) {
  const { t } = useTranslation();
  const update = useUpdateStore();
  const fieldErrors = useFieldErrors();
  const [draft, setDraft] = useState<Record<SessionField, number | string>>({
    sessionIdleMinutes: store.sessionIdleMinutes,
    sessionAbsoluteHours: store.sessionAbsoluteHours,
  });
  const patch: StorePatch = {};
  for (const field of sessionFields) {
    // An empty or half-typed input is sent as it is, so the server names the field in its answer.
    if (draft[field] !== store[field]) patch[field] = Number(draft[field]);
  }
  const changed = Object.keys(patch).length > 0;
  const { byField, other } = fieldErrors(update.error, sessionFields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) update.mutate(patch);
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="session-settings-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="session-settings-title">
              {t('admin.sessionSettings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.sessionSettings.lead')}
            </Text>
          </Stack>
          {update.isError && (
            <ProblemAlert error={update.error}>
              {other.length > 0 && <Text size="sm">{other.join(' ')}</Text>}
            </ProblemAlert>
          )}
          {update.isSuccess && !changed && (
            <Alert color="green" role="status">
              {t('admin.sessionSettings.saved')}
            </Alert>
          )}
          {sessionFields.map((field) => (
            <NumberInput
              key={field}
              label={t(`admin.sessionSettings.fields.${field}.label`)}
              description={t(`admin.sessionSettings.fields.${field}.help`)}
              required
              min={ranges[field].min}
              max={ranges[field].max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={draft[field]}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [field]: value }));
                if (update.isSuccess) update.reset();
              }}
              error={byField[field]}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          ))}
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed}>
              {t('admin.sessionSettings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
