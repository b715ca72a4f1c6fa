// The shared parts of the catalog editor's list editors: an item's move and remove controls over its list, an item's titled card, a list's add button, and an item's display name.
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Bilingual, move, removeAt } from './definition';
import { ItemControls } from './fields';

/** Up, down and remove for item `index`, answering with the whole changed list. */
export function ListItemControls<T>({
  items,
  index,
  name,
  onChange,
}: {
  items: T[];
  index: number;
  /** What the item is, for the buttons' accessible names. */
  name: string;
  onChange: (items: T[]) => void;
}) {
  return (
    <ItemControls
      index={index}
      count={items.length}
      name={name}
      onMove={(by) => onChange(move(items, index, by))}
      onRemove={() => onChange(removeAt(items, index))}
    />
  );
}

/** One item of a list as a section named "kind: label", with its controls beside the heading. */
export function ItemCard({
  kind,
  label,
  controls,
  children,
}: {
  kind: string;
  label: string;
  controls: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label={`${kind}: ${label}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {kind}: {label}
          </Title>
          {controls}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** The button under a list that appends a new item; `small` inside an item, full size for a top-level list. */
export function AddItemButton({
  small,
  onClick,
  children,
}: {
  small?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Button size={small ? 'xs' : undefined} variant="light" w="fit-content" onClick={onClick}>
      {children}
    </Button>
  );
}

/** An item's name in the page language, else in Japanese, else its code, else the "untitled" text. */
export function useItemLabel(name: Bilingual, code: string, untitled: string): string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return name[lang] || name.ja || code || untitled;
}
