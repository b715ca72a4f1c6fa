// The admin console's layout (/admin): its own chunk, so no store or My Page visitor downloads it.
import { useTranslation } from 'react-i18next';
import { type AdminSectionName, mayOpen, useOperator } from '../api/admin';
import { OperatorActions } from '../components/operator-actions';
import { TestClockBanner } from '../components/test-clock-banner';
import { AreaShell, type NavItem } from './area-shell';

// `label` names the entry's key under admin.nav when a section has more than one page.
const adminNav: {
  section: AdminSectionName;
  to: string;
  label?: 'invoices' | 'billingRuns' | 'billingDocuments';
}[] = [
  { section: 'orders', to: '/admin/orders' },
  { section: 'contracts', to: '/admin/contracts' },
  { section: 'licences', to: '/admin/licences' },
  { section: 'provisioning', to: '/admin/provisioning' },
  { section: 'inquiries', to: '/admin/inquiries' },
  { section: 'members', to: '/admin/members' },
  { section: 'operators', to: '/admin/operators' },
  { section: 'catalog', to: '/admin/catalog' },
  { section: 'mailbox', to: '/admin/mailbox' },
  { section: 'deliveries', to: '/admin/deliveries' },
  { section: 'registrations', to: '/admin/registrations' },
  { section: 'billing', to: '/admin/billing/invoices', label: 'invoices' },
  { section: 'billing', to: '/admin/billing/runs', label: 'billingRuns' },
  { section: 'billing', to: '/admin/billing/documents', label: 'billingDocuments' },
  { section: 'billingCalendar', to: '/admin/billing-calendar' },
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
      .map(({ section, to, label }) => ({ to, label: t(`admin.nav.${label ?? section}`) })),
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
