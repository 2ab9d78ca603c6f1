import type { ReactElement } from 'react';
import type { NavItem } from '../nav';

/** The settings pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const settingsRoutes: ReactElement[] = [];

/** The settings pages' entries in the header's navigation. */
export const settingsNav: NavItem[] = [];
