import type { StaffRole } from '../db/schema/users';

/** Who is doing something: a signed-in user, an API token, or Tend itself (CLI, jobs). */
export type Actor = {
  orgId: string;
  type: 'user' | 'token' | 'system';
  userId: string | null;
  tokenId: string | null;
  role: StaffRole | 'system';
  /** For a token: its user's current role. The token may do only what both roles allow. */
  userRole?: StaffRole;
  requestId?: string;
};

/** The actor for work Tend does on its own behalf inside an organization (CLI, demo data, jobs). */
export function systemActor(orgId: string): Actor {
  return { orgId, type: 'system', userId: null, tokenId: null, role: 'system' };
}
