import type { Clock } from '../../../core/clock';
import type { Executor } from '../../db/connection';
import { findOrganization } from '../../db/repositories/organizations';
import {
  deleteSession,
  findUsersByEmail,
  insertSession,
  updateUser,
  type UserRow,
} from '../../db/repositories/users';
import { AppError } from '../../errors';
import { hashSecret, newSecret, verifyPassword } from './secrets';

/** Settings sign-in depends on. */
export type SignInPolicy = { sessionHours: number; maxFailures: number; lockMinutes: number };

/** A started session: the cookie value (shown once) and the signed-in user. */
export type StartedSession = { token: string; user: UserRow; expiresAt: Date };

const wrongCredentials = () => new AppError('unauthenticated', 'email or password is wrong');

/**
 * Checks an email and password and starts a session. After `maxFailures` wrong passwords in a row
 * the account is locked for `lockMinutes` (429), whatever password comes next.
 */
export async function signIn(
  db: Executor,
  clock: Clock,
  policy: SignInPolicy,
  input: { email: string; password: string; org?: string },
): Promise<StartedSession> {
  const now = clock.now();
  let orgId: string | undefined;
  if (input.org !== undefined) {
    const org = await findOrganization(db, input.org);
    if (!org) throw wrongCredentials();
    orgId = org.id;
  }
  const candidates = await findUsersByEmail(db, input.email.trim(), orgId);
  if (candidates.length > 1) {
    throw new AppError(
      'validation_failed',
      'this email is staff in several organizations: name one',
      [{ path: 'org', message: 'required for this email' }],
    );
  }
  const user = candidates[0];
  if (user?.lockedUntil && user.lockedUntil > now) {
    const retryAfter = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('rate_limited', 'too many wrong passwords; try again later', [], {
      'retry-after': String(retryAfter),
    });
  }
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok || !user.active) {
    if (user) await recordFailure(db, user, now, policy);
    throw wrongCredentials();
  }
  if (user.failedLogins > 0)
    await updateUser(db, user.orgId, user.id, { failedLogins: 0, lockedUntil: null });
  const token = newSecret('tend_ses');
  const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000);
  await insertSession(db, {
    orgId: user.orgId,
    userId: user.id,
    tokenHash: hashSecret(token),
    expiresAt,
  });
  return { token, user, expiresAt };
}

async function recordFailure(
  db: Executor,
  user: UserRow,
  now: Date,
  policy: SignInPolicy,
): Promise<void> {
  const failures = user.failedLogins + 1;
  const locked = failures >= policy.maxFailures;
  await updateUser(db, user.orgId, user.id, {
    failedLogins: locked ? 0 : failures,
    lockedUntil: locked ? new Date(now.getTime() + policy.lockMinutes * 60_000) : user.lockedUntil,
  });
}

/** Ends the session a cookie value belongs to (nothing to do for an unknown one). */
export async function signOut(db: Executor, token: string): Promise<void> {
  await deleteSession(db, hashSecret(token));
}
