// One line with the store's email, phone and hours, for pages that send the visitor to the store for now.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../api/store';

export function StoreContactLine() {
  const { t } = useTranslation();
  const { data } = useStoreProfile();
  // The store page reports a failed load; here the line is simply left out.
  if (!data) return null;
  return (
    <Text size="sm">
      {t('mypage.contact', { email: data.email, phone: data.phone, hours: data.businessHours })}
    </Text>
  );
}
