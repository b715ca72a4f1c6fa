// Header of the admin console: the signed-in operator's name and roles with sign-out, or the way to sign in.
import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useMatch, useNavigate } from 'react-router';
import { useOperator, useOperatorSignOut } from '../api/admin';
import { ProblemAlert } from './problem';

export function OperatorActions({ stacked = false }: { stacked?: boolean }) {
  const { t } = useTranslation();
  const operator = useOperator();
  const signOut = useOperatorSignOut();
  const navigate = useNavigate();
  const onLogin = useMatch('/admin/login') !== null;
  // Until the answer is in, nothing: offering sign-in to a signed-in operator for a moment would mislead.
  if (operator.data === undefined) return null;

  let content: ReactNode;
  if (operator.data === null) {
    if (onLogin) return null;
    content = (
      <Button component={Link} to="/admin/login" size="xs" variant="default">
        {t('admin.signIn')}
      </Button>
    );
  } else {
    const roles = operator.data.roles.map((role) => t(`admin.roles.${role}`)).join('・');
    content = (
      <>
        <Text size="sm" data-testid="operator-identity" truncate>
          {t('admin.identity', { name: operator.data.displayName, roles })}
        </Text>
        <Button
          size="xs"
          variant="default"
          loading={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/admin/login') })}
        >
          {t('admin.signOut')}
        </Button>
      </>
    );
  }

  return (
    <>
      {stacked ? (
        <Stack gap="xs" align="stretch">
          {content}
        </Stack>
      ) : (
        <Group gap="sm" wrap="nowrap">
          {content}
        </Group>
      )}
      {signOut.isError && <ProblemAlert error={signOut.error} />}
    </>
  );
}
