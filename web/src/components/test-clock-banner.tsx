// The banner on every console page while the store runs on the rehearsal clock: loud, with the store's time.
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOperator } from '../api/admin';
import { useStoreProfile } from '../api/store';
import { storeTimeText, useTestClock } from '../api/test-clock';

/** Nothing unless KEIYAKU_TEST_CLOCK=1 (the API answers 404 then) and an operator is signed in. */
export function TestClockBanner() {
  const { t } = useTranslation();
  // Asked once an operator is signed in: the 401 of a signed-out visitor would otherwise be cached.
  const operator = useOperator();
  const store = useStoreProfile();
  const clock = useTestClock(Boolean(operator.data) && store.data?.testClock === true);
  if (!clock.data) return null;
  return (
    <Alert color="orange" variant="filled" role="status" mb="md" title={t('testClock.bannerTitle')}>
      <Text size="sm" data-testid="test-clock-now">
        {t('testClock.bannerText', { now: storeTimeText(clock.data.now) })}
      </Text>
    </Alert>
  );
}
