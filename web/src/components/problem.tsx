// Shows API failures in the visitor's language: field errors for form inputs, everything else in an Alert.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

type Lang = 'ja' | 'en';

function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'ja';
}

/** The message of a failed request: the problem's own text when the server sent one. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (error) => {
    if (error instanceof ApiError && error.problem) return error.problem.messages[lang];
    return t('problem.unreachable');
  };
}

/**
 * The problem's field errors by field path (several issues for one field are joined), restricted to the
 * fields this form shows; the rest are returned apart so the page can still show them.
 */
export function useFieldErrors(): (
  error: unknown,
  fields: readonly string[],
) => { byField: Record<string, string>; other: string[] } {
  const lang = useLang();
  return (error, fields) => {
    const byField: Record<string, string> = {};
    const other: string[] = [];
    if (!(error instanceof ApiError) || !error.problem?.errors) return { byField, other };
    for (const issue of error.problem.errors) {
      const text = issue.message[lang];
      if (fields.includes(issue.path))
        byField[issue.path] = byField[issue.path] ? `${byField[issue.path]} ${text}` : text;
      else other.push(text);
    }
    return { byField, other };
  };
}

/** A red Alert with the failure's message and anything the page adds below it (a retry, a resend form). */
export function ProblemAlert({
  error,
  title,
  children,
}: {
  error: unknown;
  title?: string;
  children?: ReactNode;
}) {
  const text = useProblemText();
  return (
    <Alert color="red" title={title} role="alert">
      {text(error)}
      {children}
    </Alert>
  );
}
