import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The queue's filters, kept in the address (?status=open&teamId=…) so a filtered queue is a link. */
export const filterKeys = ['q', 'status', 'priority', 'category', 'teamId', 'assigneeId'] as const;
/** One filter. */
export type FilterKey = (typeof filterKeys)[number];
/** The filters set now. */
export type Filters = Partial<Record<FilterKey, string>>;

/** The filters in the address, and a setter that keeps the rest of it. */
export function useFilters(): [Filters, (key: FilterKey, value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () =>
      Object.fromEntries(
        filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!] as const] : [])),
      ) as Filters,
    [params],
  );
  const set = useCallback(
    (key: FilterKey, value: string) =>
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return [filters, set, clear];
}

/** The API query of a view with filters. */
export function queueQuery(view: string, filters: Filters, cursor?: string): string {
  const q = new URLSearchParams({ view, limit: '100', ...filters });
  if (cursor) q.set('cursor', cursor);
  return `/requests?${q.toString()}`;
}
