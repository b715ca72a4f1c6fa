// My Page profile: the registered details, the edit form (sending only what changed) and the email-change request and confirmation.
import {
  Alert,
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
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { profilePatchSchema } from '../../../src/domain/forms/member-fields';
import {
  type MemberProfile,
  type MemberProfilePatch,
  useConfirmEmailChange,
  useMe,
  useRequestEmailChange,
  useUpdateProfile,
} from '../api/member';
import {
  ChannelFields,
  ContactFields,
  type ContactValues,
  contactFields,
} from '../components/address-fields';
import { EmptyState, EmptyStateText } from '../components/empty-state';
import { focusFirstError, useFormErrors, useSchemaErrors } from '../components/form-check';
import { formatPhone } from '../components/phone';
import { ProblemAlert, useFieldErrors, useProblemText } from '../components/problem';
import { ProfileTable } from '../components/profile-table';
import { StoreContactLine } from '../components/store-contact';
import { SignInActions, WithMember } from '../components/with-member';
import classes from './member.module.css';

interface Values extends ContactValues {
  name: string;
  nameKana: string;
  secondFactorChannel: 'email' | 'sms';
  mobilePhone: string;
  marketingOptIn: boolean;
}

function valuesOf(me: MemberProfile): Values {
  return {
    memberKind: me.memberKind,
    name: me.name,
    nameKana: me.nameKana,
    companyName: me.companyName ?? '',
    department: me.department ?? '',
    postalCode: me.postalCode,
    prefecture: me.prefecture,
    city: me.city,
    street: me.street,
    building: me.building ?? '',
    phone: formatPhone(me.phone),
    secondFactorChannel: me.secondFactorChannel,
    mobilePhone: formatPhone(me.mobilePhone),
    marketingOptIn: me.marketingOptIn,
  };
}

const apiFields = [
  ...contactFields,
  'name',
  'nameKana',
  'secondFactorChannel',
  'mobilePhone',
  'marketingOptIn',
  'currentPassword',
];
/** Changes to these move where sign-in codes or calls go, so the server asks for the current password. */
const guarded: readonly (keyof Values)[] = ['phone', 'mobilePhone', 'secondFactorChannel'];
const optional: readonly (keyof Values)[] = ['companyName', 'department', 'building', 'mobilePhone'];

export function ProfileEditor({ me }: { me: MemberProfile }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const fieldErrors = useFieldErrors();
  const [initial, setInitial] = useState(() => valuesOf(me));
  const [values, setValues] = useState(initial);
  const [currentPassword, setCurrentPassword] = useState('');
  const [savedNothing, setSavedNothing] = useState(false);
  const changed = (Object.keys(values) as (keyof Values)[]).filter((key) => values[key] !== initial[key]);
  const needsPassword = changed.some((key) => guarded.includes(key));
  const schemaErrors = useSchemaErrors();
  const errors = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  const [postalUnknown, setPostalUnknown] = useState(false);
  const server = update.isError ? fieldErrors(update.error, apiFields) : { byField: {}, other: [] };
  /** The form's fields as the API takes them; blank optional text is null, the mobile only for SMS. */
  const asPatch = (keys: readonly (keyof Values)[]): Record<string, unknown> => {
    const patch: Record<string, unknown> = {};
    for (const key of keys) {
      const value = values[key];
      patch[key] = typeof value === 'string' && optional.includes(key) && value.trim() === '' ? null : value;
    }
    return patch;
  };
  // The whole form is checked, not only the changed fields, so one save names every problem on the page.
  const client = (): Record<string, string> => {
    const all = asPatch(Object.keys(values) as (keyof Values)[]);
    if (values.secondFactorChannel !== 'sms') all.mobilePhone = null;
    if (values.memberKind !== 'corporate') {
      all.companyName = null;
      all.department = null;
    }
    const found = schemaErrors(profilePatchSchema, all);
    if (values.memberKind === 'corporate' && values.companyName.trim() === '')
      found.companyName ??= t('fields.companyName.required');
    if (postalUnknown && !found.postalCode) found.postalCode = t('fields.postalCode.unknown');
    if (needsPassword && currentPassword === '') found.currentPassword = t('fields.required');
    return found;
  };
  const clientErrors = errors.submitted ? client() : {};
  const errorOf = (field: string): string | undefined => errors.pick(clientErrors, server.byField, field);
  const patchValues = (patch: Partial<Values>) => {
    setSavedNothing(false);
    errors.markEdited(Object.keys(patch));
    setValues((previous) => ({ ...previous, ...patch }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.markSubmitted();
    if (Object.keys(client()).length > 0) {
      focusFirstError(form.current);
      return;
    }
    if (changed.length === 0) {
      setSavedNothing(true);
      return;
    }
    const patch = asPatch(changed);
    if (needsPassword) patch.currentPassword = currentPassword;
    update.mutate(patch as MemberProfilePatch, {
      onSuccess: (profile) => {
        const next = valuesOf(profile);
        setInitial(next);
        setValues(next);
        setCurrentPassword('');
      },
      onError: () => focusFirstError(form.current),
    });
  };

  return (
    <Paper withBorder p="lg" className={classes.profile}>
      <form ref={form} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('mypage.profile.edit')}
          </Title>
          <Alert color="blue" role="note">
            {t('mypage.profile.agencyNote')}
          </Alert>
          {update.isSuccess && (
            <Alert color="green" role="status">
              {t('mypage.profile.saved')}
            </Alert>
          )}
          {savedNothing && <Alert color="gray">{t('mypage.profile.unchanged')}</Alert>}
          {update.isError && Object.keys(server.byField).length === 0 && (
            <ProblemAlert error={update.error} title={t('mypage.profile.failed')} />
          )}
          {server.other.length > 0 && (
            <Alert color="red" role="alert">
              {server.other.join(' ')}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('mypage.profile.loginIdFixed')}
          </Text>
          <TextInput
            label={t('fields.name.label')}
            autoComplete="name"
            required
            value={values.name}
            onChange={(event) => patchValues({ name: event.currentTarget.value })}
            error={errorOf('name')}
          />
          <TextInput
            label={t('fields.nameKana.label')}
            required
            value={values.nameKana}
            onChange={(event) => patchValues({ nameKana: event.currentTarget.value })}
            error={errorOf('nameKana')}
          />
          <ContactFields
            values={values}
            onChange={patchValues}
            errorOf={errorOf}
            onPostalCodeChecked={setPostalUnknown}
          />
          <ChannelFields
            channel={values.secondFactorChannel}
            mobilePhone={values.mobilePhone}
            onChange={patchValues}
            errorOf={errorOf}
          />
          <Checkbox
            label={t('fields.marketingOptIn.label')}
            checked={values.marketingOptIn}
            onChange={(event) => patchValues({ marketingOptIn: event.currentTarget.checked })}
          />
          {needsPassword && (
            <PasswordInput
              label={t('mypage.profile.currentPassword')}
              description={t('mypage.profile.currentPasswordHelp')}
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => {
                errors.markEdited(['currentPassword']);
                setCurrentPassword(event.currentTarget.value);
              }}
              error={errorOf('currentPassword')}
              visibilityToggleButtonProps={{ 'aria-label': t('fields.password.toggle') }}
            />
          )}
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('mypage.profile.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function EmailChangeForm() {
  const { t } = useTranslation();
  const request = useRequestEmailChange();
  const fieldErrors = useFieldErrors();
  const [newEmail, setNewEmail] = useState('');
  const server = request.isError ? fieldErrors(request.error, ['newEmail']) : { byField: {}, other: [] };
  return (
    <Paper withBorder p="lg" className={classes.profile}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          request.mutate(newEmail.trim());
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {t('mypage.emailChange.title')}
          </Title>
          <Text size="sm">{t('mypage.emailChange.lead')}</Text>
          {request.isSuccess && (
            <Alert color="green" role="status">
              {t('mypage.emailChange.sent', { email: request.data.newEmail, hours: request.data.validHours })}
            </Alert>
          )}
          {request.isError && !server.byField.newEmail && <ProblemAlert error={request.error} />}
          <TextInput
            type="email"
            label={t('mypage.emailChange.newEmail')}
            autoComplete="email"
            required
            value={newEmail}
            onChange={(event) => {
              setNewEmail(event.currentTarget.value);
              request.reset();
            }}
            error={server.byField.newEmail}
          />
          <Group>
            <Button type="submit" variant="default" loading={request.isPending}>
              {t('mypage.emailChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The page the link in the new address's mail opens; the member must be signed in as the one who asked. */
export function EmailChangeConfirmPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const confirm = useConfirmEmailChange(token, Boolean(me.data));
  const problemText = useProblemText();

  if (me.isPending || (me.data && confirm.isPending)) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('mypage.emailChange.pending')}</Text>
      </Group>
    );
  }
  if (confirm.isSuccess) {
    return (
      <Stack gap="lg" className={classes.page}>
        <Title order={1}>{t('mypage.emailChange.doneTitle')}</Title>
        <Text>{t('mypage.emailChange.doneBody', { email: confirm.data.email })}</Text>
        <Button component={Link} to="/mypage/profile" variant="default" w="fit-content">
          {t('mypage.emailChange.toProfile')}
        </Button>
      </Stack>
    );
  }
  const reason = !me.data ? t('mypage.emailChange.signInFirst') : problemText(confirm.error);
  return (
    <Stack gap="lg" className={classes.page}>
      <Title order={1}>{t('mypage.emailChange.failedTitle')}</Title>
      <Alert color="red" role="alert">
        {reason}
      </Alert>
      <Button component={Link} to={me.data ? '/mypage/profile' : '/login'} variant="default" w="fit-content">
        {me.data ? t('mypage.emailChange.toProfile') : t('account.signIn')}
      </Button>
    </Stack>
  );
}

/** My Page profile: the registered details, the edit form and the email change. */
export function MypageProfile() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mypage.profile.title')}</Title>
      <WithMember
        signedOut={
          <EmptyState title={t('mypage.profile.emptyTitle')} action={<SignInActions />}>
            <EmptyStateText>{t('mypage.profile.emptyBody')}</EmptyStateText>
            <EmptyStateText>{t('mypage.home.emptyTitle')}</EmptyStateText>
          </EmptyState>
        }
      >
        {(me) => (
          <Stack gap="md">
            <ProfileTable me={me} caption={t('mypage.profile.caption')} />
            <ProfileEditor me={me} />
            <EmailChangeForm />
            <StoreContactLine />
          </Stack>
        )}
      </WithMember>
    </Stack>
  );
}
