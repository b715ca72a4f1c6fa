// The member's profile as a two-column table (My Page home and the profile page).
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../api/member';
import { formatPhone } from './phone';
import classes from './profile-table.module.css';

/** The member's registered details, each labelled, with the caption naming where it is shown. */
export function ProfileTable({ me, caption }: { me: MemberProfile; caption: string }) {
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
