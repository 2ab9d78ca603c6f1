import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { Route } from 'react-router';

// The gift settings pages are their own chunk, loaded when one of them is opened.
const load = () => import('./pages');
const page = (pick: (m: Awaited<ReturnType<typeof load>>) => ComponentType) => {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return (
    <Suspense
      fallback={
        <Center mih={200}>
          <Loader />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
};

/** Settings → Gifts, Donor levels, Thank-you templates (relative routes of the settings area). */
export const stewardshipSettingsRoutes: ReactElement[] = [
  <Route key="gifts" path="gifts" element={page((m) => m.GiftSettingsPage)} />,
  <Route key="levels" path="levels" element={page((m) => m.LevelsPage)} />,
  <Route key="templates" path="templates" element={page((m) => m.TemplatesPage)} />,
  <Route key="template" path="templates/:name" element={page((m) => m.TemplateEdit)} />,
];
