// Per-rate totals as a qualified invoice shows them: each rate's taxable amount and its tax (rounded once per rate), then the total.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';
import { formatYen } from '../pages/catalog-format';
import classes from './tax-summary.module.css';

export type DocumentTax = components['schemas']['DocumentTax'];

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
  const { t } = useTranslation();
  return (
    <Table withTableBorder className={classes.table} data-testid="tax-summary">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th colSpan={2}>{title}</Table.Th>
        </Table.Tr>
        {doc.groups.map((g) => (
          <Table.Tr key={g.rate}>
            <Table.Td>
              {t('catalog.rateGroup', { percent: g.percent })}
              {g.reduced ? ` ${t('catalog.reducedMark')}` : ''}
            </Table.Td>
            <Table.Td ta="right">
              {formatYen(g.taxableAmount)} / {t('catalog.tax')} {formatYen(g.tax)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td>{t('cart.subtotal')}</Table.Td>
          <Table.Td ta="right">{formatYen(doc.subtotal)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('catalog.tax')}</Table.Td>
          <Table.Td ta="right">{formatYen(doc.tax)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>{t('catalog.totalWithTax')}</Table.Th>
          <Table.Td ta="right" fw={700}>
            {formatYen(doc.total)}
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
