// My Page: the signed-in member's home; for visitors, what each section holds and how to sign in.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { ProfileTable } from '../components/profile-table';
import { StoreContactLine } from '../components/store-contact';
import { SignInActions, WithMember } from '../components/with-member';

export function MypageHome() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.home.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('mypage.home.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('mypage.home.emptyBody')}</EmptyStateText>
            <StoreContactLine />
          </EmptyState>
        }
      >
        {(me) => (
          <Stack gap="lg">
            <Text size="lg">{t('mypage.home.welcome', { name: me.name })}</Text>
            <ProfileTable me={me} caption={t('mypage.profile.title')} />
            <EmptyState title={t('mypage.home.nothingYetTitle')}>
              <EmptyStateText>{t('mypage.home.nothingYetBody')}</EmptyStateText>
              <StoreContactLine />
            </EmptyState>
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}
