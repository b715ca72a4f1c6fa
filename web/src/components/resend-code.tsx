// "Send a new code": enabled 60 seconds after the last code went out, with the seconds left on the button.
import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResendCode } from '../api/member';
import { ProblemAlert } from './problem';

/** The server refuses earlier resends too; the countdown only saves the member a pointless click. */
const RESEND_SECONDS = 60;

export function ResendCode({ channel }: { channel: 'email' | 'sms' }) {
  const { t } = useTranslation();
  const resend = useResendCode();
  const [availableAt, setAvailableAt] = useState(() => Date.now() + RESEND_SECONDS * 1000);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.ceil((availableAt - now) / 1000));

  const send = () =>
    resend.mutate(undefined, {
      onSuccess: () => {
        setAvailableAt(Date.now() + RESEND_SECONDS * 1000);
        setNow(Date.now());
      },
    });

  return (
    <Stack gap={4} align="flex-start">
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={send}
        disabled={left > 0}
        loading={resend.isPending}
      >
        {left > 0 ? t('login.code.resendIn', { seconds: left }) : t('login.code.resend')}
      </Button>
      {resend.isSuccess && (
        <Text size="sm" c="green.8" role="status">
          {t(channel === 'sms' ? 'login.code.resentSms' : 'login.code.resentEmail', {
            hint: resend.data.destinationHint,
          })}
        </Text>
      )}
      {resend.isError && <ProblemAlert error={resend.error} />}
    </Stack>
  );
}
