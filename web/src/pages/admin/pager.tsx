// Paging of the admin lists kept in the URL: the `offset` parameter as read, and the previous / next buttons under the table.
import { Button, Group } from '@mantine/core';

/** The list's offset from the URL; anything not a non-negative whole number is the first page. */
export function offsetParam(params: URLSearchParams): number {
  return Math.max(Number.parseInt(params.get('offset') ?? '0', 10) || 0, 0);
}

/** Shown only when there is more than one page; `shown` is how many rows this page has. */
export function Pager({
  total,
  offset,
  shown,
  pageSize,
  prevLabel,
  nextLabel,
  onOffset,
}: {
  total: number;
  offset: number;
  shown: number;
  pageSize: number;
  prevLabel: string;
  nextLabel: string;
  onOffset: (offset: number) => void;
}) {
  if (total <= pageSize) return null;
  return (
    <Group>
      <Button
        size="xs"
        variant="default"
        disabled={offset === 0}
        onClick={() => onOffset(Math.max(offset - pageSize, 0))}
      >
        {prevLabel}
      </Button>
      <Button
        size="xs"
        variant="default"
        disabled={offset + shown >= total}
        onClick={() => onOffset(offset + pageSize)}
      >
        {nextLabel}
      </Button>
    </Group>
  );
}
