// The member's sign-in history for support: when, with which step, from which address and browser.
import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type AdminMember, useAdminMemberSignIns } from '../../../api/admin-accounts';
import { ProblemAlert } from '../../../components/problem';
import { useDateTime } from './format';

/** The last 20 sign-ins and failed steps from `member_sign_ins`, as the member sees them on My Page. */
export function MemberSignIns({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const signIns = useAdminMemberSignIns(member.id);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('admin.member.signIns.title')}
      </Title>
      {signIns.isError ? (
        <ProblemAlert error={signIns.error} />
      ) : !signIns.data ? (
        <Text c="dimmed">{t('mypageSessions.loading')}</Text>
      ) : signIns.data.length === 0 ? (
        <Text c="dimmed">{t('admin.member.signIns.none')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.member.signIns.at')}</Table.Th>
              <Table.Th>{t('admin.member.signIns.outcome')}</Table.Th>
              <Table.Th>{t('mypageSessions.ipAddress')}</Table.Th>
              <Table.Th>{t('mypageSessions.browser')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {signIns.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{at(s.at)}</Table.Td>
                <Table.Td>
                  {t('admin.member.signIns.result', {
                    outcome: t(`mypageSessions.signIns.${s.outcome}`),
                    method: t(`mypageSessions.signIns.method.${s.method}`),
                  })}
                </Table.Td>
                <Table.Td>{s.ipAddress ?? t('mypageSessions.unknown')}</Table.Td>
                <Table.Td>{s.browser || t('mypageSessions.unknown')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
