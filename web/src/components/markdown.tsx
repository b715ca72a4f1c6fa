// Markdown of the catalog (product descriptions, documents) rendered safely with react-markdown: React elements only, raw HTML skipped, unsafe link schemes dropped.
import { Anchor, List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';

/** Mantine's typography for the elements Markdown makes, so documents read like the rest of the store. */
const components: Components = {
  h1: ({ children }) => (
    <Title order={1} size="h2" mt="md">
      {children}
    </Title>
  ),
  h2: ({ children }) => (
    <Title order={2} size="h4" mt="md">
      {children}
    </Title>
  ),
  h3: ({ children }) => (
    <Title order={3} size="h4" mt="md">
      {children}
    </Title>
  ),
  p: ({ children }) => <Text style={{ whiteSpace: 'pre-line' }}>{children}</Text>,
  ul: ({ children }) => (
    <List type="unordered" spacing="xs">
      {children}
    </List>
  ),
  ol: ({ children }) => (
    <List type="ordered" spacing="xs">
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{children}</List.Item>,
  // Links leave the store: a new tab, and no opener or referrer handed to the other site.
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" underline="always">
      {children}
    </Anchor>
  ),
};

/** Renders the source; HTML typed into it is skipped, never inserted into the page. */
export function Markdown({ source }: { source: string }): ReactNode {
  return (
    <ReactMarkdown components={components} skipHtml>
      {source}
    </ReactMarkdown>
  );
}
