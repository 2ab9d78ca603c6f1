import { Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';

/**
 * For an area whose pages are their own chunk (React.lazy), so the console's first load stays
 * small: `page((m) => m.X)` is the element that shows the chunk's page X, a loader until it arrives.
 * @example
 * const page = lazyPages(() => import('./pages'));
 * <Route path="/gifts" element={page((m) => m.GiftsList)} />;
 */
export function lazyPages<M>(load: () => Promise<M>) {
  return (pick: (m: M) => ComponentType): ReactElement => {
    const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
    return (
      <Suspense fallback={<Loader size="sm" />}>
        <Page />
      </Suspense>
    );
  };
}
