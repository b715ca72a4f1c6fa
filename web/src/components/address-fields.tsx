// The address, company and phone fields shared by registration and the profile form; the postal code fills in the rest.
import { Input, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lookupPostalCode } from '../api/member';
import { prefectures } from './prefectures';

/** The profile fields these inputs edit, as the form holds them (strings, empty when not given). */
export interface ContactValues {
  memberKind: 'corporate' | 'individual';
  companyName: string;
  department: string;
  postalCode: string;
  prefecture: string;
  city: string;
  street: string;
  building: string;
  phone: string;
}

export type ContactField = keyof ContactValues;

export const contactFields: readonly ContactField[] = [
  'memberKind',
  'companyName',
  'department',
  'postalCode',
  'prefecture',
  'city',
  'street',
  'building',
  'phone',
];

export function ContactFields({
  values,
  onChange,
  errorOf,
  onPostalCodeChecked,
}: {
  values: ContactValues;
  onChange: (patch: Partial<ContactValues>) => void;
  errorOf: (field: ContactField) => string | undefined;
  /** Told whether Japan Post knows the typed code (`true`: unknown), so the form can refuse it at the field. */
  onPostalCodeChecked: (unknown: boolean) => void;
}) {
  const { t } = useTranslation();
  const text = (field: ContactField) => (event: { currentTarget: { value: string } }) =>
    onChange({ [field]: event.currentTarget.value });

  // A known code fills in what it determines; an unknown one is an error at the field and changes nothing
  // else, so the address of a previous code is never kept under a code it does not belong to unnoticed.
  const fillFromPostalCode = async (code: string) => {
    // Full-width digits and IME dashes are typed too; the lookup needs the seven digits only.
    const digits = code.normalize('NFKC').replace(/\D/g, '');
    onPostalCodeChecked(false);
    if (digits.length !== 7) return;
    const found = await lookupPostalCode(digits);
    if (!found) {
      onPostalCodeChecked(true);
      return;
    }
    onChange({
      postalCode: found.postalCode,
      ...(found.prefecture ? { prefecture: found.prefecture } : {}),
      ...(found.city ? { city: found.city } : {}),
      ...(found.town && values.street === '' ? { street: found.town } : {}),
    });
  };

  return (
    <Stack gap="md">
      <Input.Wrapper label={t('fields.memberKind.label')} error={errorOf('memberKind')} required>
        <SegmentedControl
          display="flex"
          w="fit-content"
          mt={4}
          value={values.memberKind}
          onChange={(value) => onChange({ memberKind: value === 'corporate' ? 'corporate' : 'individual' })}
          data={[
            { value: 'corporate', label: t('fields.memberKind.corporate') },
            { value: 'individual', label: t('fields.memberKind.individual') },
          ]}
        />
      </Input.Wrapper>
      {values.memberKind === 'corporate' && (
        <>
          <TextInput
            label={t('fields.companyName.label')}
            autoComplete="organization"
            required
            value={values.companyName}
            onChange={text('companyName')}
            error={errorOf('companyName')}
          />
          <TextInput
            label={t('fields.department.label')}
            value={values.department}
            onChange={text('department')}
            error={errorOf('department')}
          />
        </>
      )}
      <TextInput
        label={t('fields.postalCode.label')}
        description={t('fields.postalCode.help')}
        autoComplete="postal-code"
        inputMode="numeric"
        required
        value={values.postalCode}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({ postalCode: value });
          void fillFromPostalCode(value);
        }}
        error={errorOf('postalCode')}
      />
      <NativeSelect
        label={t('fields.prefecture.label')}
        required
        value={values.prefecture}
        onChange={text('prefecture')}
        error={errorOf('prefecture')}
        data={[
          { value: '', label: t('fields.prefecture.choose') },
          ...prefectures.map((p) => ({ value: p, label: p })),
        ]}
      />
      <TextInput
        label={t('fields.city.label')}
        autoComplete="address-level2"
        required
        value={values.city}
        onChange={text('city')}
        error={errorOf('city')}
      />
      <TextInput
        label={t('fields.street.label')}
        description={t('fields.street.help')}
        autoComplete="address-line1"
        required
        value={values.street}
        onChange={text('street')}
        error={errorOf('street')}
      />
      <TextInput
        label={t('fields.building.label')}
        autoComplete="address-line2"
        value={values.building}
        onChange={text('building')}
        error={errorOf('building')}
      />
      <TextInput
        type="tel"
        label={t('fields.phone.label')}
        description={t('fields.phone.help')}
        autoComplete="tel"
        required
        value={values.phone}
        onChange={text('phone')}
        error={errorOf('phone')}
      />
    </Stack>
  );
}

/** The choice of where sign-in codes go, saying plainly that SMS is not sent yet. */
export function ChannelFields({
  channel,
  mobilePhone,
  onChange,
  errorOf,
}: {
  channel: 'email' | 'sms';
  mobilePhone: string;
  onChange: (patch: { secondFactorChannel?: 'email' | 'sms'; mobilePhone?: string }) => void;
  errorOf: (field: 'secondFactorChannel' | 'mobilePhone') => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {/* Mantine's Radio leaves `checked` undefined when unselected, which React reports as an input switching modes. */}
      <Input.Wrapper
        label={t('fields.secondFactorChannel.label')}
        error={errorOf('secondFactorChannel')}
        required
      >
        <SegmentedControl
          display="flex"
          w="fit-content"
          mt={4}
          value={channel}
          onChange={(value) => onChange({ secondFactorChannel: value === 'sms' ? 'sms' : 'email' })}
          data={[
            { value: 'email', label: t('fields.secondFactorChannel.email') },
            { value: 'sms', label: t('fields.secondFactorChannel.sms') },
          ]}
        />
      </Input.Wrapper>
      {channel === 'sms' && (
        <>
          <Text size="sm" c="dimmed" role="note">
            {t('fields.secondFactorChannel.smsInfo')}
          </Text>
          <TextInput
            type="tel"
            label={t('fields.mobilePhone.label')}
            description={t('fields.mobilePhone.help')}
            autoComplete="tel"
            required
            value={mobilePhone}
            onChange={(event) => onChange({ mobilePhone: event.currentTarget.value })}
            error={errorOf('mobilePhone')}
          />
        </>
      )}
    </Stack>
  );
}
