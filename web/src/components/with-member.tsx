// What member pages share: the wait, failure and signed-out state of GET /api/mypage/me, and a visitor's sign-in buttons.
import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MemberProfile, useMe } from '../api/member';

/** Sign-in and registration buttons for a visitor. */
export function SignInActions() {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button component={Link} to="/login">
        {t('account.signIn')}
      </Button>
      <Button component={Link} to="/register" variant="default">
        {t('account.register')}
      </Button>
    </Group>
  );
}

/** Renders the page for the member, the visitor's empty state, or the wait and failure of GET /api/mypage/me. */
export function WithMember({
  signedOut,
  children,
}: {
  signedOut: ReactNode;
  children: (me: MemberProfile) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, isPending, isError, refetch } = useMe();
  if (isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('mypage.loading')}</Text>
      </Group>
    );
  }
  if (isError) {
    return (
      <Alert color="red" title={t('mypage.loadError.title')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('mypage.loadError.body')}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void refetch()}>
            {t('mypage.loadError.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return data === null ? signedOut : children(data);
}
