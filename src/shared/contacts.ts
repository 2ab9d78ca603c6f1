/**
 * Vocabulary and limits of contacts, shared by the server's schemas and the web apps.
 */

/** A contact is a person or an organization. */
export const contactKinds = ['person', 'organization'] as const;
/** What kind of organization a non-person contact is. */
export const organizationTypes = [
  'foundation',
  'company',
  'government',
  'community_group',
  'other',
] as const;
/** Roles a contact can hold, several at once. */
export const contactRoles = ['client', 'volunteer', 'donor', 'partner'] as const;
/** How a contact prefers to be reached. */
export const preferredChannels = ['email', 'phone', 'sms', 'post', 'portal'] as const;

/**
 * Relationship types, directed "from … to": `parent` means from is the parent of to.
 * Symmetric types read the same both ways.
 */
export const relationshipTypes = [
  'spouse',
  'partner',
  'sibling',
  'parent',
  'guardian',
  'employee',
  'member',
  'volunteer_at',
  'friend',
  'other',
] as const;

/** How each relationship type reads from the other side. */
export const relationshipInverse: Record<(typeof relationshipTypes)[number], string> = {
  spouse: 'spouse',
  partner: 'partner',
  sibling: 'sibling',
  parent: 'child',
  guardian: 'ward',
  employee: 'employer',
  member: 'has_member',
  volunteer_at: 'has_volunteer',
  friend: 'friend',
  other: 'other',
};

/** Interaction kinds every module appends to the timeline. */
export const interactionKinds = [
  'note',
  'call',
  'meeting',
  'email',
  'letter',
  'request',
  'message',
  'gift',
  'thanks',
  'shift',
  'survey',
  'assignment',
  'system',
] as const;
/** Channels an interaction came through or went out on. */
export const interactionChannels = [
  'email',
  'phone',
  'sms',
  'web',
  'portal',
  'walk_in',
  'post',
  'api',
  'in_person',
  'system',
] as const;
/** Which way an interaction went. */
export const interactionDirections = ['inbound', 'outbound', 'internal'] as const;

/** Input limits, identical in the API and the browser forms. */
export const contactLimits = {
  nameMax: 200,
  emailsMax: 10,
  phonesMax: 10,
  addressesMax: 10,
  tagsMax: 50,
  tagMax: 50,
  summaryMax: 2000,
  searchMax: 100,
} as const;
