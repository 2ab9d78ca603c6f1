import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ReactElement } from 'react';
import { Route } from 'react-router';
import type { NavItem } from '../nav';

// The settings area is its own chunk: the queue's first load never pays for it.
const SettingsArea = lazy(() => import('./SettingsArea'));

/** The settings pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const settingsRoutes: ReactElement[] = [
  <Route
    key="settings"
    path="/settings/*"
    element={
      <Suspense
        fallback={
          <Center mih={200}>
            <Loader />
          </Center>
        }
      >
        <SettingsArea />
      </Suspense>
    }
  />,
];

/** The settings pages' entries in the header's navigation. */
export const settingsNav: NavItem[] = [{ to: '/settings', ns: 'settings', label: 'nav' }];
