import type { ReactElement } from 'react';
import { Route } from 'react-router';
import { lazyPages } from '../lazy-pages';
import type { NavItem } from '../nav';

// The contacts area is its own chunk (React.lazy), so the console's first load stays small.
const page = lazyPages(() => import('./pages'));

/** The contacts pages' routes (`<Route>` elements, each with a key), mounted by App. */
export const contactsRoutes: ReactElement[] = [
  <Route key="contacts" path="/contacts" element={page((m) => m.ContactsList)} />,
  <Route key="contacts-new" path="/contacts/new" element={page((m) => m.NewContact)} />,
  <Route key="contact" path="/contacts/:id" element={page((m) => m.ContactPage)} />,
  <Route key="contact-edit" path="/contacts/:id/edit" element={page((m) => m.EditContact)} />,
  <Route key="contact-log-call" path="/contacts/:id/log-call" element={page((m) => m.LogCall)} />,
  <Route key="log-call" path="/log-call" element={page((m) => m.LogCall)} />,
];

/** The contacts pages' entries in the header's navigation. */
export const contactsNav: NavItem[] = [
  { to: '/contacts', ns: 'contacts', label: 'nav' },
  { to: '/log-call', ns: 'contacts', label: 'logCallNav' },
];
