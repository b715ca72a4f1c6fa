// An estimate's rows as the cart and checkout show them, reduced-rate lines marked.
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../api/catalog';
import classes from './estimate-lines.module.css';
import { EstimateLinesTable } from './estimate-lines-table';

/** The estimate's rows in a compact table: what is charged per term, once, or per month of usage. */
export function EstimateLines({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  return (
    <EstimateLinesTable
      estimate={estimate}
      className={classes.lines}
      nameNote={(line) => (line.taxRate === 'reduced' ? ` ${t('catalog.reducedMark')}` : '')}
    />
  );
}
