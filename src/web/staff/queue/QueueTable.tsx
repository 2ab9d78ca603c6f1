import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, type Page, type QueueItem } from '../api';
import { DueBadge } from '../due';
import { useShortcuts } from '../shortcuts';
import { queueQuery, type Filters } from './filters';
import { searchBoxId } from './QueueFilters';

// Every row is one line of this height, so the list can be windowed without measuring.
const rowHeight = 44;
const headHeight = 40;
const priorityColor: Record<string, string> = { urgent: 'red', high: 'orange' };

/** The requests of one view, loaded a page at a time as the list scrolls; only the rows in sight
 * (and a few around them) are in the page. j/k or the arrows move the selection, Enter opens. */
export function QueueTable({ view, filters }: { view: string; filters: Filters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useInfiniteQuery({
    queryKey: ['requests', 'list', view, filters],
    queryFn: ({ pageParam }) => api<Page<QueueItem>>(queueQuery(view, filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
  });
  const items = virtual.getVirtualItems();
  const [selected, setSelected] = useState(-1);
  const focusPending = useRef(false);

  // Load the next page before the reader reaches the end of what is loaded.
  const lastShown = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastShown >= rows.length - 20) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastShown, rows.length]);

  // A selection moved by the keyboard takes the focus to its row's link once it is rendered.
  useEffect(() => {
    if (!focusPending.current) return;
    const link = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${selected}"] a`);
    if (link) {
      focusPending.current = false;
      link.focus({ preventScroll: true });
    }
  });

  const move = (by: number) => {
    if (rows.length === 0) return;
    const next = Math.min(rows.length - 1, Math.max(0, selected + by));
    if (selected + by >= rows.length && hasNextPage && !isFetchingNextPage) void fetchNextPage();
    focusPending.current = true;
    setSelected(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const open = () => {
    const row = rows[selected];
    if (row) void navigate(`/requests/${row.id}`);
    return !!row;
  };
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: (e) => inList(e) && move(1),
    ArrowUp: (e) => inList(e) && move(-1),
    // Enter on a link or a button does what it always does.
    Enter: (e) =>
      !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement) && open(),
    o: open,
    '/': () => document.getElementById(searchBoxId)?.focus(),
  });

  if (list.isPending) return <Text mt="md">{t('queue.loading')}</Text>;
  if (list.isError)
    return (
      <Text mt="md" c="red.9" role="alert">
        {list.error.message}
      </Text>
    );
  if (rows.length === 0)
    return (
      <Text mt="md" role="status">
        {Object.keys(filters).length ? t('queue.noMatch') : t('queue.empty')}
      </Text>
    );
  const before = (items[0]?.start ?? headHeight) - headHeight;
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? headHeight);
  return (
    <>
      <Text size="sm" c="dimmed" mt="xs" role="status" data-testid="queue-count">
        {t('queue.shown', { count: rows.length })}
        {hasNextPage ? ` · ${t('queue.more')}` : ''}
      </Text>
      <div ref={scroller} className="queue-scroll" data-testid="queue-scroll">
        <Table
          className="queue-table"
          highlightOnHover
          aria-label={t('queue.title')}
          aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        >
          <colgroup>
            <col style={{ width: '6.5rem' }} />
            <col />
            <col style={{ width: '14%' }} />
            <col style={{ width: '11%' }} />
            <col style={{ width: '7.5rem' }} />
            <col style={{ width: '13%' }} />
            <col style={{ width: '13.5rem' }} />
          </colgroup>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              <Table.Th>{t('queue.reference')}</Table.Th>
              <Table.Th>{t('queue.subject')}</Table.Th>
              <Table.Th>{t('queue.requester')}</Table.Th>
              <Table.Th>{t('queue.status')}</Table.Th>
              <Table.Th>{t('queue.priority')}</Table.Th>
              <Table.Th>{t('queue.assignee')}</Table.Th>
              <Table.Th>{t('queue.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <Spacer height={before} />}
            {items.map((item) => {
              const r = rows[item.index]!;
              return (
                <Table.Tr
                  key={r.id}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  className="queue-row"
                  data-selected={item.index === selected || undefined}
                  onFocus={() => setSelected(item.index)}
                  onClick={(e) => {
                    setSelected(item.index);
                    if (!(e.target as HTMLElement).closest('a')) void navigate(`/requests/${r.id}`);
                  }}
                >
                  <Table.Td>{r.reference}</Table.Td>
                  <Table.Td className="queue-cell">
                    <Anchor component={Link} to={`/requests/${r.id}`} className="queue-link">
                      {r.subject}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="queue-cell">{r.requesterName}</Table.Td>
                  <Table.Td className="queue-cell">{t(`status.${r.status}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={priorityColor[r.priority] ?? 'gray'} tt="none">
                      {t(`priority.${r.priority as 'normal'}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="queue-cell">
                    {r.assigneeName ?? (
                      <Text span size="sm" c="dimmed">
                        {t('queue.nobody')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DueBadge dueAt={r.nextDueAt} breached={r.breached} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {after > 0 && <Spacer height={after} />}
          </Table.Tbody>
        </Table>
        {isFetchingNextPage && (
          <Text size="sm" p="xs" c="dimmed">
            {t('queue.loadingMore')}
          </Text>
        )}
      </div>
    </>
  );
}

/** The height of the rows out of sight, so the scroll bar is true to the whole list. */
function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="queue-spacer">
      <td colSpan={7} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** Arrow keys move the selection only from the list itself (elsewhere they scroll or choose). */
function inList(e: KeyboardEvent): boolean {
  const el = e.target instanceof Element ? e.target : null;
  return !el || el === document.body || !!el.closest('.queue-scroll');
}
