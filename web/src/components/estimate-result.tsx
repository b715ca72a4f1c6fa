// The estimate table the simulator and the printable estimate show: every line, the per-rate totals with tax rounded once per rate, one-time fees, the first payment and the monthly amount.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../api/catalog';
import { formatYen, useLang } from './catalog-format';
import { EstimateLinesTable } from './estimate-lines-table';
import classes from './estimate-result.module.css';
import { RateGroupRow } from './tax-summary';

/** The server's estimate, as it answered it; nothing is computed here. */
export function EstimateResult({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const lang = useLang();
  const groups = (doc: Estimate['perTerm']) =>
    doc.groups.map((g) => (
      <RateGroupRow
        key={g.rate}
        percent={g.percent}
        reduced={g.reduced}
        taxableAmount={g.taxableAmount}
        tax={g.tax}
        labelSpan={3}
      />
    ));
  return (
    <Stack gap="sm" aria-live="polite">
      <EstimateLinesTable
        estimate={estimate}
        className={classes.table}
        nameNote={(line) =>
          line.tiers &&
          line.tiers.length > 0 && (
            <Text size="xs" c="dimmed">
              {line.tiers
                .map((tier) =>
                  t('catalog.tierLine', {
                    quantity: tier.quantity,
                    unit: line.unit?.[lang] ?? '',
                    price: formatYen(tier.unitPrice),
                    amount: formatYen(tier.amount),
                  }),
                )
                .join(' / ')}
            </Text>
          )
        }
      />
      <Table withTableBorder className={classes.table}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th colSpan={4}>{t('catalog.perTermTitle', { term: estimate.termLabel[lang] })}</Table.Th>
          </Table.Tr>
          {groups(estimate.perTerm)}
          <Table.Tr>
            <Table.Td colSpan={3}>{t('catalog.totalWithTax')}</Table.Td>
            <Table.Td ta="right" fw={700}>
              {formatYen(estimate.perTerm.total)}
            </Table.Td>
          </Table.Tr>
          {estimate.oneTime.groups.length > 0 && (
            <>
              <Table.Tr>
                <Table.Th colSpan={4}>{t('catalog.oneTimeTitle')}</Table.Th>
              </Table.Tr>
              {groups(estimate.oneTime)}
              <Table.Tr>
                <Table.Td colSpan={3}>{t('catalog.totalWithTax')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {formatYen(estimate.oneTime.total)}
                </Table.Td>
              </Table.Tr>
            </>
          )}
          <Table.Tr>
            <Table.Th colSpan={3}>{t('catalog.firstTermTitle')}</Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatYen(estimate.firstTerm.total)}
              <Text size="xs" c="dimmed">
                {t('catalog.taxIncludedOf', { tax: formatYen(estimate.firstTerm.tax) })}
              </Text>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th colSpan={3}>
              {estimate.perMonth.exact ? t('catalog.perMonthTitle') : t('catalog.perMonthApprox')}
            </Table.Th>
            <Table.Td ta="right" fw={700}>
              {formatYen(estimate.perMonth.total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {estimate.notice[lang]}
      </Text>
    </Stack>
  );
}
