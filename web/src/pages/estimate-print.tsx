// `/products/:slug/estimate`: the printable estimate (HTML) of a simulator choice, plainly a simulation and not a stamped quotation (seed 001), with print and PDF buttons.
import { Alert, Button, Container, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchEstimatePdf, useEstimate, useProduct } from '../api/catalog';
import { useStoreProfile } from '../api/store';
import { useLang } from '../components/catalog-format';
import { EstimateResult } from '../components/estimate-result';
import { LanguageToggle } from '../components/language-toggle';
import { useProblemText } from '../components/problem';
import classes from './estimate-print.module.css';
import { estimateRequestFromSearch } from './estimate-query';

/** Today as the visitor reads a printed date: the store's calendar (Asia/Tokyo). */
function todayLabel(lang: 'ja' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
  }).format(new Date());
}

/** Saves a PDF the browser was handed, under the given name. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EstimatePrintPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const problemText = useProblemText();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const request = estimateRequestFromSearch(slug, params);
  const { data: store } = useStoreProfile();
  const { data: product } = useProduct(slug);
  const { data: estimate, error, isPending } = useEstimate(request);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const [pdfBusy, setPdfBusy] = useState(false);

  const downloadPdf = async () => {
    setPdfBusy(true);
    setPdfError(null);
    try {
      save(await fetchEstimatePdf(request, lang), `estimate-${slug}.pdf`);
    } catch (caught) {
      setPdfError(caught);
    } finally {
      setPdfBusy(false);
    }
  };

  return (
    <Container size="md" py="lg" className={classes.page}>
      <Stack gap="md">
        <Group justify="space-between" className={classes.noPrint}>
          {/* Back to the simulator with the same choice, which the product page reads from its address. */}
          <Button component={Link} to={`/products/${slug}?${params.toString()}`} variant="subtle">
            {t('catalog.print.back')}
          </Button>
          <Group gap="sm">
            <LanguageToggle />
            <Button variant="light" onClick={() => window.print()} disabled={!estimate}>
              {t('catalog.print.print')}
            </Button>
            <Button onClick={downloadPdf} loading={pdfBusy} disabled={!estimate}>
              {t('catalog.print.pdf')}
            </Button>
          </Group>
        </Group>
        {pdfError !== null && (
          <Alert color="red" className={classes.noPrint}>
            {problemText(pdfError)}
          </Alert>
        )}
        <Title order={1}>{t('catalog.print.title')}</Title>
        {estimate && (
          <Alert color="yellow" variant="outline" role="note">
            {estimate.notice[lang]}
          </Alert>
        )}
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm">{t('catalog.print.date', { date: todayLabel(lang) })}</Text>
            {estimate && (
              <Text fw={700} size="lg">
                {estimate.product.name[lang]}
              </Text>
            )}
            {product && (
              <Text size="sm" c="dimmed">
                {t('catalog.providedBy', { name: product.provider.name[lang] })}
              </Text>
            )}
          </Stack>
          {store && (
            <Stack gap={2} ta="right">
              <Text fw={700}>{store.name}</Text>
              <Text size="sm">
                〒{store.postalCode} {store.address}
              </Text>
              <Text size="sm">
                {store.phone} / {store.email}
              </Text>
            </Stack>
          )}
        </Group>
        {isPending && <Loader size="sm" />}
        {error && (
          <Alert color="red" title={t('catalog.simulator.invalid')}>
            {problemText(error)}
          </Alert>
        )}
        {estimate && !error && (
          <>
            <Table withTableBorder className={classes.choice}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th>{t('catalog.plan')}</Table.Th>
                  <Table.Td>{estimate.planName[lang]}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('catalog.term')}</Table.Th>
                  <Table.Td>{estimate.termLabel[lang]}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('catalog.quantity')}</Table.Th>
                  <Table.Td>{estimate.quantity}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <EstimateResult estimate={estimate} />
          </>
        )}
      </Stack>
    </Container>
  );
}
