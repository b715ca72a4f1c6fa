// Unlocks a login ID as a caller gave it (from an inquiry), whether or not a member holds it, after an identity check.
import { Alert, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnlockLoginId } from '../../api/admin-accounts';
import { IdentityCheckForm } from '../../components/identity-check-form';

export function UnlockLoginIdForm() {
  const { t } = useTranslation();
  const unlock = useUnlockLoginId();
  const [loginId, setLoginId] = useState('');
  const [open, setOpen] = useState(false);
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('admin.members.unlockById.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('admin.members.unlockById.lead')}
        </Text>
        <TextInput
          label={t('admin.members.loginId')}
          value={loginId}
          onChange={(event) => setLoginId(event.currentTarget.value)}
          maxLength={64}
          w={{ base: '100%', sm: 320 }}
        />
        {unlock.isSuccess ? (
          <Alert color="green" role="status">
            {unlock.data.memberId
              ? t('admin.members.unlockById.doneMember', { loginId: unlock.data.loginIdKey })
              : t('admin.members.unlockById.doneUnknown', { loginId: unlock.data.loginIdKey })}
          </Alert>
        ) : null}
        {open ? (
          <IdentityCheckForm
            submitLabel={t('admin.members.unlockById.submit')}
            pending={unlock.isPending}
            error={unlock.error}
            onCancel={() => setOpen(false)}
            onSubmit={(identityCheck) =>
              unlock.mutate({ loginId, identityCheck }, { onSuccess: () => setOpen(false) })
            }
          />
        ) : (
          <Button
            variant="light"
            w="fit-content"
            disabled={loginId.trim() === ''}
            onClick={() => {
              unlock.reset();
              setOpen(true);
            }}
          >
            {t('admin.members.unlockById.open')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
