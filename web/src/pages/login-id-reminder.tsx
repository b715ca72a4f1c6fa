// Forgotten login ID: the member enters an email address and is mailed the login IDs registered with it.
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequestLoginIdReminder } from '../api/recovery';
import { ProblemAlert, useFieldErrors } from '../components/problem';
import classes from './member.module.css';

export function LoginIdReminderPage() {
  const { t } = useTranslation();
  const reminder = useRequestLoginIdReminder();
  const fieldErrors = useFieldErrors();
  const [email, setEmail] = useState('');

  const back = (
    <Text size="sm">
      <Anchor component={Link} to="/login">
        {t('recovery.links.backToLogin')}
      </Anchor>
    </Text>
  );

  if (reminder.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('recovery.loginIdReminder.sentTitle')}</Title>
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('recovery.loginIdReminder.sentBody')}</Text>
            <Text size="sm">{t('recovery.loginIdReminder.noMail')}</Text>
            <Button component={Link} to="/inquiry?category=login_id" variant="light" size="xs">
              {t('recovery.loginIdReminder.contactForm')}
            </Button>
          </Stack>
        </Paper>
        {back}
      </Stack>
    );
  }

  const server = reminder.isError ? fieldErrors(reminder.error, ['email']) : { byField: {}, other: [] };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reminder.mutate(email.trim());
  };

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('recovery.loginIdReminder.title')}</Title>
        <Text>{t('recovery.loginIdReminder.lead')}</Text>
      </Stack>
      {reminder.isError && server.byField.email === undefined && <ProblemAlert error={reminder.error} />}
      <Paper withBorder p="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              type="email"
              label={t('fields.email.label')}
              autoComplete="email"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={server.byField.email}
            />
            <Group>
              <Button type="submit" loading={reminder.isPending} disabled={email.trim() === ''}>
                {t('recovery.loginIdReminder.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        {t('recovery.loginIdReminder.noMail')}{' '}
        <Anchor component={Link} to="/inquiry?category=login_id">
          {t('recovery.loginIdReminder.contactForm')}
        </Anchor>
      </Text>
      {back}
    </Stack>
  );
}
