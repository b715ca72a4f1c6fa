// Pieces shared by the console's billing pages: invoice status badges in words, ledger kinds in words, API problems placed at their fields.
import { Badge, NumberInput, type NumberInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceStatus, LedgerKind } from '../../../api/admin-billing';
import { ApiError } from '../../../api/client';
import { useLang } from '../../../components/catalog-format';

const statusColor: Record<InvoiceStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  // Handed to the agency is not paid: never the green of 入金済.
  agency_handed: 'violet',
  partially_paid: 'orange',
  paid: 'teal',
  written_off: 'red',
  void: 'gray',
  credit: 'cyan',
};

/** An invoice status as the server words it (`agency_handed` is its own word, never 入金済). */
export function InvoiceStatusBadge({
  status,
  label,
}: {
  status: InvoiceStatus;
  label: { ja: string; en: string };
}) {
  const lang = useLang();
  return (
    <Badge color={statusColor[status]} variant="light" data-status={status}>
      {label[lang]}
    </Badge>
  );
}

/** A ledger entry's kind in words. */
export function useLedgerKind(): (kind: LedgerKind) => string {
  const { t } = useTranslation();
  return (kind) => t(`admin.billing.ledgerKinds.${kind}`);
}

/**
 * A failed request's problem placed at the form's fields: the validation issues by their path, and the
 * stable codes this form knows at the field they concern; `rest` is what belongs in an alert instead.
 */
export function useProblemAtFields(): (
  error: unknown,
  fields: readonly string[],
  codes: Record<string, string>,
) => { byField: Record<string, string>; rest: boolean } {
  const lang = useLang();
  return (error, fields, codes) => {
    const byField: Record<string, string> = {};
    if (!(error instanceof ApiError) || !error.problem)
      return { byField, rest: error !== null && error !== undefined };
    const problem = error.problem;
    const field = codes[problem.code];
    if (field !== undefined) {
      byField[field] = problem.messages[lang];
      return { byField, rest: false };
    }
    let placed = 0;
    for (const issue of problem.errors ?? []) {
      if (!fields.includes(issue.path)) continue;
      byField[issue.path] = byField[issue.path]
        ? `${byField[issue.path]} ${issue.message[lang]}`
        : issue.message[lang];
      placed += 1;
    }
    return { byField, rest: placed === 0 };
  };
}

/** A billing month (`2026-04`) as the console's language writes it: 2026年4月, April 2026. */
export function useMonthText(): (month: string) => string {
  const lang = useLang();
  const formatter = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  return (month) => formatter.format(new Date(`${month}-01T00:00:00Z`));
}

/** An amount of whole yen above zero: no decimals, no sign, thousands separated, ¥ before it. */
export function YenInput(
  props: Omit<NumberInputProps, 'min' | 'allowDecimal' | 'allowNegative' | 'thousandSeparator' | 'prefix'>,
) {
  return (
    <NumberInput
      min={1}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator=","
      prefix="¥"
      {...props}
    />
  );
}
