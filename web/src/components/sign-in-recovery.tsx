// The sign-in page's ways out: forgotten password and login ID links, the locked-ID notice, and the backup-code step.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useVerifyBackupCode } from '../api/recovery';
import { useAfterSignIn } from './after-sign-in';
import { ProblemAlert, useProblemText } from './problem';
import { StoreContactLine } from './store-contact';

export function isLoginLocked(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'login_locked';
}

/** Links to the forgotten-password and forgotten-login-ID pages. */
export function ForgotLinks() {
  const { t } = useTranslation();
  return (
    <Group gap="lg">
      <Anchor component={Link} to="/password-reset" size="sm">
        {t('recovery.login.forgotPassword')}
      </Anchor>
      <Anchor component={Link} to="/login-id-reminder" size="sm">
        {t('recovery.login.forgotLoginId')}
      </Anchor>
    </Group>
  );
}

/**
 * A locked login ID stops every sign-in step until it is lifted, so the notice is a titled alert with the
 * server's explanation (which says whether time or an operator lifts it) and how to reach the store.
 */
export function LockedAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <Alert
      color="red"
      variant="filled"
      title={t('recovery.login.lockedTitle')}
      role="alert"
      data-problem="login_locked"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problemText(error)}</Text>
        <Text size="sm">{t('recovery.login.lockedHint')}</Text>
        <Button
          component={Link}
          to="/inquiry?category=unlock"
          size="xs"
          variant="white"
          color="red"
          data-inquiry-link="unlock"
        >
          {t('recovery.login.contactForm')}
        </Button>
        <StoreContactLine withForm={false} />
        {children}
      </Stack>
    </Alert>
  );
}

/** The second sign-in step with a backup code instead of the code sent by mail or SMS. */
export function BackupCodeStep({
  className,
  codeChannel = 'email',
  onUseMailCode,
  onRestart,
}: {
  className?: string;
  /** Where the other code went, so the way back names it. */
  codeChannel?: 'email' | 'sms';
  onUseMailCode: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useAfterSignIn();
  const verify = useVerifyBackupCode();
  const problemText = useProblemText();
  const [code, setCode] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    verify.mutate(code.trim(), { onSuccess: () => navigate(next) });
  };

  const failure = verify.isError ? verify.error : null;
  const wrong = failure instanceof ApiError && failure.code === 'invalid_backup_code';

  return (
    <Stack gap="lg" className={className}>
      <Stack gap="xs">
        <Title order={1}>{t('recovery.login.backupTitle')}</Title>
        <Text>{t('recovery.login.backupLead')}</Text>
      </Stack>
      {failure && isLoginLocked(failure) ? (
        <LockedAlert error={failure}>
          <Button size="xs" variant="white" color="red" onClick={onRestart}>
            {t('login.code.restart')}
          </Button>
        </LockedAlert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" align="flex-start">
            <TextInput
              label={t('recovery.login.backupLabel')}
              autoComplete="one-time-code"
              autoFocus
              required
              value={code}
              onChange={(event) => {
                setCode(event.currentTarget.value);
                if (verify.isError) verify.reset();
              }}
              error={wrong ? problemText(failure) : undefined}
            />
            {failure && !wrong && <ProblemAlert error={failure} />}
            <Group>
              <Button type="submit" loading={verify.isPending} disabled={code.trim() === ''}>
                {t('recovery.login.backupSubmit')}
              </Button>
              <Button variant="subtle" onClick={onUseMailCode}>
                {t(codeChannel === 'sms' ? 'recovery.login.useSmsCode' : 'recovery.login.useMailCode')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
