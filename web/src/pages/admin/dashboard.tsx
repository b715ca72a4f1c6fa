// Admin console home: greets the operator and links to the sections their roles open.
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type AdminSectionName, mayOpen } from '../../api/admin';
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
};

export function AdminDashboard() {
  const { t } = useTranslation();
  return (
    <OperatorGate title={t('admin.dashboard.title')} about={t('admin.dashboard.about')}>
      {(operator) => (
        <>
          <Text>{t('admin.dashboard.welcome', { name: operator.displayName })}</Text>
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
                  <Title order={2} size="h4" mb="xs">
                    {t(`admin.${section}.title`)}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t(`admin.${section}.card`)}
                  </Text>
                </Card>
              ))}
          </SimpleGrid>
        </>
      )}
    </OperatorGate>
  );
}
