// The member-facing areas' layouts: the store (/) and My Page (/mypage); the console's is admin-layout.tsx.
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../api/store';
import { AccountActions } from '../components/account-actions';
import { CartLink } from '../components/cart-link';
import { AreaShell } from './area-shell';

export function StoreLayout() {
  const { t } = useTranslation();
  const { data } = useStoreProfile();
  return (
    <AreaShell
      home="/"
      title={data?.name ?? t('area.store')}
      nav={[
        { to: '/', label: t('store.nav.home') },
        { to: '/products', label: t('store.nav.products') },
        { to: '/inquiry', label: t('store.nav.inquiry') },
      ]}
      elsewhere={[{ to: '/mypage', label: t('area.mypage') }]}
      account={AccountActions}
      tools={CartLink}
    />
  );
}

export function MypageLayout() {
  const { t } = useTranslation();
  return (
    <AreaShell
      home="/mypage"
      title={t('area.mypage')}
      documentTitle={t('area.mypage')}
      nav={[
        { to: '/mypage', label: t('mypage.nav.home') },
        { to: '/mypage/contracts', label: t('mypage.nav.contracts') },
        { to: '/mypage/orders', label: t('mypage.nav.orders') },
        { to: '/mypage/invoices', label: t('mypage.nav.invoices') },
        { to: '/mypage/licences', label: t('licences.nav') },
        { to: '/mypage/inquiries', label: t('mypage.nav.inquiries') },
        { to: '/mypage/profile', label: t('mypage.nav.profile') },
        { to: '/mypage/security', label: t('recovery.security.nav') },
        { to: '/mypage/withdraw', label: t('lifecycle.withdraw.nav') },
      ]}
      elsewhere={[{ to: '/', label: t('area.store') }]}
      account={AccountActions}
      tools={CartLink}
    />
  );
}
