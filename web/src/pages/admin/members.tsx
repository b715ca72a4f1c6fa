// The member search: one box over login ID, name, company, email and phone; each row opens the member's record.
import { Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminMemberSummary, useAdminMembers } from '../../api/admin-accounts';
import { EmptyState, EmptyStateText } from '../../components/empty-state';
import { ProblemAlert } from '../../components/problem';
import { OperatorGate } from './gate';
import { UnlockLoginIdForm } from './unlock-login-id-form';

function MemberTable({ items, total }: { items: AdminMemberSummary[]; total: number }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <EmptyState title={t('admin.members.emptyTitle')}>
        <EmptyStateText>{t('admin.members.emptyBody')}</EmptyStateText>
      </EmptyState>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover withTableBorder>
        <Table.Caption>{t('admin.members.caption', { count: total })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.members.loginId')}</Table.Th>
            <Table.Th>{t('admin.members.name')}</Table.Th>
            <Table.Th>{t('admin.members.company')}</Table.Th>
            <Table.Th>{t('admin.members.email')}</Table.Th>
            <Table.Th>{t('admin.members.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/members/${encodeURIComponent(m.id)}`}>
                  {m.loginId}
                </Anchor>
              </Table.Td>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{m.companyName ?? '—'}</Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={m.status === 'active' ? 'green' : 'gray'}>
                  {t(`admin.members.statuses.${m.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MemberSearch() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const members = useAdminMembers(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };
  return (
    <Stack gap="md">
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('admin.members.search')}
            description={t('admin.members.searchHelp')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            w={{ base: '100%', sm: 420 }}
          />
          <Button type="submit">{t('admin.members.searchButton')}</Button>
        </Group>
      </form>
      {members.isPending ? (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text>{t('admin.loading')}</Text>
        </Group>
      ) : members.isError ? (
        <ProblemAlert error={members.error} />
      ) : (
        <MemberTable items={members.data.items} total={members.data.total} />
      )}
    </Stack>
  );
}

export function AdminMembers() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.members.title')} about={t('admin.members.body')} section="members">
      {() => (
        <>
          <MemberSearch />
          <UnlockLoginIdForm />
        </>
      )}
    </OperatorGate>
  );
}
