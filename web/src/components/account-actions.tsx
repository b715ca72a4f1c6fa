// Header links of the store and My Page: sign in and register for visitors, My Page and sign out for members.
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useMatch } from 'react-router';
import { useMe, useSignOut } from '../api/member';
import { ProblemAlert } from './problem';

export function AccountActions({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  const inMypage = useMatch({ path: '/mypage', end: false }) !== null;
  // Until the answer is in, no buttons: showing "sign in" to a member for a moment would mislead.
  if (me.data === undefined) return null;

  const buttons =
    me.data === null ? (
      <>
        <Button component={Link} to="/login" size="xs" variant="default">
          {t('account.signIn')}
        </Button>
        <Button component={Link} to="/register" size="xs">
          {t('account.register')}
        </Button>
      </>
    ) : (
      <>
        {!inMypage && (
          <Button component={Link} to="/mypage" size="xs" variant="default">
            {t('area.mypage')}
          </Button>
        )}
        <Button size="xs" variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('account.signOut')}
        </Button>
      </>
    );

  return (
    <>
      {stacked ? (
        <Stack gap="xs" align="stretch">
          {buttons}
        </Stack>
      ) : (
        <Group gap="xs" wrap="nowrap">
          {buttons}
        </Group>
      )}
      {signOut.isError && <ProblemAlert error={signOut.error} />}
    </>
  );
}
