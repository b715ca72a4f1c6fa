// The estimate table the simulator and the printable estimate show: every line, the per-rate totals with tax rounded once per rate, one-time fees, the first payment and the monthly amount.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../api/catalog';
import { formatYen, useLang } from '../pages/catalog-format';
import classes from './estimate-result.module.css';

/** The server's estimate, as it answered it; nothing is computed here. */
export function EstimateResult({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const lang = useLang();
  const charge = (c: Estimate['lines'][number]['charge']) => t(`catalog.charge.${c}` as const);
  const groups = (doc: Estimate['perTerm']) =>
    doc.groups.map((g) => (
      <Table.Tr key={g.rate}>
        <Table.Td colSpan={3}>
          {t('catalog.rateGroup', { percent: g.percent })}
          {g.reduced ? ` ${t('catalog.reducedMark')}` : ''}
        </Table.Td>
        <Table.Td ta="right">
          {formatYen(g.taxableAmount)} / {t('catalog.tax')} {formatYen(g.tax)}
        </Table.Td>
      </Table.Tr>
    ));
  return (
    <Stack gap="sm" aria-live="polite">
      <Table withTableBorder className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalog.line')}</Table.Th>
            <Table.Th>{t('catalog.chargeLabel')}</Table.Th>
            <Table.Th ta="right">{t('catalog.quantity')}</Table.Th>
            <Table.Th ta="right">{t('catalog.amountExclusive')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {estimate.lines.map((line) => (
            <Table.Tr key={`${line.kind}-${line.code}`}>
              <Table.Td>
                {line.kind === 'setup' ? t('catalog.setupOf', { name: line.name[lang] }) : line.name[lang]}
                {line.included ? ` (${t('catalog.included')})` : ''}
                {line.tiers && line.tiers.length > 0 && (
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
                )}
              </Table.Td>
              <Table.Td>{charge(line.charge)}</Table.Td>
              <Table.Td ta="right">
                {line.quantity}
                {line.unit ? ` ${line.unit[lang]}` : ''}
              </Table.Td>
              <Table.Td ta="right">{formatYen(line.amount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
