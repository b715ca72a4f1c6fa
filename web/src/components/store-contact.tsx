// One line with the store's email, phone and hours, and a link to the inquiry form, for pages that send the visitor to the store.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStoreProfile } from '../api/store';

export function StoreContactLine({ withForm = true }: { withForm?: boolean }) {
  const { t } = useTranslation();
  const { data } = useStoreProfile();
  // The store page reports a failed load; here the line is simply left out.
  if (!data) return null;
  return (
    <Text size="sm">
      {t('mypage.contact', { email: data.email, phone: data.phone, hours: data.businessHours })}
      {withForm && (
        <>
          {' / '}
          <Anchor component={Link} to="/inquiry" size="sm">
            {t('mypage.contactForm')}
          </Anchor>
        </>
      )}
    </Text>
  );
}
