/** Staff roles, from most to least powerful; shared by the server and the web apps. */
export const staffRoles = [
  'admin',
  'manager',
  'agent',
  'fundraiser',
  'volunteer_coordinator',
] as const;
/** One staff role. */
export type StaffRole = (typeof staffRoles)[number];
