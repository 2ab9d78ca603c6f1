import type { ReactElement } from 'react';
import type { NavItem } from '../nav';

/** The contacts pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const contactsRoutes: ReactElement[] = [];

/** The contacts pages' entries in the header's navigation. */
export const contactsNav: NavItem[] = [];
