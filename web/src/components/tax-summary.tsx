// Per-rate totals as a qualified invoice shows them: each rate's taxable amount and its tax (rounded once per rate), then the total.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatYen } from './catalog-format';
import classes from './tax-summary.module.css';

export type DocumentTax = components['schemas']['DocumentTax'];

/** One rate's row: "10 % (※)" and "taxable / tax"; `labelSpan` widens the label cell in a wider table. */
export function RateGroupRow({
  percent,
  reduced,
  taxableAmount,
  tax,
  labelSpan,
}: {
  percent: number;
  reduced?: boolean;
  taxableAmount: number;
  tax: number;
  labelSpan?: number;
}) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={labelSpan}>
        {t('catalog.rateGroup', { percent })}
        {reduced ? ` ${t('catalog.reducedMark')}` : ''}
      </Table.Td>
      <Table.Td ta="right">
        {formatYen(taxableAmount)} / {t('catalog.tax')} {formatYen(tax)}
      </Table.Td>
    </Table.Tr>
  );
}

/** The totals table itself: an optional title row, the rate rows, subtotal, tax, and the total with a note. */
export function TaxTotalsTable({
  title,
  rates,
  subtotal,
  tax,
  total,
  note,
  testId,
}: {
  title?: string;
  /** The rate rows, built with `RateGroupRow`. */
  rates: ReactNode;
  subtotal: number;
  tax: number;
  total: number;
  note?: string | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder className={classes.table} data-testid={testId}>
      <Table.Tbody>
        {title !== undefined && (
          <Table.Tr>
            <Table.Th colSpan={2}>{title}</Table.Th>
          </Table.Tr>
        )}
        {rates}
        <Table.Tr>
          <Table.Td>{t('cart.subtotal')}</Table.Td>
          <Table.Td ta="right">{formatYen(subtotal)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('catalog.tax')}</Table.Td>
          <Table.Td ta="right">{formatYen(tax)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('catalog.totalWithTax')}</Table.Th>
          <Table.Td ta="right" fw={700}>
            {formatYen(total)}
            {note && (
              <Text size="xs" c="dimmed">
                {note}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

export function TaxSummary({
  title,
  doc,
  note,
}: {
  title: string;
  doc: DocumentTax;
  /** A line under the total (e.g. what part of it is paid once). */
  note?: string | undefined;
}) {
  return (
    <TaxTotalsTable
      title={title}
      rates={doc.groups.map((g) => (
        <RateGroupRow
          key={g.rate}
          percent={g.percent}
          reduced={g.reduced}
          taxableAmount={g.taxableAmount}
          tax={g.tax}
        />
      ))}
      subtotal={doc.subtotal}
      tax={doc.tax}
      total={doc.total}
      note={note}
      testId="tax-summary"
    />
  );
}
