// Shared AppShell of the three areas: header with title and language switch, side navigation, footer.
import { Anchor, AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type ComponentType, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useMatch } from 'react-router';
import { useStoreProfile } from '../api/store';
import { LanguageToggle } from '../components/language-toggle';
import classes from './area-shell.module.css';

export interface NavItem {
  to: string;
  label: string;
}

export interface AreaShellProps {
  /** Where the title links to, and the root the navigation is relative to. */
  home: string;
  /** Shown in the header; the area's name, or the store's name in the store. */
  title: string;
  /** Prefix of the browser tab's title; omitted in the store, whose title is the store's name. */
  documentTitle?: string;
  nav: NavItem[];
  /** Links to the other areas, below the section navigation. */
  elsewhere: NavItem[];
  /** Who is signed in and the way in or out: in the header, or stacked in the navigation on a phone. */
  account?: ComponentType<{ stacked?: boolean }>;
  /** Kept in the header on every screen size (the store's cart). */
  tools?: ComponentType;
  /** Shown above every page of the area (the console's rehearsal-clock banner). */
  notice?: ComponentType;
}

function NavEntry({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: true }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      active={active}
      aria-current={active ? 'page' : undefined}
    />
  );
}

export function AreaShell({
  home,
  title,
  documentTitle,
  nav,
  elsewhere,
  account: Account,
  tools: Tools,
  notice: Notice,
}: AreaShellProps) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const store = useStoreProfile();
  const storeName = store.data?.name;

  // On a phone the navigation covers the page; following a link should reveal the page it opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, pathname is the trigger.
  useEffect(() => close(), [pathname, close]);

  useEffect(() => {
    const parts = [documentTitle, storeName].filter((part): part is string => Boolean(part));
    document.title = parts.length > 0 ? parts.join(' | ') : 'keiyaku';
  }, [documentTitle, storeName]);

  return (
    <AppShell
      header={{ height: 56 }}
      footer={{ height: 44 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
            />
            <Anchor component={Link} to={home} className={classes.title} underline="never">
              {title}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {/* A phone's header has no room for them; they move into the navigation there. */}
            {Account && (
              <Group visibleFrom="sm">
                <Account />
              </Group>
            )}
            {Tools && <Tools />}
            <LanguageToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        {/* The browser's own scrolling: Mantine's ScrollArea would add its overlay code to every first page. */}
        <AppShell.Section grow className={classes.navScroll}>
          <nav aria-label={title}>
            {nav.map((item) => (
              <NavEntry key={item.to} item={item} />
            ))}
          </nav>
        </AppShell.Section>
        {Account && (
          <AppShell.Section hiddenFrom="sm" className={classes.elsewhere} pb="xs">
            <Account stacked />
          </AppShell.Section>
        )}
        <AppShell.Section className={classes.elsewhere}>
          <nav aria-label={t('nav.areas')}>
            {elsewhere.map((item) => (
              <NavEntry key={item.to} item={item} />
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        {Notice && <Notice />}
        <Outlet />
      </AppShell.Main>

      <AppShell.Footer>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Text size="sm" truncate>
            {storeName ? `© ${storeName}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {t('footer.poweredBy')}
          </Text>
        </Group>
      </AppShell.Footer>
    </AppShell>
  );
}
