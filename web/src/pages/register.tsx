// Member registration: the form, the "confirmation mail sent" page, and the page the mailed link opens.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type MemberRegistration, useConfirmEmail, useRegisterMember } from '../api/member';
import { PasswordRules, passwordRules } from '../components/password-rules';
import { ProblemAlert, useFieldErrors, useProblemText } from '../components/problem';
import { ResendConfirmation } from '../components/resend-confirmation';
import classes from './member.module.css';

/** The version of the terms of use and privacy policy the member accepts, recorded with the registration. */
export const TERMS_VERSION = '2026-04-01';

const apiFields = ['loginId', 'password', 'name', 'nameKana', 'email', 'termsVersion'] as const;
type Values = Omit<MemberRegistration, 'termsVersion'>;
type LocalErrors = Partial<Record<'password' | 'terms' | 'privacy', string>>;

const empty: Values = { loginId: '', password: '', name: '', nameKana: '', email: '' };

function RegistrationSent({ loginId, email }: { loginId: string; email: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('register.sent.title')}</Title>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Text>{t('register.sent.body', { email })}</Text>
          <Text size="sm" c="dimmed">
            {t('register.sent.notArrived')}
          </Text>
          <ResendConfirmation loginId={loginId} />
        </Stack>
      </Paper>
    </Stack>
  );
}

export function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegisterMember();
  const fieldErrors = useFieldErrors();
  const [values, setValues] = useState<Values>(empty);
  const [terms, setTerms] = useState(false);
  const [privacy, setPrivacy] = useState(false);
  const [local, setLocal] = useState<LocalErrors>({});

  if (register.isSuccess) return <RegistrationSent loginId={register.data.loginId} email={values.email} />;

  const server = register.isError ? fieldErrors(register.error, apiFields) : { byField: {}, other: [] };
  const errorOf = (field: keyof Values) => local[field as keyof LocalErrors] ?? server.byField[field];
  const set = (field: keyof Values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((previous) => ({ ...previous, [field]: value }));
    // A local verdict on the password goes stale as soon as either of the two fields it compares changes.
    if (field === 'password' || field === 'loginId') setLocal(({ password: _, ...rest }) => rest);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: LocalErrors = {};
    if (!terms) found.terms = t('register.consent.termsRequired');
    if (!privacy) found.privacy = t('register.consent.privacyRequired');
    // The server's first password check does not know this rule; everything else it checks itself.
    const containsId = passwordRules(values.password, values.loginId).find((r) => r.rule === 'notLoginId');
    if (values.password !== '' && containsId && !containsId.met)
      found.password = t('register.passwordContainsLoginId');
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    register.mutate({
      loginId: values.loginId.trim(),
      password: values.password,
      name: values.name.trim(),
      nameKana: values.nameKana.trim(),
      email: values.email.trim(),
      termsVersion: TERMS_VERSION,
    });
  };

  // Field errors are shown at their fields; the Alert is for what no field can explain.
  const showAlert = register.isError && Object.keys(server.byField).length === 0;

  return (
    <Stack gap="lg" className={classes.page}>
      <Stack gap="xs">
        <Title order={1}>{t('register.title')}</Title>
        <Text>{t('register.lead')}</Text>
      </Stack>
      {showAlert && <ProblemAlert error={register.error} title={t('register.failed')} />}
      {server.other.length > 0 && (
        <Alert color="red" role="alert">
          {server.other.join(' ')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('fields.loginId.label')}
            description={t('fields.loginId.help')}
            autoComplete="username"
            required
            value={values.loginId}
            onChange={set('loginId')}
            error={errorOf('loginId')}
          />
          <PasswordInput
            label={t('fields.password.label')}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
            error={errorOf('password')}
            visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
          />
          <PasswordRules id="password-rules" password={values.password} loginId={values.loginId} />
          <TextInput
            label={t('fields.name.label')}
            description={t('fields.name.help')}
            autoComplete="name"
            required
            value={values.name}
            onChange={set('name')}
            error={errorOf('name')}
          />
          <TextInput
            label={t('fields.nameKana.label')}
            description={t('fields.nameKana.help')}
            required
            value={values.nameKana}
            onChange={set('nameKana')}
            error={errorOf('nameKana')}
          />
          <TextInput
            type="email"
            label={t('fields.email.label')}
            description={t('fields.email.help')}
            autoComplete="email"
            required
            value={values.email}
            onChange={set('email')}
            error={errorOf('email')}
          />
          <Checkbox
            label={t('register.consent.terms')}
            checked={terms}
            onChange={(event) => {
              setTerms(event.currentTarget.checked);
              setLocal(({ terms: _, ...rest }) => rest);
            }}
            error={local.terms ?? server.byField.termsVersion}
          />
          <Checkbox
            label={t('register.consent.privacy')}
            checked={privacy}
            onChange={(event) => {
              setPrivacy(event.currentTarget.checked);
              setLocal(({ privacy: _, ...rest }) => rest);
            }}
            error={local.privacy}
          />
          <Group>
            <Button type="submit" loading={register.isPending}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Text size="sm">
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login">
          {t('register.toLogin')}
        </Anchor>
      </Text>
    </Stack>
  );
}

export function RegisterConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail(token);
  const problemText = useProblemText();

  if (token !== '' && confirm.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('confirm.pending')}</Text>
      </Group>
    );
  }

  if (confirm.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('confirm.doneTitle')}</Title>
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('confirm.doneBody')}</Text>
            <Button component={Link} to="/login">
              {t('confirm.toLogin')}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('confirm.failedTitle')}</Title>
      <Alert color="red" role="alert">
        {token === '' ? t('confirm.noToken') : problemText(confirm.error)}
      </Alert>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('resend.title')}
          </Title>
          <Text size="sm">{t('resend.lead')}</Text>
          <ResendConfirmation />
        </Stack>
      </Paper>
    </Stack>
  );
}
