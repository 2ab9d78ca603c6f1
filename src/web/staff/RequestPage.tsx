import { useParams } from 'react-router';
import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// The request page is its own chunk, so the console's first load stays small; the queue fetches
// it ahead while the browser is idle (prefetchRequestPage), so opening a request does not wait.
const load = () => import('./request/RequestView');
const View = lazy(() => load().then((m) => ({ default: m.RequestView })));

/** Loads the request page's code before it is needed. */
export function prefetchRequestPage(): void {
  void load();
}

/** One request: its conversation and reply box, properties, promises and requester. */
export function RequestPage() {
  // One view per request: a draft reply never follows the person to another request.
  const id = useParams().id;
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <View key={id} />
    </Suspense>
  );
}
