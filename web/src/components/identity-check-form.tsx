// The identity check an operator records before an unlock or a second-factor reset: how the person was confirmed, and a note.
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IdentityCheck, type IdentityCheckMethod, identityCheckMethods } from '../api/admin-accounts';
import { ProblemAlert, useFieldErrors } from './problem';

export interface IdentityCheckFormProps {
  /** The button's label, naming the action the check allows. */
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (check: IdentityCheck) => void;
  onCancel: () => void;
}

export function IdentityCheckForm({
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: IdentityCheckFormProps) {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const [method, setMethod] = useState<IdentityCheckMethod>('phone_callback');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const { byField, other } = fieldErrors(error, ['identityCheck.note', 'identityCheck.method']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setNoteMissing(true);
      return;
    }
    onSubmit({ method, note: note.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {/* A select rather than Mantine's Radio, which leaves `checked` undefined when unselected (React then
            reports an input switching between controlled and uncontrolled). */}
        <NativeSelect
          label={t('admin.identityCheck.method')}
          description={t('admin.identityCheck.methodHelp')}
          value={method}
          onChange={(event) => setMethod(event.currentTarget.value as IdentityCheckMethod)}
          data={identityCheckMethods.map((m) => ({ value: m, label: t(`admin.identityCheck.methods.${m}`) }))}
          error={byField['identityCheck.method']}
          required
        />
        <Textarea
          label={t('admin.identityCheck.note')}
          description={t('admin.identityCheck.noteHelp')}
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setNoteMissing(false);
          }}
          error={noteMissing ? t('admin.identityCheck.noteRequired') : byField['identityCheck.note']}
          autosize
          minRows={2}
          maxLength={1000}
          required
        />
        {error !== null && error !== undefined && Object.keys(byField).length === 0 && other.length === 0 ? (
          <ProblemAlert error={error} />
        ) : null}
        <Group gap="sm">
          <Button type="submit" color="red" loading={pending}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('admin.identityCheck.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
