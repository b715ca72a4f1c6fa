// Points at the development mail viewer where a page waits for a mailed code or link (only while the server offers it to this client).
import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../api/store';

/** Nothing at all unless the server said this client may open the dev mailbox (no SMTP, loopback). */
export function DevMailboxLink() {
  const { t } = useTranslation();
  const store = useStoreProfile();
  const url = store.data?.devMailUrl;
  if (!url) return null;
  return (
    <Alert color="gray" variant="light" title={t('devMailbox.title')} data-testid="dev-mailbox-link">
      <Text size="sm">
        {t('devMailbox.lead')}{' '}
        <Anchor href={url} target="_blank" rel="noopener" underline="always">
          {t('devMailbox.open')}
        </Anchor>
      </Text>
    </Alert>
  );
}
