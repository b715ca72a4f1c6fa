// The member's status and registered details, as support reads them out on the phone.
import { Badge, Card, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminMember } from '../../../api/admin-accounts';
import { formatPhone } from '../../../components/phone';
import { useDateTime } from './format';

export function MemberProfileCard({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const p = member.profile;
  type Field =
    | 'loginId'
    | 'name'
    | 'memberKind'
    | 'company'
    | 'email'
    | 'phone'
    | 'address'
    | 'marketing'
    | 'locale'
    | 'createdAt'
    | 'confirmedAt';
  const rows: [Field, string][] = [
    ['loginId', member.loginId],
    ['name', `${member.name}（${member.nameKana}）`],
    ['memberKind', t(`admin.member.kinds.${p.memberKind}`)],
    ['company', [p.companyName, p.department].filter(Boolean).join(' ') || '—'],
    ['email', member.email],
    ['phone', formatPhone(p.phone) || '—'],
    ['address', [`〒${p.postalCode}`, p.prefecture, p.city, p.street, p.building ?? ''].join(' ').trim()],
    ['marketing', p.marketingOptIn ? t('admin.member.yes') : t('admin.member.no')],
    ['locale', member.locale === 'en' ? 'English' : '日本語'],
    ['createdAt', at(member.createdAt)],
    ['confirmedAt', member.confirmedAt ? at(member.confirmedAt) : '—'],
  ];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('admin.member.profile')}{' '}
        <Badge variant="light" color={member.status === 'active' ? 'green' : 'gray'}>
          {t(`admin.members.statuses.${member.status}`)}
        </Badge>
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th w={180}>{t(`admin.member.fields.${key}`)}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
