// My Page: what each section will show once members can sign in, and whom to contact until then.
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { StoreContactLine } from '../components/store-contact';

export function MypageHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.home.title')}</Title>
      <EmptyState title={t('mypage.home.emptyTitle')}>
        <EmptyStateText>{t('mypage.home.emptyBody')}</EmptyStateText>
        <StoreContactLine />
      </EmptyState>
    </Stack>
  );
}

export type MypageSectionName = 'contracts' | 'orders' | 'invoices' | 'profile';

export function MypageSection({ section }: { section: MypageSectionName }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t(`mypage.${section}.title`)}</Title>
      <EmptyState title={t(`mypage.${section}.emptyTitle`)}>
        <EmptyStateText>{t(`mypage.${section}.emptyBody`)}</EmptyStateText>
        <EmptyStateText>{t('mypage.home.emptyTitle')}</EmptyStateText>
        <StoreContactLine />
      </EmptyState>
    </Stack>
  );
}
