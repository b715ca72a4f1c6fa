// The estimate's lines as a table (line, charge, quantity, amount before tax), shared by the simulator's estimate and the cart; each caller adds its own note to a line's name.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../api/catalog';
import { formatYen, useLang } from './catalog-format';

export function EstimateLinesTable({
  estimate,
  className,
  nameNote,
}: {
  estimate: Estimate;
  className: string | undefined;
  /** Shown after a line's name and "(included)": the reduced-rate mark, the usage tiers. */
  nameNote: (line: Estimate['lines'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table withTableBorder className={className}>
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
              {nameNote(line)}
            </Table.Td>
            <Table.Td>{t(`catalog.charge.${line.charge}` as const)}</Table.Td>
            <Table.Td ta="right">
              {line.quantity}
              {line.unit ? ` ${line.unit[lang]}` : ''}
            </Table.Td>
            <Table.Td ta="right">{formatYen(line.amount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
