// Which versions of the terms of use and the privacy policy the member agreed to, and when.
import { Card, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminMember } from '../../../api/admin-accounts';
import { useDateTime } from './format';

export function MemberConsents({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const at = useDateTime();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('admin.member.consents')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.member.consentKind')}</Table.Th>
            <Table.Th>{t('admin.member.consentVersion')}</Table.Th>
            <Table.Th>{t('admin.member.consentAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {member.consents.map((c) => (
            <Table.Tr key={`${c.kind}-${c.version}-${c.agreedAt}`}>
              <Table.Td>{t(`admin.member.documents.${c.kind}`)}</Table.Td>
              <Table.Td>{c.version}</Table.Td>
              <Table.Td>{at(c.agreedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
