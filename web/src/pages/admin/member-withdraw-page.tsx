// /admin/members/:memberId/withdraw: the withdraw action for one member, until the member detail page hosts it.
import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, apiError } from '../../api/client';
import { MemberWithdraw } from '../../components/member-withdraw';
import { ProblemAlert } from '../../components/problem';
import { OperatorGate } from './gate';

function WithdrawMemberBody({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const member = useQuery({
    queryKey: ['admin', 'member', memberId],
    queryFn: async ({ signal }) => {
      const { data, error, response } = await api.GET('/api/admin/members/{id}', {
        params: { path: { id: memberId } },
        signal,
      });
      if (data === undefined) throw apiError(response, '/api/admin/members/{id}', error);
      return data;
    },
    retry: false,
  });
  if (member.isPending) return <Text>{t('admin.loading')}</Text>;
  if (member.isError) return <ProblemAlert error={member.error} />;
  const m = member.data;
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>
          {m.name} （{m.loginId}）
        </Text>
        <Text size="sm">{m.email}</Text>
        <Text size="sm">{t(`lifecycle.status.${m.status}`)}</Text>
        <MemberWithdraw memberId={m.id} status={m.status} onDone={() => void member.refetch()} />
      </Stack>
    </Paper>
  );
}

export function AdminMemberWithdrawPage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  return (
    <OperatorGate title={t('lifecycle.memberWithdraw.pageTitle')} about={t('lifecycle.memberWithdraw.about')}>
      {() => <WithdrawMemberBody memberId={memberId} />}
    </OperatorGate>
  );
}
