// Bordered panel for a section that has nothing to show yet: what will be here, and what to do now.
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './empty-state.module.css';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <Paper withBorder className={classes.root}>
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
        {action}
      </Stack>
    </Paper>
  );
}

/** A dimmed paragraph inside an empty state. */
export function EmptyStateText({ children }: { children: ReactNode }) {
  return <Text c="dimmed">{children}</Text>;
}
