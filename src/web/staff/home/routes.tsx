import type { ReactElement } from 'react';
import type { NavItem } from '../nav';

/** The home pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const homeRoutes: ReactElement[] = [];

/** The home pages' entries in the header's navigation. */
export const homeNav: NavItem[] = [];
