// Admin console sections: each says what it is for and that an operator must sign in to use it.
import { Code, Stack, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../components/empty-state';

export type AdminSectionName = 'dashboard' | 'members' | 'mailbox';

export function AdminSection({ section }: { section: AdminSectionName }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t(`admin.${section}.title`)}</Title>
      <EmptyState title={t('admin.signInRequired')}>
        <EmptyStateText>{t(`admin.${section}.body`)}</EmptyStateText>
        <EmptyStateText>
          <Trans i18nKey="admin.operatorAccount" components={{ code: <Code /> }} />
        </EmptyStateText>
      </EmptyState>
    </Stack>
  );
}
