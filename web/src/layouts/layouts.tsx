// The three areas' layouts: the store (/), My Page (/mypage) and the admin console (/admin).
import { useTranslation } from 'react-i18next';
import { type AdminSectionName, mayOpen, useOperator } from '../api/admin';
import { useStoreProfile } from '../api/store';
import { AccountActions } from '../components/account-actions';
import { CartLink } from '../components/cart-link';
import { OperatorActions } from '../components/operator-actions';
import { TestClockBanner } from '../components/test-clock-banner';
import { AreaShell, type NavItem } from './area-shell';

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

const adminNav: { section: AdminSectionName; to: string }[] = [
  { section: 'orders', to: '/admin/orders' },
  { section: 'contracts', to: '/admin/contracts' },
  { section: 'provisioning', to: '/admin/provisioning' },
  { section: 'inquiries', to: '/admin/inquiries' },
  { section: 'members', to: '/admin/members' },
  { section: 'operators', to: '/admin/operators' },
  { section: 'catalog', to: '/admin/catalog' },
  { section: 'mailbox', to: '/admin/mailbox' },
  { section: 'registrations', to: '/admin/registrations' },
  { section: 'settings', to: '/admin/settings' },
  { section: 'security', to: '/admin/security' },
];

export function AdminLayout() {
  const { t } = useTranslation();
  const operator = useOperator();
  // Signed out, every section is listed (each says what it holds and asks for a sign-in); signed in,
  // only those the operator's roles open.
  const roles = operator.data?.roles;
  const nav: NavItem[] = [
    { to: '/admin', label: t('admin.nav.dashboard') },
    ...adminNav
      .filter(({ section }) => roles === undefined || mayOpen(roles, section))
      .map(({ section, to }) => ({ to, label: t(`admin.nav.${section}`) })),
  ];
  return (
    <AreaShell
      home="/admin"
      title={t('area.admin')}
      documentTitle={t('area.admin')}
      nav={nav}
      elsewhere={[{ to: '/', label: t('area.store') }]}
      account={OperatorActions}
      notice={TestClockBanner}
    />
  );
}
