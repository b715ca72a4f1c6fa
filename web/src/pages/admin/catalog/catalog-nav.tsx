// The catalog editor's three lists, as tabs under the page heading.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const tabs = [
  { to: '/admin/catalog', key: 'products' },
  { to: '/admin/catalog/providers', key: 'providers' },
  { to: '/admin/catalog/documents', key: 'documents' },
] as const;

export function CatalogNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = tabs.find((tab) => tab.to === pathname)?.to ?? '/admin/catalog';
  return (
    <Tabs value={current} onChange={(to) => to && navigate(to)}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.to}>
            {t(`catalogEditor.nav.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
