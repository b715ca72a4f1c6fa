// A small Markdown reader for the store's documents: headings, paragraphs and lists, rendered as React elements (never as HTML).
import { List, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] };

const headingPattern = /^(#{1,3})\s+(.*)$/;
const bulletPattern = /^[-*]\s+(.*)$/;
const numberedPattern = /^\d+\.\s+(.*)$/;

/** The blocks of a Markdown text; anything the documents do not use (links, emphasis) stays as typed. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of source.split(/\r?\n/)) {
    const heading = headingPattern.exec(line);
    const bullet = bulletPattern.exec(line);
    const numbered = numberedPattern.exec(line);
    if (line.trim() === '') {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const text = (bullet ?? numbered)![1]!;
      const last = blocks.at(-1);
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(text);
      else blocks.push({ type: 'list', ordered, items: [text] });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export function Markdown({ source }: { source: string }): ReactNode {
  return parseMarkdown(source).map((block, index) => {
    const key = `${block.type}-${index}`;
    if (block.type === 'heading')
      return (
        <Title key={key} order={block.level} size={block.level === 1 ? 'h2' : 'h4'} mt="md">
          {block.text}
        </Title>
      );
    if (block.type === 'list')
      return (
        <List key={key} type={block.ordered ? 'ordered' : 'unordered'} spacing="xs">
          {block.items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      );
    return (
      <Text key={key} style={{ whiteSpace: 'pre-line' }}>
        {block.text}
      </Text>
    );
  });
}
