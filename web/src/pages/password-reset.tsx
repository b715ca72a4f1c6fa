// Forgotten password: request the two mails by login ID, then (from the mailed link) set a new password with the temporary one.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useCompletePasswordReset, useRequestPasswordReset } from '../api/recovery';
import { focusFirstError } from '../components/form-check';
import { PasswordRules, usePasswordProblem, useStorePasswordPolicy } from '../components/password-rules';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import classes from './member.module.css';

function BackToLogin() {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Anchor component={Link} to="/login">
        {t('recovery.links.backToLogin')}
      </Anchor>
    </Text>
  );
}

function RequestReset() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [loginId, setLoginId] = useState('');

  if (request.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('recovery.passwordReset.sentTitle')}</Title>
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Text>{t('recovery.passwordReset.sentBody', { minutes: request.data.validMinutes })}</Text>
            <Text size="sm" c="dimmed">
              {t('recovery.passwordReset.sentHint')}
            </Text>
          </Stack>
        </Paper>
        <BackToLogin />
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(loginId.trim());
  };

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('recovery.passwordReset.title')}</Title>
        <Text>{t('recovery.passwordReset.lead')}</Text>
      </Stack>
      {request.isError && <ProblemAlert error={request.error} />}
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('fields.loginId.label')}
              autoComplete="username"
              required
              value={loginId}
              onChange={(event) => setLoginId(event.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={request.isPending} disabled={loginId.trim() === ''}>
                {t('recovery.passwordReset.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        <Anchor component={Link} to="/login-id-reminder">
          {t('recovery.passwordReset.forgotLoginId')}
        </Anchor>
      </Text>
      <BackToLogin />
    </Stack>
  );
}

const apiFields = ['temporaryPassword', 'newPassword'] as const;

function CompleteReset({ token }: { token: string }) {
  const { t } = useTranslation();
  const complete = useCompletePasswordReset();
  const fieldErrors = useFieldErrors();
  const [temporaryPassword, setTemporaryPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [tried, setTried] = useState(false);
  const preset = useStorePasswordPolicy();
  const passwordProblem = usePasswordProblem();

  if (complete.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('recovery.passwordResetComplete.doneTitle')}</Title>
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('recovery.passwordResetComplete.doneBody')}</Text>
            <Button component={Link} to="/login">
              {t('recovery.passwordResetComplete.toLogin')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    );
  }

  const server = complete.isError ? fieldErrors(complete.error, apiFields) : { byField: {}, other: [] };
  // The same rules as the server, checked before sending: the login ID is not known on this page.
  const clientProblem = tried ? passwordProblem(newPassword, '', preset) : null;
  const newPasswordError = clientProblem ?? server.byField.newPassword;
  // A dead link or a wrong temporary password share one answer; the member's way out is a new request.
  const invalid = complete.error instanceof ApiError && complete.error.code === 'password_reset_invalid';
  const showAlert = complete.isError && Object.keys(server.byField).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passwordProblem(newPassword, '', preset) !== null) {
      focusFirstError(event.currentTarget as HTMLFormElement);
      return;
    }
    // Mail clients add spaces around a copied word; the temporary password itself never holds one.
    complete.mutate({ token, temporaryPassword: temporaryPassword.replace(/\s+/g, ''), newPassword });
  };

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('recovery.passwordResetComplete.title')}</Title>
        <Text>{t('recovery.passwordResetComplete.lead')}</Text>
      </Stack>
      {showAlert && (
        <ProblemAlert error={complete.error} title={t('recovery.passwordResetComplete.failedTitle')}>
          {invalid && (
            <Group mt="sm">
              <Button component={Link} to="/password-reset" size="xs" variant="light" color="red">
                {t('recovery.passwordResetComplete.requestAgain')}
              </Button>
            </Group>
          )}
        </ProblemAlert>
      )}
      {server.other.length > 0 && (
        <Alert color="red" role="alert">
          {server.other.join(' ')}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('recovery.passwordResetComplete.temporaryPassword')}
              description={t('recovery.passwordResetComplete.temporaryPasswordHelp')}
              autoComplete="one-time-code"
              required
              value={temporaryPassword}
              onChange={(event) => setTemporaryPassword(event.currentTarget.value)}
              error={server.byField.temporaryPassword}
            />
            <PasswordInput
              label={t('recovery.passwordResetComplete.newPassword')}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
              error={newPasswordError || undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
            />
            <PasswordRules id="password-rules" password={newPassword} loginId="" preset={preset} />
            <Group>
              <Button
                type="submit"
                loading={complete.isPending}
                disabled={temporaryPassword.trim() === '' || newPassword === ''}
              >
                {t('recovery.passwordResetComplete.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <BackToLogin />
    </Stack>
  );
}

/** `/password-reset` asks for the login ID; the mailed link adds `?token=…` and opens the second step. */
export function PasswordResetPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return token === '' ? <RequestReset /> : <CompleteReset token={token} />;
}
