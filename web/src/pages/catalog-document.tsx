// /documents/:key: a product, option or trial document in force (the links of product pages), with its version.
import { Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCatalogDocument } from '../api/catalog';
import { useLang } from '../components/catalog-format';
import { Markdown } from '../components/markdown';
import { ProblemAlert } from '../components/problem';
import classes from './member.module.css';

export function CatalogDocumentPage() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const { key = '' } = useParams();
  const document = useCatalogDocument(key);
  if (document.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('terms.loading')}</Text>
      </Group>
    );
  }
  if (document.isError) return <ProblemAlert error={document.error} title={t('terms.failed')} />;
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'long',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(document.data.publishedAt));
  return (
    <Stack gap="sm" className={classes.document}>
      <Text size="sm" c="dimmed">
        {t('terms.meta', { version: document.data.version, date })}
      </Text>
      <Markdown source={document.data.body[lang] || document.data.body.ja} />
    </Stack>
  );
}
