// My Page security: change the password, show, download or replace the backup codes (each behind the password), sessions and sign-ins.
import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../api/member';
import {
  type BackupCode,
  useChangePassword,
  useRegenerateBackupCodes,
  useRevealBackupCodes,
} from '../api/recovery';
import { useStoreProfile } from '../api/store';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { focusFirstError } from '../components/form-check';
import { PasswordRules, usePasswordProblem, useStorePasswordPolicy } from '../components/password-rules';
import { ProblemAlert, useFieldErrors, useProblemText } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './member.module.css';
import security from './mypage-security.module.css';
import { ActiveSessions, SignInHistory } from './mypage-sessions';

const passwordFields = ['currentPassword', 'newPassword'] as const;

function ChangePasswordForm({ me }: { me: MemberProfile }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const fieldErrors = useFieldErrors();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [tried, setTried] = useState(false);
  const preset = useStorePasswordPolicy();
  const passwordProblem = usePasswordProblem();

  const server = change.isError ? fieldErrors(change.error, passwordFields) : { byField: {}, other: [] };
  // The same rules as the server, checked before sending.
  const clientProblem = tried ? passwordProblem(newPassword, me.loginId, preset) : null;
  const newPasswordError = clientProblem ?? server.byField.newPassword;
  const showAlert = change.isError && Object.keys(server.byField).length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (passwordProblem(newPassword, me.loginId, preset) !== null) {
      focusFirstError(event.currentTarget as HTMLFormElement);
      return;
    }
    change.mutate(
      { currentPassword, newPassword },
      {
        // Left filled in, the old and new passwords would sit in the page for the next person at the desk.
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setTried(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="change-password-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="change-password-title">
              {t('recovery.security.password.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('recovery.security.password.lead')}
            </Text>
          </Stack>
          {change.isSuccess && (
            <Alert color="green" role="status">
              {t('recovery.security.password.done')}
            </Alert>
          )}
          {showAlert && <ProblemAlert error={change.error} />}
          {server.other.length > 0 && (
            <Alert color="red" role="alert">
              {server.other.join(' ')}
            </Alert>
          )}
          <PasswordInput
            label={t('recovery.security.password.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => {
              setCurrentPassword(event.currentTarget.value);
              if (change.isSuccess) change.reset();
            }}
            error={server.byField.currentPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
          />
          <PasswordInput
            label={t('recovery.security.password.new')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(event) => setNewPassword(event.currentTarget.value)}
            error={newPasswordError || undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
          />
          <PasswordRules
            id="new-password-rules"
            password={newPassword}
            loginId={me.loginId}
            preset={preset}
          />
          <Group>
            <Button
              type="submit"
              loading={change.isPending}
              disabled={currentPassword === '' || newPassword === ''}
            >
              {t('recovery.security.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Offers the codes as a text file made in the browser: they never travel again to be downloaded. */
function useDownloadCodes(me: MemberProfile) {
  const { t } = useTranslation();
  const { data: store } = useStoreProfile();
  return (codes: BackupCode[]) => {
    const lines = [
      t('recovery.security.backup.fileTitle', { store: store?.name ?? 'keiyaku' }),
      t('recovery.security.backup.fileLoginId', { loginId: me.loginId }),
      '',
      ...codes.map(({ code, used }) => (used ? `${code} ${t('recovery.security.backup.fileUsed')}` : code)),
      '',
      t('recovery.security.backup.fileNote'),
      '',
    ];
    // CRLF so that Notepad on older Windows shows one code per line.
    const blob = new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `backup-codes-${me.loginId}.txt`;
    document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the blob to the download; revoking later keeps slow browsers from losing it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
}

function CodeList({ codes, me }: { codes: BackupCode[]; me: MemberProfile }) {
  const { t } = useTranslation();
  const download = useDownloadCodes(me);
  const unused = codes.filter((code) => !code.used).length;
  return (
    <Stack gap="sm">
      <Text fw={700} id="backup-code-caption">
        {t('recovery.security.backup.caption', { unused, total: codes.length })}
      </Text>
      <List aria-labelledby="backup-code-caption" listStyleType="none" className={security.codes}>
        {codes.map(({ code, used }) => (
          <List.Item key={code} data-used={used} className={used ? security.used : security.code}>
            {used ? <s>{code}</s> : code}
            {used && <VisuallyHidden>{` (${t('recovery.security.backup.used')})`}</VisuallyHidden>}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t('recovery.security.backup.keepSafe')}
      </Text>
      <Group>
        <Button variant="light" onClick={() => download(codes)}>
          {t('recovery.security.backup.download')}
        </Button>
      </Group>
    </Stack>
  );
}

function BackupCodes({ me }: { me: MemberProfile }) {
  const { t } = useTranslation();
  const reveal = useRevealBackupCodes();
  const regenerate = useRegenerateBackupCodes();
  const problemText = useProblemText();
  const [password, setPassword] = useState('');
  const [regeneratePassword, setRegeneratePassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  // The latest list either answer brought: a replacement supersedes what was revealed before it.
  const [codes, setCodes] = useState<BackupCode[] | null>(null);

  const submitReveal = (event: FormEvent) => {
    event.preventDefault();
    regenerate.reset();
    reveal.mutate(password, {
      onSuccess: (list) => {
        setCodes(list);
        setPassword('');
      },
    });
  };
  const submitRegenerate = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  const confirmRegenerate = () => {
    setConfirming(false);
    reveal.reset();
    regenerate.mutate(regeneratePassword, {
      onSuccess: (list) => {
        setCodes(list);
        setRegeneratePassword('');
      },
    });
  };

  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="backup-codes-title">
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id="backup-codes-title">
              {t('recovery.security.backup.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('recovery.security.backup.lead')}
            </Text>
          </Stack>
          {regenerate.isSuccess && (
            <Alert color="green" role="status">
              {t('recovery.security.regenerate.done')}
            </Alert>
          )}
          {codes !== null ? (
            <CodeList codes={codes} me={me} />
          ) : (
            <form onSubmit={submitReveal} noValidate>
              <Stack gap="sm" align="flex-start">
                <PasswordInput
                  className={classes.page}
                  w="100%"
                  label={t('recovery.security.backup.password')}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={reveal.isError ? problemText(reveal.error) : undefined}
                  visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
                />
                <Button type="submit" loading={reveal.isPending} disabled={password === ''}>
                  {t('recovery.security.backup.reveal')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="lg" component="section" aria-labelledby="regenerate-title">
        <form onSubmit={submitRegenerate} noValidate>
          <Stack gap="sm" align="flex-start">
            <Stack gap={4}>
              <Title order={2} size="h3" id="regenerate-title">
                {t('recovery.security.regenerate.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('recovery.security.regenerate.lead')}
              </Text>
            </Stack>
            <PasswordInput
              className={classes.page}
              w="100%"
              label={t('recovery.security.regenerate.password')}
              autoComplete="current-password"
              required
              value={regeneratePassword}
              onChange={(event) => setRegeneratePassword(event.currentTarget.value)}
              error={regenerate.isError ? problemText(regenerate.error) : undefined}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
            />
            <Button
              type="submit"
              color="red"
              variant="outline"
              loading={regenerate.isPending}
              disabled={regeneratePassword === ''}
            >
              {t('recovery.security.regenerate.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('recovery.security.regenerate.confirmTitle')}
        centered
        // Scroll locking injects a <style> tag without the page's nonce, which the CSP refuses; a short
        // confirmation does not need the page behind it frozen.
        lockScroll={false}
      >
        <Stack gap="md">
          <Text size="sm">{t('recovery.security.regenerate.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('recovery.security.regenerate.cancel')}
            </Button>
            <Button color="red" onClick={confirmRegenerate}>
              {t('recovery.security.regenerate.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function MypageSecurity() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('recovery.security.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('recovery.security.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('recovery.security.emptyBody')}</EmptyStateText>
          </EmptyState>
        }
      >
        {(me) => (
          <Stack gap="lg" className={security.column}>
            <ChangePasswordForm me={me} />
            <BackupCodes me={me} />
            <ActiveSessions />
            <SignInHistory />
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}
