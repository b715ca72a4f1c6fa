// One member's record for support: status and profile, consents, lock and unlock, second factor, sign-ins; each a card of its own.
import { Anchor, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAdminMember } from '../../../api/admin-accounts';
import { MemberWithdraw } from '../../../components/member-withdraw';
import { ProblemAlert } from '../../../components/problem';
import { OperatorGate } from '../gate';
import { MemberConsents } from './member-consents';
import { MemberLockCard } from './member-lock-card';
import { MemberProfileCard } from './member-profile-card';
import { MemberSecondFactorCard } from './member-second-factor-card';
import { MemberSignIns } from './member-sign-ins';

function MemberRecord({ id }: { id: string }) {
  const { t } = useTranslation();
  const member = useAdminMember(id);
  if (member.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.loading')}</Text>
      </Group>
    );
  }
  if (member.isError) return <ProblemAlert error={member.error} />;
  const m = member.data;
  return (
    <Stack gap="md">
      <MemberProfileCard member={m} />
      {/* Account actions: one card each, so another action is one more line here. */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <MemberLockCard member={m} />
        <MemberSecondFactorCard member={m} />
        <Card withBorder padding="md">
          <Stack gap="sm">
            <Title order={3} size="h5">
              {t('lifecycle.memberWithdraw.title')}
            </Title>
            <MemberWithdraw memberId={m.id} status={m.status} onDone={() => void member.refetch()} />
          </Stack>
        </Card>
      </SimpleGrid>
      <MemberConsents member={m} />
      <MemberSignIns member={m} />
    </Stack>
  );
}

export function AdminMemberDetail() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  return (
    <OperatorGate title={t('admin.member.title')} about={t('admin.members.body')} section="members">
      {() => (
        <Stack gap="md" align="stretch">
          <Group gap="md">
            <Anchor component={Link} to="/admin/members">
              {t('admin.member.back')}
            </Anchor>
            <Anchor component={Link} to={`/admin/billing/members/${encodeURIComponent(memberId)}/ledger`}>
              {t('admin.billing.ledger.fromMember')}
            </Anchor>
          </Group>
          <MemberRecord id={memberId} />
        </Stack>
      )}
    </OperatorGate>
  );
}
