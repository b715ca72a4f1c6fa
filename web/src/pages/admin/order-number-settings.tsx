// Store setting for the owner: the order number format ({YYYY}/{YY} and {SEQ:n}), with an example of the next number.
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminStore, useUpdateStore } from '../../api/admin';
import { ProblemAlert, useFieldErrors } from '../../components/problem';

/** What the format gives for the first order of the current year (the server checks the format itself). */
function exampleOf(format: string): string {
  const year = new Date().getFullYear();
  return format.replace(/\{(YYYY|YY|SEQ:([1-9]))\}/g, (_, token: string, digits?: string) => {
    if (token === 'YYYY') return String(year);
    if (token === 'YY') return String(year % 100).padStart(2, '0');
    return '1'.padStart(Number(digits), '0');
  });
}

/** Its own form and save button, so it sends only the format. */
export function OrderNumberSettings({ store }: { store: AdminStore }) {
  const { t } = useTranslation();
  const update = useUpdateStore();
  const fieldErrors = useFieldErrors();
  const [format, setFormat] = useState(store.orderNumberFormat);
  const changed = format !== store.orderNumberFormat;
  const { byField, other } = fieldErrors(update.error, ['orderNumberFormat'] as const);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) update.mutate({ orderNumberFormat: format });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="order-number-settings-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="order-number-settings-title">
              {t('orderNumberSettings.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('orderNumberSettings.lead')}
            </Text>
          </Stack>
          {update.isError && (
            <ProblemAlert error={update.error}>
              {other.length > 0 && <Text size="sm">{other.join(' ')}</Text>}
            </ProblemAlert>
          )}
          {update.isSuccess && !changed && (
            <Alert color="green" role="status">
              {t('orderNumberSettings.saved')}
            </Alert>
          )}
          <TextInput
            label={t('orderNumberSettings.label')}
            description={t('orderNumberSettings.example', { example: exampleOf(format) })}
            value={format}
            onChange={(event) => setFormat(event.currentTarget.value)}
            error={byField.orderNumberFormat}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            maw={420}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!changed}>
              {t('orderNumberSettings.save')}
            </Button>
            <Button variant="subtle" disabled={!changed} onClick={() => setFormat(store.orderNumberFormat)}>
              {t('orderNumberSettings.discard')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
