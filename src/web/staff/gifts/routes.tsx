import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { api, type Me } from '../api';
import { lazyPages } from '../lazy-pages';
import type { NavItem } from '../nav';

// The gifts area is its own chunk (React.lazy), so the console's first load stays small.
const page = lazyPages(() => import('./pages'));

/** The gifts pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const giftsRoutes: ReactElement[] = [
  <Route key="gifts" path="/gifts" element={page((m) => m.GiftsList)} />,
  <Route key="gifts-new" path="/gifts/new" element={page((m) => m.RecordGift)} />,
  <Route key="gift" path="/gifts/:id" element={page((m) => m.GiftPage)} />,
  <Route key="thanks" path="/thanks" element={page((m) => m.ThanksQueue)} />,
  <Route key="donations" path="/donations" element={page((m) => m.Donations)} />,
];

/**
 * How many gifts are owed a thank-you (the queue's first page: "200+" beyond), beside the
 * navigation entry; refreshed every minute.
 */
function ThanksDue() {
  const { t } = useTranslation('gifts');
  const queue = useQuery({
    queryKey: ['gifts', 'thanks-queue', 'count'],
    queryFn: () =>
      api<{ data: unknown[]; nextCursor: string | null }>('/gifts/thanks-queue?limit=200'),
    refetchInterval: 60_000,
  });
  const n = queue.data?.data.length ?? 0;
  if (n === 0) return null;
  const label = queue.data?.nextCursor ? `${n}+` : String(n);
  return (
    <Badge
      component="span"
      size="sm"
      circle={n < 10}
      ml={6}
      color="red.9"
      style={{ display: 'inline-flex', verticalAlign: 'text-bottom' }}
      data-testid="thanks-due"
    >
      <span aria-hidden="true">{label}</span>
      <VisuallyHidden>{t('nav.due', { count: n })}</VisuallyHidden>
    </Badge>
  );
}

/** The gifts pages' entries in the header's navigation (for roles that may read gifts). */
export const giftsNav: NavItem[] = [
  { to: '/gifts', ns: 'gifts', label: 'nav.gifts', permission: 'gifts.read' },
  { to: '/thanks', ns: 'gifts', label: 'nav.thanks', permission: 'gifts.read', badge: ThanksDue },
];

/** Whether the signed-in person sees a navigation entry. */
export const mayShow = (item: NavItem, me: Me) =>
  !item.permission || (me.permissions ?? []).includes(item.permission);
