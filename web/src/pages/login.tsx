// Member sign-in: login ID and password, then the 6-digit code sent by mail or SMS, then My Page.
import {
  Alert,
  Anchor,
  Button,
  Group,
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
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useSignIn, useVerifyCode } from '../api/member';
import { forgetNextAfterRegistration, useAfterSignIn, withNext } from '../components/after-sign-in';
import { DevMailboxLink } from '../components/dev-mailbox-link';
import { ProblemAlert, useProblemText } from '../components/problem';
import { ResendCode } from '../components/resend-code';
import { ResendConfirmation } from '../components/resend-confirmation';
import { BackupCodeStep, ForgotLinks, isLoginLocked, LockedAlert } from '../components/sign-in-recovery';
import classes from './member.module.css';

const CODE_LENGTH = 6;

/** Codes that end the pending sign-in: the member has to start again with the password. */
const deadEnds = new Set(['code_expired', 'code_attempts_exhausted', 'sign_in_not_pending', 'login_locked']);

/** What the password step answered: how long the code lives and where it went. */
interface CodeSent {
  codeValidMinutes: number;
  channel: 'email' | 'sms';
  destinationHint: string;
}

function CodeStep({ sent, onRestart }: { sent: CodeSent; onRestart: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useAfterSignIn();
  const verify = useVerifyCode();
  const problemText = useProblemText();
  const [code, setCode] = useState('');
  const [backup, setBackup] = useState(false);

  const send = (value: string) => {
    if (value.length !== CODE_LENGTH || verify.isPending) return;
    verify.mutate(value, {
      onSuccess: () => {
        forgetNextAfterRegistration();
        navigate(next);
      },
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
  const wrong = failure instanceof ApiError && failure.code === 'invalid_code';

  if (backup)
    return (
      <BackupCodeStep
        className={classes.page}
        codeChannel={sent.channel}
        onUseMailCode={() => setBackup(false)}
        onRestart={onRestart}
      />
    );

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('login.code.title')}</Title>
        <Text>
          {t(sent.channel === 'sms' ? 'login.code.leadSms' : 'login.code.leadEmail', {
            minutes: sent.codeValidMinutes,
            hint: sent.destinationHint,
          })}
        </Text>
      </Stack>
      <DevMailboxLink />
      {dead && isLoginLocked(failure) ? (
        <LockedAlert error={failure}>
          <Button size="xs" variant="white" color="red" onClick={onRestart}>
            {t('login.code.restart')}
          </Button>
        </LockedAlert>
      ) : dead ? (
        <Alert color="red" role="alert">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{problemText(failure)}</Text>
            <Button size="xs" variant="light" color="red" onClick={onRestart}>
              {t('login.code.restart')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" align="flex-start">
            <Text component="label" htmlFor="sign-in-code-1" fw={500} size="sm">
              {t('login.code.label')}
            </Text>
            <PinInput
              id="sign-in-code"
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
              ariaLabel={t('login.code.label')}
            />
            {wrong && (
              <Text size="sm" c="red" role="alert">
                {problemText(failure)}
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
                {t('login.code.submit')}
              </Button>
              <Button variant="subtle" onClick={onRestart}>
                {t('login.code.back')}
              </Button>
              <Button variant="subtle" onClick={() => setBackup(true)}>
                {t('recovery.login.otherMethod')}
              </Button>
            </Group>
            {code.length !== CODE_LENGTH && (
              <Text size="sm" c="dimmed" id="code-why-disabled">
                {t('disabledWhy.code', { digits: CODE_LENGTH })}
              </Text>
            )}
            <ResendCode channel={sent.channel} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const toCheckout = useAfterSignIn().startsWith('/checkout');
  const signIn = useSignIn();
  const problemText = useProblemText();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const afterSignIn = useAfterSignIn();

  if (signIn.isSuccess) {
    return (
      <CodeStep
        sent={signIn.data}
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
  const unconfirmed = signIn.error instanceof ApiError && signIn.error.code === 'email_not_confirmed';

  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('login.title')}</Title>
      {toCheckout && <Alert color="blue">{t('cart.signInToCheckout')}</Alert>}
      {signIn.isError &&
        (isLoginLocked(signIn.error) ? (
          <LockedAlert error={signIn.error} />
        ) : unconfirmed ? (
          <Alert color="yellow" role="alert">
            <Stack gap="sm">
              <Text size="sm">{problemText(signIn.error)}</Text>
              <ResendConfirmation loginId={loginId.trim()} />
            </Stack>
          </Alert>
        ) : (
          <ProblemAlert error={signIn.error} />
        ))}
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
            <PasswordInput
              label={t('fields.password.label')}
              autoComplete="current-password"
              required
              value={password}
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
                {t('login.submit')}
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
      <ForgotLinks />
      <Text size="sm">
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to={withNext('/register', afterSignIn)}>
          {t('login.toRegister')}
        </Anchor>
      </Text>
    </Stack>
  );
}
