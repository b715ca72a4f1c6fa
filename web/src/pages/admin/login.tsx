// Operator sign-in: login ID and password, then the code from the mail or the authenticator app, then the console.
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  PasswordInput,
  PinInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { type SecondFactor, useOperator, useOperatorSignIn, useOperatorVerifyCode } from '../../api/admin';
import { ApiError } from '../../api/client';
import { DevMailboxLink } from '../../components/dev-mailbox-link';
import { ProblemAlert, useFieldErrors, useProblemText } from '../../components/problem';
import classes from '../member.module.css';

const CODE_LENGTH = 6;

/** Codes that end the pending sign-in: the operator has to start again with the password. */
const deadEnds = new Set(['code_expired', 'code_attempts_exhausted', 'sign_in_not_pending']);

function CodeStep({ method, onRestart }: { method: SecondFactor; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const verify = useOperatorVerifyCode();
  const problemText = useProblemText();
  const fieldErrors = useFieldErrors();
  const [code, setCode] = useState('');

  const send = (value: string) => {
    if (value.length !== CODE_LENGTH || verify.isPending) return;
    verify.mutate(value, {
      onSuccess: () => navigate('/admin'),
      // A wrong code is typed again from the start: leaving it in place only invites editing single boxes.
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'invalid_code') setCode('');
      },
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(code);
  };

  const failure = verify.isError ? verify.error : null;
  const dead = failure instanceof ApiError && failure.code !== undefined && deadEnds.has(failure.code);
  const { byField } = fieldErrors(failure, ['code']);
  const wrong = failure instanceof ApiError && (failure.code === 'invalid_code' || 'code' in byField);

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('adminLogin.code.title')}</Title>
        <Text>{method === 'totp' ? t('adminLogin.code.leadTotp') : t('adminLogin.code.leadEmail')}</Text>
      </Stack>
      {method !== 'totp' && <DevMailboxLink />}
      {dead ? (
        <Alert color="red" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{problemText(failure)}</Text>
            <Button size="xs" variant="light" color="red" onClick={onRestart}>
              {t('adminLogin.code.restart')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" align="flex-start">
            <Text component="label" htmlFor="operator-code-1" fw={500} size="sm">
              {method === 'totp' ? t('adminLogin.code.labelTotp') : t('adminLogin.code.labelEmail')}
            </Text>
            <PinInput
              id="operator-code"
              length={CODE_LENGTH}
              type="number"
              oneTimeCode
              autoFocus
              value={code}
              onChange={(value) => {
                setCode(value);
                // PinInput reports the emptied value too; only a digit typed anew clears the last answer.
                if (verify.isError && value !== '') verify.reset();
              }}
              onComplete={send}
              error={wrong}
              ariaLabel={t('adminLogin.code.labelEmail')}
            />
            {wrong && (
              <Text size="sm" c="red" role="alert">
                {byField.code ?? problemText(failure)}
              </Text>
            )}
            {failure && !wrong && <ProblemAlert error={failure} />}
            <Group>
              <Button
                type="submit"
                loading={verify.isPending}
                disabled={code.length !== CODE_LENGTH}
                aria-describedby={code.length !== CODE_LENGTH ? 'code-why-disabled' : undefined}
              >
                {t('adminLogin.code.submit')}
              </Button>
              <Button variant="subtle" onClick={onRestart}>
                {t('adminLogin.code.back')}
              </Button>
            </Group>
            {code.length !== CODE_LENGTH && (
              <Text size="sm" c="dimmed" id="code-why-disabled">
                {t('disabledWhy.code', { digits: CODE_LENGTH })}
              </Text>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function AdminLoginPage() {
  const { t } = useTranslation();
  const operator = useOperator();
  const signIn = useOperatorSignIn();
  const fieldErrors = useFieldErrors();
  const problemText = useProblemText();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');

  if (operator.isPending) return <Loader size="sm" />;
  // Someone already signed in has nothing to do here; the dashboard is where this page leads anyway.
  if (operator.data) return <Navigate to="/admin" replace />;

  if (signIn.isSuccess) {
    return (
      <CodeStep
        method={signIn.data.method}
        onRestart={() => {
          setPassword('');
          signIn.reset();
        }}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ loginId: loginId.trim(), password });
  };
  const { byField, other } = fieldErrors(signIn.error, ['loginId', 'password']);
  // Wrong credentials concern both fields at once and say so; the message sits under the password.
  const credentials = signIn.error instanceof ApiError && signIn.error.code === 'invalid_credentials';

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('adminLogin.title')}</Title>
        <Text>{t('adminLogin.lead')}</Text>
      </Stack>
      {signIn.isError && !credentials && Object.keys(byField).length === 0 && (
        <ProblemAlert error={signIn.error} />
      )}
      {other.length > 0 && Object.keys(byField).length > 0 && (
        <Alert color="red" role="alert">
          {other.join(' ')}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('adminLogin.loginId')}
              autoComplete="username"
              required
              value={loginId}
              error={byField.loginId}
              onChange={(event) => setLoginId(event.currentTarget.value)}
            />
            <PasswordInput
              label={t('fields.password.label')}
              autoComplete="current-password"
              required
              value={password}
              error={byField.password ?? (credentials ? problemText(signIn.error) : undefined)}
              onChange={(event) => setPassword(event.currentTarget.value)}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
            />
            <Group>
              <Button
                type="submit"
                loading={signIn.isPending}
                disabled={loginId.trim() === '' || password === ''}
                aria-describedby={
                  loginId.trim() === '' || password === '' ? 'sign-in-why-disabled' : undefined
                }
              >
                {t('adminLogin.submit')}
              </Button>
              {(loginId.trim() === '' || password === '') && (
                <Text size="sm" c="dimmed" id="sign-in-why-disabled">
                  {t('disabledWhy.signIn')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
