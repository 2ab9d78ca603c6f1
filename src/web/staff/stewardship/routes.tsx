import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { lazyPages } from '../lazy-pages';
import type { NavItem } from '../nav';

// Programs, funds and impact updates are their own chunk (React.lazy): the first load stays small.
const page = lazyPages(() => import('./pages'));

/** The stewardship pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const stewardshipRoutes: ReactElement[] = [
  <Route key="programs" path="/programs" element={page((m) => m.ProgramsPage)} />,
  <Route key="program" path="/programs/:id" element={page((m) => m.ProgramPage)} />,
  <Route
    key="impact-new"
    path="/programs/:id/updates/new"
    element={page((m) => m.ImpactUpdateEdit)}
  />,
  <Route
    key="impact-edit"
    path="/programs/:id/updates/:updateId"
    element={page((m) => m.ImpactUpdateEdit)}
  />,
];

/** The stewardship pages' entries in the header's navigation. */
export const stewardshipNav: NavItem[] = [
  { to: '/programs', ns: 'stewardship', label: 'nav', permission: 'gifts.read' },
];
