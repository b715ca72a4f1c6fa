// "Send the confirmation mail again": a button when the login ID is known, otherwise a small form asking for it.
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResendConfirmation } from '../api/member';
import { ProblemAlert } from './problem';

export function ResendConfirmation({ loginId }: { loginId?: string }) {
  const { t } = useTranslation();
  const resend = useResendConfirmation();
  const [typed, setTyped] = useState('');
  const target = loginId ?? typed.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target !== '') resend.mutate(target);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" align="flex-start">
        {loginId === undefined && (
          <TextInput
            label={t('fields.loginId.label')}
            autoComplete="username"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            required
          />
        )}
        <Group>
          <Button type="submit" variant="light" loading={resend.isPending} disabled={target === ''}>
            {t('resend.button')}
          </Button>
        </Group>
        {/* The API answers the same whether or not the ID exists, so the page cannot say more than this. */}
        {resend.isSuccess && (
          <Alert color="green" role="status">
            {t('resend.done')}
          </Alert>
        )}
        {resend.isError && <ProblemAlert error={resend.error} />}
      </Stack>
    </form>
  );
}
