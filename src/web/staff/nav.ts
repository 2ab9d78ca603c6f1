/** An entry of the staff console's header navigation: a path and its label (namespace + key). */
export type NavItem = { to: string; ns: string; label: string };
