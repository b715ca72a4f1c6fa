// Member registration: the full form (member kind, contact, address, code channel, both consents), the "confirmation mail sent" page, and the page the mailed link opens.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { registrationSchema } from '../../../src/domain/forms/member-fields';
import { DEFAULT_PASSWORD_POLICY_PRESET } from '../../../src/domain/forms/password-policy';
import { useConfirmEmail, useCurrentTerms, useRegisterMember } from '../api/member';
import {
  ChannelFields,
  ContactFields,
  type ContactValues,
  contactFields,
} from '../components/address-fields';
import {
  nextAfterRegistration,
  rememberNextAfterRegistration,
  useAfterSignIn,
  withNext,
} from '../components/after-sign-in';
import { DevMailboxLink } from '../components/dev-mailbox-link';
import { focusFirstError, useFormErrors, useSchemaErrors } from '../components/form-check';
import { PasswordRules, usePasswordProblem } from '../components/password-rules';
import { ProblemAlert, useFieldErrors, useProblemText } from '../components/problem';
import { ResendConfirmation } from '../components/resend-confirmation';
import classes from './member.module.css';

const apiFields = [
  'loginId',
  'password',
  'name',
  'nameKana',
  'email',
  ...contactFields,
  'secondFactorChannel',
  'mobilePhone',
  'marketingOptIn',
  'termsVersion',
  'privacyPolicyVersion',
  'registrationNumber',
  'installKey',
] as const;

interface Values extends ContactValues {
  loginId: string;
  password: string;
  name: string;
  nameKana: string;
  email: string;
  secondFactorChannel: 'email' | 'sms';
  mobilePhone: string;
  marketingOptIn: boolean;
  registrationNumber: string;
  installKey: string;
}

const empty: Values = {
  loginId: '',
  password: '',
  name: '',
  nameKana: '',
  email: '',
  memberKind: 'individual',
  companyName: '',
  department: '',
  postalCode: '',
  prefecture: '',
  city: '',
  street: '',
  building: '',
  phone: '',
  secondFactorChannel: 'email',
  mobilePhone: '',
  marketingOptIn: false,
  registrationNumber: '',
  installKey: '',
};

/** Blank optional fields are sent as null, which the API stores as "not given". */
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A consent checkbox whose label links to the document, which opens in a new tab so the form keeps its input. */
function ConsentLabel({ kind, version }: { kind: 'terms' | 'privacy'; version: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`register.consent.${kind}Before`)}
      <Anchor component={Link} to={`/terms/${kind}`} target="_blank" rel="noopener">
        {t(`register.consent.${kind}Link`)}
      </Anchor>
      {t(`register.consent.${kind}After`)}
      {version ? t('register.consent.version', { version }) : ''}
    </>
  );
}

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
      <DevMailboxLink />
    </Stack>
  );
}

/** What the form sends: blank optional fields as null, the company only for a corporation, the mobile only for SMS. */
function registrationPayload(values: Values, versions: { terms: string; privacy: string }) {
  const corporate = values.memberKind === 'corporate';
  return {
    memberKind: values.memberKind,
    loginId: values.loginId.trim(),
    password: values.password,
    name: values.name.trim(),
    nameKana: values.nameKana.trim(),
    email: values.email.trim(),
    companyName: corporate ? orNull(values.companyName) : null,
    department: corporate ? orNull(values.department) : null,
    postalCode: values.postalCode,
    prefecture: values.prefecture,
    city: values.city,
    street: values.street,
    building: orNull(values.building),
    phone: values.phone,
    secondFactorChannel: values.secondFactorChannel,
    mobilePhone: values.secondFactorChannel === 'sms' ? orNull(values.mobilePhone) : null,
    marketingOptIn: values.marketingOptIn,
    termsVersion: versions.terms,
    privacyPolicyVersion: versions.privacy,
    registrationNumber: orNull(values.registrationNumber),
    installKey: orNull(values.installKey),
  };
}

export function RegisterPage() {
  const { t } = useTranslation();
  const register = useRegisterMember();
  const fieldErrors = useFieldErrors();
  const schemaErrors = useSchemaErrors();
  const errors = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(empty);
  const [acceptTerms, setAcceptTerms] = useState(false);
  const [acceptPrivacy, setAcceptPrivacy] = useState(false);
  const [postalUnknown, setPostalUnknown] = useState(false);
  const terms = useCurrentTerms();
  const next = useAfterSignIn();
  const passwordProblem = usePasswordProblem();

  if (register.isSuccess) return <RegistrationSent loginId={register.data.loginId} email={values.email} />;

  const server = register.isError ? fieldErrors(register.error, apiFields) : { byField: {}, other: [] };
  const versions = { terms: terms.data?.terms.version ?? '', privacy: terms.data?.privacy.version ?? '' };
  const client = (): Record<string, string> => {
    // The licence fields are the route's, not the member form's schema (which refuses keys it does not know).
    const {
      registrationNumber: _number,
      installKey: _key,
      ...member
    } = registrationPayload(values, versions);
    const found = schemaErrors(registrationSchema, member);
    const hasNumber = values.registrationNumber.trim() !== '';
    const hasKey = values.installKey.trim() !== '';
    if (hasNumber && !hasKey) found.installKey = t('register.licence.bothRequired');
    if (hasKey && !hasNumber) found.registrationNumber = t('register.licence.bothRequired');
    // Consent and a postal code Japan Post does not know are the form's own words; the rest is the API's schema.
    if (!acceptTerms) found.termsVersion = t('register.consent.termsRequired');
    else delete found.termsVersion;
    if (!acceptPrivacy) found.privacyPolicyVersion = t('register.consent.privacyRequired');
    else delete found.privacyPolicyVersion;
    if (postalUnknown && !found.postalCode) found.postalCode = t('fields.postalCode.unknown');
    // The policy the server registers with, in its own words (domain/forms/password-policy).
    if (!found.password) {
      const problem = passwordProblem(values.password, values.loginId, DEFAULT_PASSWORD_POLICY_PRESET);
      if (problem) found.password = problem;
    }
    return found;
  };
  const clientErrors = errors.submitted ? client() : {};
  const errorOf = (field: string): string | undefined => errors.pick(clientErrors, server.byField, field);
  const update = (patch: Partial<Values>) => {
    errors.markEdited(Object.keys(patch));
    setValues((previous) => ({ ...previous, ...patch }));
  };
  const set =
    (field: 'loginId' | 'password' | 'name' | 'nameKana' | 'email') =>
    (event: { currentTarget: { value: string } }) =>
      update({ [field]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.markSubmitted();
    if (Object.keys(client()).length > 0 || !terms.data) {
      focusFirstError(form.current);
      return;
    }
    register.mutate(registrationPayload(values, versions), {
      onSuccess: () => rememberNextAfterRegistration(next),
      onError: () => focusFirstError(form.current),
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
      <form ref={form} onSubmit={submit} noValidate>
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
          <PasswordRules
            id="password-rules"
            password={values.password}
            loginId={values.loginId}
            preset={DEFAULT_PASSWORD_POLICY_PRESET}
          />
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
          <ContactFields
            values={values}
            onChange={update}
            errorOf={errorOf}
            onPostalCodeChecked={setPostalUnknown}
          />
          <ChannelFields
            channel={values.secondFactorChannel}
            mobilePhone={values.mobilePhone}
            onChange={update}
            errorOf={errorOf}
          />
          <Fieldset legend={t('register.licence.legend')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('register.licence.help')}
              </Text>
              <TextInput
                label={t('register.licence.registrationNumber')}
                placeholder="1234-5678-9012"
                autoComplete="off"
                value={values.registrationNumber}
                onChange={(event) => update({ registrationNumber: event.currentTarget.value })}
                error={errorOf('registrationNumber')}
              />
              <TextInput
                label={t('register.licence.installKey')}
                placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"
                autoComplete="off"
                value={values.installKey}
                onChange={(event) => update({ installKey: event.currentTarget.value })}
                error={errorOf('installKey')}
              />
            </Stack>
          </Fieldset>
          <Checkbox
            label={t('fields.marketingOptIn.label')}
            checked={values.marketingOptIn}
            onChange={(event) => update({ marketingOptIn: event.currentTarget.checked })}
          />
          {terms.isError && <ProblemAlert error={terms.error} title={t('register.termsUnavailable')} />}
          <Checkbox
            label={<ConsentLabel kind="terms" version={terms.data?.terms.version} />}
            checked={acceptTerms}
            onChange={(event) => {
              setAcceptTerms(event.currentTarget.checked);
              errors.markEdited(['termsVersion']);
            }}
            error={errorOf('termsVersion')}
          />
          <Checkbox
            label={<ConsentLabel kind="privacy" version={terms.data?.privacy.version} />}
            checked={acceptPrivacy}
            onChange={(event) => {
              setAcceptPrivacy(event.currentTarget.checked);
              errors.markEdited(['privacyPolicyVersion']);
            }}
            error={errorOf('privacyPolicyVersion')}
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
        <Anchor component={Link} to={withNext('/login', next)}>
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

  if (confirm.isSuccess && confirm.data.status === 'pending_review') {
    // Manual review: the member is told now, and mailed when an operator approves.
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('lifecycle.confirmReview.title')}</Title>
        <Paper withBorder p="lg">
          <Text>{t('lifecycle.confirmReview.body')}</Text>
        </Paper>
      </Stack>
    );
  }

  if (confirm.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('confirm.doneTitle')}</Title>
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t('confirm.doneBody')}</Text>
            <Button component={Link} to={withNext('/login', nextAfterRegistration())}>
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
