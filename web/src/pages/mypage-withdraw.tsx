// My Page withdrawal (退会): what blocks it, or the password and a confirmation; by request, the way to the inquiry form.
import { Alert, Button, Checkbox, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { type MyWithdrawal, useMyWithdrawal, useWithdrawMe } from '../api/lifecycle';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { ProblemAlert } from '../components/problem';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './member.module.css';

/** The inquiry form with the withdrawal category chosen. */
export const withdrawalInquiryPath = '/inquiry?category=withdrawal';

function Reasons({ status }: { status: MyWithdrawal }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Alert color="yellow" title={t('lifecycle.withdraw.blockedTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('lifecycle.withdraw.blockedLead')}</Text>
        <List size="sm">
          {status.reasons.map((reason) => (
            <List.Item key={reason.en}>{reason[lang]}</List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}

function WithdrawForm({ status, onDone }: { status: MyWithdrawal; onDone: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawMe();
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const wrongPassword = withdraw.error instanceof ApiError && withdraw.error.code === 'password_incorrect';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.mutate(password, {
      onSuccess: onDone,
      onError: () => setPassword(''),
    });
  };

  return (
    <Paper withBorder p="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('lifecycle.withdraw.formTitle')}
          </Title>
          <List size="sm" spacing={4}>
            <List.Item>{t('lifecycle.withdraw.effectSignIn')}</List.Item>
            <List.Item>{t('lifecycle.withdraw.effectMail')}</List.Item>
            <List.Item>{t('lifecycle.withdraw.effectData', { days: status.retentionDays })}</List.Item>
          </List>
          {withdraw.isError && !wrongPassword && <ProblemAlert error={withdraw.error} />}
          <PasswordInput
            label={t('lifecycle.withdraw.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              if (withdraw.isError) withdraw.reset();
            }}
            error={wrongPassword ? t('lifecycle.withdraw.wrongPassword') : undefined}
          />
          <Checkbox
            label={t('lifecycle.withdraw.understand')}
            checked={understood}
            onChange={(event) => setUnderstood(event.currentTarget.checked)}
          />
          <Button
            type="submit"
            color="red"
            loading={withdraw.isPending}
            disabled={!understood || password === ''}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('lifecycle.withdraw.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function WithdrawBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const status = useMyWithdrawal();
  if (status.isPending) return <Text>{t('mypage.loading')}</Text>;
  if (status.isError) return <ProblemAlert error={status.error} />;
  if (status.data.mode === 'by-request') {
    return (
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            {t('lifecycle.withdraw.byRequestTitle')}
          </Title>
          <Text>{t('lifecycle.withdraw.byRequestBody')}</Text>
          {status.data.reasons.length > 0 && <Reasons status={status.data} />}
          <Button component={Link} to={withdrawalInquiryPath}>
            {t('lifecycle.withdraw.toInquiry')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  if (status.data.reasons.length > 0) return <Reasons status={status.data} />;
  return <WithdrawForm status={status.data} onDone={onDone} />;
}

export function MypageWithdraw() {
  const { t } = useTranslation();
  // Kept here: once withdrawn the member is signed out, and WithMember would show the visitor's page.
  const [done, setDone] = useState(false);
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('lifecycle.withdraw.title')}</Title>
      {done ? (
        <Alert color="green" title={t('lifecycle.withdraw.doneTitle')} role="status">
          {t('lifecycle.withdraw.doneBody')}
        </Alert>
      ) : (
        <WithMember
          signedOut={
            <EmptyState title={t('lifecycle.withdraw.emptyTitle')} action={<SignInActions />}>
              <EmptyStateText>{t('lifecycle.withdraw.emptyBody')}</EmptyStateText>
            </EmptyState>
          }
        >
          {() => (
            <Stack gap="md">
              <Text>{t('lifecycle.withdraw.lead')}</Text>
              <WithdrawBody onDone={() => setDone(true)} />
            </Stack>
          )}
        </WithMember>
      )}
    </Stack>
  );
}
