// Admin console home: the day's work as counts that open their queues, then the sections the operator's roles open.
import { Card, Group, Loader, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminOverview, type AdminSectionName, mayOpen, useAdminOverview } from '../../api/admin';
import { ProblemAlert } from '../../components/problem';
import classes from './dashboard.module.css';
import { OperatorGate } from './gate';

// Sections without a page of their own (opened from another page) have no card.
const sectionPaths: Partial<Record<AdminSectionName, string>> = {
  orders: '/admin/orders',
  provisioning: '/admin/provisioning',
  inquiries: '/admin/inquiries',
  members: '/admin/members',
  operators: '/admin/operators',
  settings: '/admin/settings',
  mailbox: '/admin/mailbox',
  registrations: '/admin/registrations',
  security: '/admin/security',
  catalog: '/admin/catalog',
  licences: '/admin/licences',
  billing: '/admin/billing/invoices',
};

type CountName = keyof AdminOverview;

/** Each count and the queue it opens (none yet for licence conflicts: shown, not linked), in the order the day's work is usually done. */
const countQueues: readonly { name: CountName; to?: string }[] = [
  { name: 'newOrders', to: '/admin/orders?status=received' },
  { name: 'linesWaiting', to: '/admin/provisioning' },
  { name: 'newInquiries', to: '/admin/inquiries?status=new' },
  { name: 'unansweredInquiries', to: '/admin/inquiries?status=in_progress' },
  { name: 'registrationsToReview', to: '/admin/registrations' },
  { name: 'lockedLoginIds', to: '/admin/members' },
  { name: 'lockedOperators', to: '/admin/operators' },
  { name: 'failedMessages', to: '/admin/deliveries' },
  { name: 'failedWebhooks', to: '/admin/provisioning' },
  { name: 'licenceAttachConflicts' },
];

function TodaysWork() {
  const { t } = useTranslation();
  const overview = useAdminOverview();
  if (overview.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text>{t('admin.dashboard.loading')}</Text>
      </Group>
    );
  }
  if (overview.isError) return <ProblemAlert error={overview.error} title={t('admin.dashboard.loadError')} />;
  const counts = countQueues.filter(({ name }) => overview.data[name] !== undefined);
  if (counts.length === 0) return null;
  return (
    <section aria-labelledby="todays-work">
      <Title order={2} size="h3" id="todays-work" mb="sm">
        {t('admin.dashboard.todaysWork')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {counts.map(({ name, to }) => {
          const value = overview.data[name] ?? 0;
          const body = (
            <>
              <Text size="sm">{t(`admin.dashboard.counts.${name}`)}</Text>
              <Text fz={28} fw={700} lh={1.3}>
                {t('admin.dashboard.count', { count: value })}
              </Text>
            </>
          );
          const className = value > 0 ? classes.waiting : undefined;
          return to ? (
            <Card
              key={name}
              withBorder
              padding="md"
              component={Link}
              to={to}
              data-count={name}
              className={className}
            >
              {body}
            </Card>
          ) : (
            <Card key={name} withBorder padding="md" data-count={name} className={className}>
              {body}
            </Card>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

export function AdminDashboard() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.dashboard.title')} about={t('admin.dashboard.about')}>
      {(operator) => (
        <>
          <Text>{t('admin.dashboard.welcome', { name: operator.displayName })}</Text>
          <TodaysWork />
          <section aria-labelledby="sections">
            <Title order={2} size="h3" id="sections" mb="sm">
              {t('admin.dashboard.sections')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {(Object.keys(sectionPaths) as AdminSectionName[])
                .filter((section) => mayOpen(operator.roles, section))
                .map((section) => (
                  <Card
                    key={section}
                    withBorder
                    padding="lg"
                    component={Link}
                    to={sectionPaths[section] ?? '/admin'}
                    data-section={section}
                  >
                    <Title order={3} size="h4" mb="xs">
                      {t(`admin.${section}.title`)}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {t(`admin.${section}.card`)}
                    </Text>
                  </Card>
                ))}
            </SimpleGrid>
          </section>
        </>
      )}
    </OperatorGate>
  );
}
