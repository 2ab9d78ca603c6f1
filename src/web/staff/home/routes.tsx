import type { ReactElement } from 'react';
import { Route } from 'react-router';
import type { NavItem } from '../nav';
import { Home } from './Home';

/** The home pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const homeRoutes: ReactElement[] = [<Route key="home" path="/" element={<Home />} />];

/** The home pages' entries in the header's navigation. */
export const homeNav: NavItem[] = [{ to: '/', ns: 'home', label: 'nav' }];
