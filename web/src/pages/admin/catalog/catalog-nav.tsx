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
  // Tab values become element ids (aria-controls), so they are the keys, not the paths with their slashes.
  const current = tabs.find((tab) => tab.to === pathname)?.key ?? 'products';
  return (
    <Tabs
      value={current}
      onChange={(key) => {
        const tab = tabs.find((candidate) => candidate.key === key);
        if (tab) void navigate(tab.to);
      }}
    >
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.key} value={tab.key}>
            {t(`catalogEditor.nav.${tab.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {/* Each tab's aria-controls must name an element: the lists below the tabs are their own pages, so
          each tab gets an empty panel that the page's content follows. */}
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.key} value={tab.key}>
          {null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
