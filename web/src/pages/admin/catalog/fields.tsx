// The editor's building blocks: field errors by definition path, bilingual inputs, number inputs, Markdown with its preview, list controls, and a form's problems no field shows.
import {
  ActionIcon,
  Alert,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../../components/markdown';
import { ProblemAlert } from '../../../components/problem';
import type { Bilingual, Num } from './definition';

/** The problem's field errors, keyed by dotted path (`plans.0.terms.1.price`). */
export const FieldErrors = createContext<Record<string, string>>({});

/** The server's reason for one path, if it named that path. */
export function useError(path: string): string | undefined {
  return useContext(FieldErrors)[path];
}

export function BilingualInput({
  label,
  value,
  onChange,
  path,
  required,
  multiline,
}: {
  label: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  path: string;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const errJa = useError(`${path}.ja`);
  const errEn = useError(`${path}.en`);
  const errBoth = useError(path);
  const Input = multiline ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Input
        label={t('catalogEditor.inLanguage.ja', { label })}
        value={value.ja}
        onChange={(e) => onChange({ ...value, ja: e.currentTarget.value })}
        error={errJa ?? errBoth}
        required={required}
        autosize={multiline ? true : undefined}
        minRows={multiline ? 2 : undefined}
      />
      <Input
        label={t('catalogEditor.inLanguage.en', { label })}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        error={errEn}
        required={required}
        autosize={multiline ? true : undefined}
        minRows={multiline ? 2 : undefined}
      />
    </SimpleGrid>
  );
}

export function NumField({
  label,
  value,
  onChange,
  path,
  required,
  suffix,
  prefix,
  min,
  description,
  hideLabel,
}: {
  label: string;
  /** In a table row the column heading says it; the label stays for screen readers. */
  hideLabel?: boolean;
  value: Num;
  onChange: (value: Num) => void;
  path: string;
  required?: boolean;
  suffix?: string;
  prefix?: string;
  min?: number;
  description?: string;
}) {
  const error = useError(path);
  return (
    <NumberInput
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number(v))}
      error={error}
      required={required}
      suffix={suffix}
      prefix={prefix}
      min={min}
      allowDecimal={false}
      thousandSeparator=","
      description={description}
    />
  );
}

export function TextField({
  label,
  value,
  onChange,
  path,
  required,
  description,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  path: string;
  required?: boolean;
  description?: string;
  placeholder?: string;
}) {
  const error = useError(path);
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required}
      description={description}
      placeholder={placeholder}
    />
  );
}

/** A Markdown text with a preview drawn by the storefront's own reader (React elements, never HTML). */
export function MarkdownField({
  label,
  value,
  onChange,
  path,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  path: string;
}) {
  const { t } = useTranslation();
  const error = useError(path);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  return (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-end">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(v) => setMode(v === 'preview' ? 'preview' : 'edit')}
          data={[
            { value: 'edit', label: t('catalogEditor.markdown.edit') },
            { value: 'preview', label: t('catalogEditor.markdown.preview') },
          ]}
          aria-label={`${label}: ${t('catalogEditor.markdown.mode')}`}
        />
      </Group>
      {mode === 'edit' ? (
        <Textarea
          aria-label={label}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          autosize
          minRows={5}
          description={t('catalogEditor.markdown.help')}
        />
      ) : (
        <Paper withBorder p="md" data-testid="markdown-preview">
          {value.trim() === '' ? (
            <Text c="dimmed" size="sm">
              {t('catalogEditor.markdown.empty')}
            </Text>
          ) : (
            <Markdown source={value} />
          )}
        </Paper>
      )}
    </Stack>
  );
}

/** Up, down and remove buttons for one item of a list. */
export function ItemControls({
  index,
  count,
  onMove,
  onRemove,
  name,
}: {
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** What the item is, for the buttons' accessible names. */
  name: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={t('catalogEditor.list.up')}>
        <ActionIcon
          variant="subtle"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`${t('catalogEditor.list.up')}: ${name}`}
        >
          ↑
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('catalogEditor.list.down')}>
        <ActionIcon
          variant="subtle"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`${t('catalogEditor.list.down')}: ${name}`}
        >
          ↓
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('catalogEditor.list.remove')}>
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={onRemove}
          aria-label={`${t('catalogEditor.list.remove')}: ${name}`}
        >
          ×
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

/** A list's own issue (a duplicate code, too few items), shown under its heading. */
export function ListError({ path }: { path: string }): ReactNode {
  const error = useError(path);
  return error ? (
    <Text c="red" size="sm" role="alert">
      {error}
    </Text>
  ) : null;
}

/**
 * A form's problems that no field shows: the whole problem when it named no field, else the field errors
 * whose path is not on the form.
 */
export function FormProblems({
  failed,
  error,
  byField,
  other,
}: {
  failed: boolean;
  error: unknown;
  byField: Record<string, string>;
  other: string[];
}) {
  return (
    <>
      {failed && Object.keys(byField).length === 0 && other.length === 0 ? (
        <ProblemAlert error={error} />
      ) : null}
      {other.length > 0 ? <Alert color="red">{other.join(' ')}</Alert> : null}
    </>
  );
}
