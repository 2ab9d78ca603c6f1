import type { StaffRole } from '../db/schema/users';
import { staffRoles } from '../db/schema/users';
import type { Actor } from '../domain/actor';

const everyone = staffRoles;

/**
 * Who may do what: the one table every route is decided by. A route names one permission;
 * `npm run test:api` walks every route against every role.
 */
export const permissions = {
  'org.read': everyone,
  'org.manage': ['admin'],
  'contacts.read': everyone,
  'contacts.write': everyone,
  'contacts.delete': ['admin', 'manager'],
  'households.read': everyone,
  'households.write': everyone,
  'timeline.read': everyone,
  'timeline.write': everyone,
  'users.read': ['admin', 'manager'],
  'users.manage': ['admin'],
  'tokens.own': everyone,
  'tokens.manage': ['admin'],
  'audit.read': ['admin'],
  'requests.read': everyone,
  'requests.write': everyone,
  /** Internal notes on a client's request (a client's circumstances are sensitive). */
  'requests.client_notes': ['admin', 'manager', 'agent'],
  'desk.manage': ['admin', 'manager'],
  /** Hand incoming mail to Tend (a mail provider's webhook token). */
  'inbound.email': ['admin', 'manager'],
  'promises.read': everyone,
  'promises.manage': ['admin', 'manager'],
  /**
   * Gifts are fundraising data: the fundraisers and those who run the organization, and the
   * agents who answer donors' questions ("did my gift arrive?"), read them; volunteer
   * coordinators do not.
   */
  'gifts.read': ['admin', 'manager', 'agent', 'fundraiser'],
  'gifts.write': ['admin', 'manager', 'fundraiser'],
  /** Funds and programs are the organization's books: set up by admins and managers. */
  'funds.manage': ['admin', 'manager'],
  /** Programs tell donors what their gifts did: impact updates (stories and figures). */
  'impact.write': ['admin', 'manager', 'fundraiser'],
  /** Thank-you templates are the fundraisers' own words, written with those who run the place. */
  'thanks.manage': ['admin', 'manager', 'fundraiser'],
  /** Donor levels decide how donors are treated (policies, routing): set by those who run it. */
  'levels.manage': ['admin', 'manager'],
} as const satisfies Record<string, readonly StaffRole[]>;

/** One permission name. */
export type Permission = keyof typeof permissions;

/**
 * What a route requires: a permission, any signed-in staff member, a contact signed in to the
 * portal (`portal`: their own records only, decided by the portal's domain calls), or nobody
 * (public).
 */
export type Access = Permission | 'signed_in' | 'portal' | 'public';

/** Whether a role holds a permission. */
export function can(role: StaffRole, permission: Permission): boolean {
  return (permissions[permission] as readonly StaffRole[]).includes(role);
}

/**
 * Whether an actor may do something. A token acts with its own role, capped by its user's current
 * role, so demoting a person also demotes every token they made.
 */
export function actorCan(actor: Actor, permission: Permission): boolean {
  if (actor.role === 'system') return true;
  return (
    can(actor.role, permission) && (actor.userRole === undefined || can(actor.userRole, permission))
  );
}

/** Every permission a role holds. */
export function permissionsOf(role: StaffRole): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => can(role, p));
}

/** A user may give a token a role only when that role can do nothing the user cannot. */
export function canGrantRole(userRole: StaffRole, tokenRole: StaffRole): boolean {
  return permissionsOf(tokenRole).every((p) => can(userRole, p));
}
