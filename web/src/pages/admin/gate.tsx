// Wraps every admin page: the wait for GET /api/admin/me, the signed-out and not-allowed states, or the page itself.
import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminSectionName, mayOpen, type OperatorProfile, useOperator } from '../../api/admin';
import { EmptyState, EmptyStateText } from '../../components/empty-state';

export interface OperatorGateProps {
  /** The page's heading, shown in every state so the visitor knows where they are. */
  title: string;
  /** What the section is for, told to a signed-out visitor. */
  about: string;
  /** The section the page belongs to; omitted for pages every operator may open. */
  section?: AdminSectionName;
  children: (operator: OperatorProfile) => ReactNode;
}

export function OperatorGate({ title, about, section, children }: OperatorGateProps) {
  const { t } = useTranslation();
  const { data, isPending, isError, refetch } = useOperator();

  let body: ReactNode;
  if (isPending) {
    body = (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  } else if (isError) {
    body = (
      <Alert color="red" title={t('admin.loadError.title')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('admin.loadError.body')}</Text>
          <Button size="xs" variant="light" color="red" onClick={() => void refetch()}>
            {t('admin.loadError.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  } else if (data === null) {
    body = (
      <EmptyState
        title={t('admin.signInRequired')}
        action={
          <Button component={Link} to="/admin/login">
            {t('admin.signIn')}
          </Button>
        }
      >
        <EmptyStateText>{about}</EmptyStateText>
        <EmptyStateText>{t('admin.operatorAccount')}</EmptyStateText>
      </EmptyState>
    );
  } else if (section !== undefined && !mayOpen(data.roles, section)) {
    body = (
      <EmptyState title={t('admin.forbidden.title')}>
        <EmptyStateText>{t('admin.forbidden.body')}</EmptyStateText>
      </EmptyState>
    );
  } else {
    return (
      <Stack gap="lg">
        <Title order={1}>{title}</Title>
        {children(data)}
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      {body}
    </Stack>
  );
}
