// The operator's own sign-in security: binding an authenticator app (TOTP) in place of the mailed code.
import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  PinInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OperatorProfile, useConfirmTotp, useStartTotp } from '../../api/admin';
import { ApiError } from '../../api/client';
import { ProblemAlert, useFieldErrors, useProblemText } from '../../components/problem';
import classes from './admin.module.css';
import { OperatorGate } from './gate';

const CODE_LENGTH = 6;

/** The base32 secret of an otpauth:// URI, which apps without a camera take as a "setup key". */
function secretOf(totpUri: string): string | null {
  try {
    return new URL(totpUri).searchParams.get('secret');
  } catch {
    return null;
  }
}

function ConfirmStep({ totpUri, onRestart }: { totpUri: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const problemText = useProblemText();
  const fieldErrors = useFieldErrors();
  const [code, setCode] = useState('');
  const setupKey = secretOf(totpUri);

  const send = (value: string) => {
    if (value.length !== CODE_LENGTH || confirm.isPending) return;
    confirm.mutate(value, { onError: () => setCode('') });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(code);
  };
  const failure = confirm.isError ? confirm.error : null;
  const { byField } = fieldErrors(failure, ['code']);
  // 401 here is the wrong code: the session itself was checked before the code was.
  const wrong = failure instanceof ApiError && (failure.status === 401 || 'code' in byField);

  return (
    <Stack gap="md">
      <Text size="sm">{t('admin.security.scan')}</Text>
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Code block className={classes.uri} data-testid="totp-uri">
            {totpUri}
          </Code>
          <CopyButton value={totpUri}>
            {({ copied, copy }) => (
              <Button
                className={classes.noShrink}
                size="xs"
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                onClick={copy}
              >
                {copied ? t('admin.security.copied') : t('admin.security.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Paper>
      {setupKey && (
        <Text size="sm">
          {t('admin.security.setupKey')} <Code data-testid="totp-key">{setupKey}</Code>
        </Text>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" align="flex-start">
          <Text component="label" htmlFor="totp-code-1" fw={500} size="sm">
            {t('admin.security.codeLabel')}
          </Text>
          <PinInput
            id="totp-code"
            length={CODE_LENGTH}
            type="number"
            oneTimeCode
            value={code}
            onChange={(value) => {
              setCode(value);
              if (confirm.isError && value !== '') confirm.reset();
            }}
            onComplete={send}
            error={wrong}
            ariaLabel={t('admin.security.codeLabel')}
          />
          {wrong && (
            <Text size="sm" c="red" role="alert">
              {byField.code ?? problemText(failure)}
            </Text>
          )}
          {failure && !wrong && (
            <ProblemAlert error={failure}>
              <Button mt="sm" size="xs" variant="light" color="red" onClick={onRestart}>
                {t('admin.security.restart')}
              </Button>
            </ProblemAlert>
          )}
          <Group>
            <Button type="submit" loading={confirm.isPending} disabled={code.length !== CODE_LENGTH}>
              {t('admin.security.confirm')}
            </Button>
            <Button variant="subtle" onClick={onRestart}>
              {t('admin.security.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function TotpSetup({ operator }: { operator: OperatorProfile }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const problemText = useProblemText();
  const [password, setPassword] = useState('');

  if (operator.totpEnabled) {
    return (
      <Alert color="green" title={t('admin.security.enabledTitle')}>
        {t('admin.security.enabledBody')}
      </Alert>
    );
  }
  if (start.isSuccess) {
    return (
      <ConfirmStep
        totpUri={start.data.totpUri}
        onRestart={() => {
          setPassword('');
          start.reset();
        }}
      />
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(password);
  };
  // A wrong password answers 401; the message belongs under the password field.
  const wrongPassword = start.error instanceof ApiError && start.error.status === 401;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="flex-start">
        <Text size="sm">{t('admin.security.lead')}</Text>
        {start.isError && !wrongPassword && <ProblemAlert error={start.error} />}
        <PasswordInput
          label={t('fields.password.label')}
          description={t('admin.security.passwordHelp')}
          autoComplete="current-password"
          required
          w="100%"
          maw={420}
          value={password}
          onChange={(event) => {
            setPassword(event.currentTarget.value);
            if (start.isError) start.reset();
          }}
          error={wrongPassword ? problemText(start.error) : undefined}
          visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
        />
        <Button type="submit" loading={start.isPending} disabled={password === ''}>
          {t('admin.security.start')}
        </Button>
      </Stack>
    </form>
  );
}

export function AdminSecurity() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.security.title')} about={t('admin.security.about')} section="security">
      {(operator) => (
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('admin.security.totpTitle')}
            </Title>
            <TotpSetup operator={operator} />
          </Stack>
        </Paper>
      )}
    </OperatorGate>
  );
}
