import type { ComponentType } from 'react';

/**
 * An entry of the staff console's header navigation: a path and its label (namespace + key);
 * optionally the permission a role needs to see it and a small badge beside it (a count).
 */
export type NavItem = {
  to: string;
  ns: string;
  label: string;
  permission?: string;
  badge?: ComponentType;
};

/** Entries that share one menu of the header under a label of their own ("Giving"). */
export type NavGroup = { ns: string; label: string; items: NavItem[] };

/** What the header shows: a page, or a menu of pages. */
export type NavEntry = NavItem | NavGroup;

/** Whether an entry of the header is a menu of pages. */
export const isGroup = (entry: NavEntry): entry is NavGroup => 'items' in entry;
