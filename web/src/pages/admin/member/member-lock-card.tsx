// The lock of the member's login ID and the unlock action, which asks for the identity check first.
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdminMember, useUnlockMember } from '../../../api/admin-accounts';
import { IdentityCheckForm } from '../../../components/identity-check-form';
import { useDateTime } from './format';

export function MemberLockCard({ member }: { member: AdminMember }) {
  const { t } = useTranslation();
  const at = useDateTime();
  const unlock = useUnlockMember(member.id);
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.member.lock.title')}
        </Title>
        {member.lock ? (
          <Alert color="red" title={t('admin.member.lock.locked')}>
            {member.lock.lockedUntil
              ? t('admin.member.lock.until', {
                  at: at(member.lock.lockedAt),
                  until: at(member.lock.lockedUntil),
                })
              : t('admin.member.lock.operatorOnly', { at: at(member.lock.lockedAt) })}
          </Alert>
        ) : (
          <Text>{t('admin.member.lock.notLocked', { count: member.failedSignIns })}</Text>
        )}
        {unlock.isSuccess && !member.lock ? (
          <Alert color="green" role="status">
            {t('admin.member.lock.done')}
          </Alert>
        ) : null}
        {member.lock && open ? (
          <IdentityCheckForm
            submitLabel={t('admin.member.lock.submit')}
            pending={unlock.isPending}
            error={unlock.error}
            onCancel={() => setOpen(false)}
            onSubmit={(check) => unlock.mutate(check, { onSuccess: () => setOpen(false) })}
          />
        ) : null}
        {member.lock && !open ? (
          <Button w="fit-content" color="red" variant="light" onClick={() => setOpen(true)}>
            {t('admin.member.lock.open')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
