// /terms/:kind: the terms of use or the privacy policy in force, as members are asked to accept them.
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentTerms } from '../api/member';
import { Markdown } from '../components/markdown';
import { ProblemAlert } from '../components/problem';
import classes from './member.module.css';

export function TermsPage() {
  const { t, i18n } = useTranslation();
  const { kind } = useParams();
  const current = useCurrentTerms();
  if (kind !== 'terms' && kind !== 'privacy') return <Alert color="gray">{t('terms.unknown')}</Alert>;
  if (current.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('terms.loading')}</Text>
      </Group>
    );
  }
  if (current.isError) return <ProblemAlert error={current.error} title={t('terms.failed')} />;
  const document = current.data[kind];
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ja-JP', {
    dateStyle: 'long',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(document.publishedAt));
  return (
    <Stack gap="sm" className={classes.document}>
      <Text size="sm" c="dimmed">
        {t('terms.meta', { version: document.version, date })}
      </Text>
      <Markdown source={document.body} />
    </Stack>
  );
}
