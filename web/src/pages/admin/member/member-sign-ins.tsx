// The member's recent sign-in attempts, as the member record carries them (from the audit log).
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdminMember } from '../../../api/admin-accounts';
import { useDateTime } from './format';

/**
 * The sign-in history slot of the member page. It shows the attempts `GET /api/admin/members/{id}` already
 * answers; a dedicated sign-in history route (time, IP, browser) can replace its source without touching
 * the page around it.
 */
export function MemberSignIns({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const at = useDateTime();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('admin.member.signIns.title')}
      </Title>
      {member.signIns.length === 0 ? (
        <Text c="dimmed">{t('admin.member.signIns.none')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.member.signIns.at')}</Table.Th>
              <Table.Th>{t('admin.member.signIns.outcome')}</Table.Th>
              <Table.Th>{t('admin.member.signIns.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {member.signIns.map((s) => (
              <Table.Tr key={`${s.at}-${s.outcome}-${s.reason ?? ''}`}>
                <Table.Td>{at(s.at)}</Table.Td>
                <Table.Td>{s.outcome}</Table.Td>
                <Table.Td>{s.reason ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
