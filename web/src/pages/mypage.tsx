// My Page: the signed-in member's home and profile; for visitors, what each section holds and how to sign in.
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../api/member';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { formatPhone } from '../components/phone';
import { StoreContactLine } from '../components/store-contact';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './member.module.css';
import { EmailChangeForm, ProfileEditor } from './profile-edit';

function ProfileTable({ me, caption }: { me: MemberProfile; caption: string }) {
  const { t, i18n } = useTranslation();
  const registered = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'long',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(me.createdAt));
  const rows = [
    { id: 'name', label: t('fields.name.label'), value: me.name },
    { id: 'nameKana', label: t('fields.nameKana.label'), value: me.nameKana },
    { id: 'loginId', label: t('fields.loginId.label'), value: me.loginId },
    { id: 'email', label: t('fields.email.label'), value: me.email },
    {
      id: 'memberKind',
      label: t('mypage.profile.kind'),
      value: me.companyName
        ? `${t(`fields.memberKind.${me.memberKind}`)} — ${me.companyName}${me.department ? ` ${me.department}` : ''}`
        : t(`fields.memberKind.${me.memberKind}`),
    },
    {
      id: 'address',
      label: t('mypage.profile.address'),
      value: me.postalCode
        ? `〒${me.postalCode} ${me.prefecture}${me.city}${me.street}${me.building ? ` ${me.building}` : ''}`
        : '—',
    },
    { id: 'phone', label: t('mypage.profile.phone'), value: formatPhone(me.phone) || '—' },
    {
      id: 'channel',
      label: t('mypage.profile.channel'),
      value: t(`fields.secondFactorChannel.${me.secondFactorChannel}`),
    },
    {
      id: 'marketing',
      label: t('mypage.profile.marketing'),
      value: me.marketingOptIn ? t('mypage.profile.yes') : t('mypage.profile.no'),
    },
    { id: 'registered', label: t('mypage.profile.registeredOn'), value: registered },
  ];
  return (
    <Table variant="vertical" layout="fixed" withTableBorder className={classes.profile}>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Tbody>
        {rows.map(({ id, label, value }) => (
          <Table.Tr key={id} data-field={id}>
            <Table.Th className={classes.label}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

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

export type MypageSectionName = 'contracts' | 'orders' | 'invoices';

export function MypageSection({ section }: { section: MypageSectionName }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t(`mypage.${section}.title`)}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t(`mypage.${section}.emptyTitle`)} action={<SignInActions />}>
            <EmptyStateText>{t(`mypage.${section}.emptyBody`)}</EmptyStateText>
            <EmptyStateText>{t('mypage.home.emptyTitle')}</EmptyStateText>
          </EmptyState>
        }
      >
        {() => (
          <EmptyState title={t(`mypage.${section}.noneTitle`)}>
            <EmptyStateText>{t(`mypage.${section}.emptyBody`)}</EmptyStateText>
          </EmptyState>
        )}
      </WithMember>
    </Stack>
  );
}

export function MypageProfile() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.profile.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('mypage.profile.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('mypage.profile.emptyBody')}</EmptyStateText>
            <EmptyStateText>{t('mypage.home.emptyTitle')}</EmptyStateText>
          </EmptyState>
        }
      >
        {(me) => (
          <Stack gap="md">
            <ProfileTable me={me} caption={t('mypage.profile.caption')} />
            <ProfileEditor me={me} />
            <EmailChangeForm />
            <StoreContactLine />
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}
