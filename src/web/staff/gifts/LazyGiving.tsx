import { Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

const Panel = lazy(() => import('./GivingPanel').then((m) => ({ default: m.GivingPanel })));

/** The giving panel of a contact page, loaded with the gifts code only when a page shows it. */
export function LazyGivingPanel({ contactId }: { contactId: string }) {
  return (
    <Suspense fallback={<Loader size="sm" />}>
      <Panel contactId={contactId} />
    </Suspense>
  );
}
