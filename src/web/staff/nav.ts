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
