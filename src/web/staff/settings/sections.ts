/** One settings section: where it lives and the permissions to see and to change it. */
export type Section = {
  id:
    | 'organization'
    | 'teams'
    | 'routing'
    | 'canned'
    | 'desk'
    | 'calendars'
    | 'policies'
    | 'users'
    | 'tokens'
    | 'gifts'
    | 'levels'
    | 'templates';
  read: string;
  manage: string;
  /** The catalogue of its title and description when not `settings` (e.g. `stewardship`). */
  ns?: string;
};

/** The settings sections, grouped as the index shows them (permission names as the API's). */
export const sectionGroups: {
  id: 'desk' | 'promises' | 'giving' | 'access' | 'org';
  ns?: string;
  sections: Section[];
}[] = [
  {
    id: 'desk',
    sections: [
      { id: 'teams', read: 'requests.read', manage: 'desk.manage' },
      { id: 'routing', read: 'requests.read', manage: 'desk.manage' },
      { id: 'canned', read: 'requests.read', manage: 'desk.manage' },
      { id: 'desk', read: 'requests.read', manage: 'desk.manage' },
    ],
  },
  {
    id: 'promises',
    sections: [
      { id: 'calendars', read: 'promises.read', manage: 'promises.manage' },
      { id: 'policies', read: 'promises.read', manage: 'promises.manage' },
    ],
  },
  {
    id: 'giving',
    ns: 'stewardship',
    sections: [
      { id: 'gifts', read: 'gifts.read', manage: 'funds.manage', ns: 'stewardship' },
      { id: 'levels', read: 'gifts.read', manage: 'levels.manage', ns: 'stewardship' },
      { id: 'templates', read: 'gifts.read', manage: 'thanks.manage', ns: 'stewardship' },
    ],
  },
  {
    id: 'access',
    sections: [
      { id: 'users', read: 'users.read', manage: 'users.manage' },
      { id: 'tokens', read: 'tokens.own', manage: 'tokens.own' },
    ],
  },
  {
    id: 'org',
    sections: [{ id: 'organization', read: 'org.read', manage: 'org.manage' }],
  },
];

/** Every section, in the order of the side navigation. */
export const sections: Section[] = sectionGroups.flatMap((g) => g.sections);
