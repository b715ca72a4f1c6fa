// The member's second factor and its reset (email codes to the registered address), after an identity check.
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminMember, useResetMemberSecondFactor } from '../../../api/admin-accounts';
import { IdentityCheckForm } from '../../../components/identity-check-form';
import { formatPhone } from '../../../components/phone';

export function MemberSecondFactorCard({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const reset = useResetMemberSecondFactor(member.id);
  const [open, setOpen] = useState(false);
  const sf = member.secondFactor;
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.member.secondFactor.title')}
        </Title>
        <Text>
          {sf.channel === 'sms'
            ? t('admin.member.secondFactor.sms', { phone: formatPhone(sf.mobilePhone) || '—' })
            : t('admin.member.secondFactor.email', { email: member.email })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.member.secondFactor.backupCodes', { count: sf.unusedBackupCodes })}
        </Text>
        {reset.isSuccess ? (
          <Alert color="green" role="status">
            {t('admin.member.secondFactor.done', {
              codes: reset.data.backupCodesRevoked,
              sessions: reset.data.sessionsEnded,
            })}
          </Alert>
        ) : null}
        <Text size="sm">{t('admin.member.secondFactor.explain')}</Text>
        {open ? (
          <IdentityCheckForm
            submitLabel={t('admin.member.secondFactor.submit')}
            pending={reset.isPending}
            error={reset.error}
            onCancel={() => setOpen(false)}
            onSubmit={(check) => reset.mutate(check, { onSuccess: () => setOpen(false) })}
          />
        ) : (
          <Button
            w="fit-content"
            color="red"
            variant="light"
            onClick={() => {
              reset.reset();
              setOpen(true);
            }}
          >
            {t('admin.member.secondFactor.open')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
