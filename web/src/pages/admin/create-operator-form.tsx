// The owner's form for a new operator; the temporary password is shown once, to be handed over by the owner.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorRole } from '../../api/admin';
import { useCreateOperator } from '../../api/admin-accounts';
import { ProblemAlert, useFieldErrors } from '../../components/problem';

const roles: OperatorRole[] = ['owner', 'billing', 'support', 'catalog'];
const fields = ['loginId', 'displayName', 'email', 'roles', 'locale'] as const;

export function CreateOperatorForm() {
  const { t } = useTranslation();
  const create = useCreateOperator();
  const fieldErrors = useFieldErrors();
  const [loginId, setLoginId] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [chosen, setChosen] = useState<OperatorRole[]>(['support']);
  const [locale, setLocale] = useState<'ja' | 'en'>('ja');
  const { byField, other } = fieldErrors(create.error, fields);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { loginId, displayName, email, roles: chosen, locale },
      {
        onSuccess: () => {
          setLoginId('');
          setDisplayName('');
          setEmail('');
        },
      },
    );
  };
  return (
    <Card withBorder padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('admin.operators.create.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.operators.create.lead')}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label={t('admin.operators.create.loginId')}
              value={loginId}
              onChange={(e) => setLoginId(e.currentTarget.value)}
              error={byField.loginId}
              required
            />
            <TextInput
              label={t('admin.operators.create.displayName')}
              value={displayName}
              onChange={(e) => setDisplayName(e.currentTarget.value)}
              error={byField.displayName}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              type="email"
              label={t('admin.operators.create.email')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={byField.email}
              required
            />
            <Select
              label={t('admin.operators.create.locale')}
              data={[
                { value: 'ja', label: '日本語' },
                { value: 'en', label: 'English' },
              ]}
              value={locale}
              onChange={(value) => setLocale(value === 'en' ? 'en' : 'ja')}
              allowDeselect={false}
            />
          </Group>
          <Checkbox.Group
            label={t('admin.operators.roles')}
            value={chosen}
            onChange={(value) => setChosen(value as OperatorRole[])}
            error={
              byField.roles ?? (chosen.length === 0 ? t('admin.operators.create.rolesRequired') : undefined)
            }
            required
          >
            <Group gap="md" mt="xs">
              {roles.map((role) => (
                <Checkbox key={role} value={role} label={t(`admin.roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {create.isError && Object.keys(byField).length === 0 ? <ProblemAlert error={create.error} /> : null}
          {other.length > 0 ? <Alert color="red">{other.join(' ')}</Alert> : null}
          {create.isSuccess ? (
            <Alert
              color="green"
              title={t('admin.operators.create.done', { loginId: create.data.operator.loginId })}
            >
              <Stack gap="xs">
                <Text size="sm">{t('admin.operators.create.passwordOnce')}</Text>
                <Group gap="sm">
                  <Code fz="md" data-testid="temporary-password">
                    {create.data.temporaryPassword}
                  </Code>
                  <CopyButton value={create.data.temporaryPassword}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy}>
                        {copied ? t('admin.operators.create.copied') : t('admin.operators.create.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <Button type="submit" w="fit-content" loading={create.isPending} disabled={chosen.length === 0}>
            {t('admin.operators.create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
