// The three areas' layouts: the store (/), My Page (/mypage) and the admin console (/admin).
import { useTranslation } from 'react-i18next';
import { useStoreProfile } from '../api/store';
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
      ]}
      elsewhere={[{ to: '/mypage', label: t('area.mypage') }]}
      memberActions
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
        { to: '/mypage/profile', label: t('mypage.nav.profile') },
        { to: '/mypage/security', label: t('recovery.security.nav') },
      ]}
      elsewhere={[{ to: '/', label: t('area.store') }]}
      memberActions
    />
  );
}

export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <AreaShell
      home="/admin"
      title={t('area.admin')}
      documentTitle={t('area.admin')}
      nav={[
        { to: '/admin', label: t('admin.nav.dashboard') },
        { to: '/admin/members', label: t('admin.nav.members') },
        { to: '/admin/mailbox', label: t('admin.nav.mailbox') },
      ]}
      elsewhere={[{ to: '/', label: t('area.store') }]}
    />
  );
}
