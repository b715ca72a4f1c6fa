// Checks a form with the same zod schema the API runs, so every problem shows at once in the server's words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zodIssuesToFields } from '../../../src/domain/validation';

/** The first message per field path of the schema's issues for `payload`, in the visitor's language. */
export function useSchemaErrors(): (schema: z.ZodType, payload: unknown) => Record<string, string> {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (schema, payload) => {
    const parsed = schema.safeParse(payload);
    const byField: Record<string, string> = {};
    if (parsed.success) return byField;
    for (const issue of zodIssuesToFields(parsed.error.issues)) byField[issue.path] ??= issue.message[lang];
    return byField;
  };
}

/** Moves focus (and so the scroll) to the form's first field marked invalid, once the errors have been drawn. */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  });
}

/**
 * The error state of a form checked on the client and then by the server: nothing shows until the first
 * submit; after it, the client's errors follow every keystroke, and a server error stays only until its
 * field is edited.
 */
export function useFormErrors() {
  const [submitted, setSubmitted] = useState(false);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  return {
    submitted,
    /** Call on submit: from now on the client's errors show; the server's next answer counts afresh. */
    markSubmitted: () => {
      setSubmitted(true);
      setEdited(new Set());
    },
    /** Call when fields change, so their server errors no longer show. */
    markEdited: (fields: readonly string[]) =>
      setEdited((previous) =>
        fields.every((f) => previous.has(f)) ? previous : new Set([...previous, ...fields]),
      ),
    /** The message for a field: the client's check first, else the server's while the field is unchanged. */
    pick: (client: Record<string, string>, server: Record<string, string>, field: string) =>
      (submitted ? client[field] : undefined) ?? (edited.has(field) ? undefined : server[field]),
  };
}
