import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  deleteUserSessions,
  findUser,
  updateUser,
  type UserRow,
} from '../../db/repositories/users';
import type { StaffRole } from '../../db/schema/users';
import { notFound, invalid, AppError } from '../../errors';
import type { Actor } from '../actor';
import { hashPassword } from '../auth/secrets';
import { forgetCachedTokens } from '../auth/token-cache';
import { presentUserForAudit } from '../../presenters/user';
import { minPasswordLength } from './create-user';

/** Fields of a staff user that can change. */
export type UserChanges = {
  name?: string;
  role?: StaffRole;
  active?: boolean;
  locale?: string;
  password?: string;
};

/** Changes a staff user; deactivating or a new password ends their sessions. */
export async function changeUser(
  db: Executor,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<UserRow> {
  if (changes.password !== undefined && changes.password.length < minPasswordLength) {
    throw invalid('password', `must be at least ${minPasswordLength} characters`);
  }
  if (
    actor.userId === id &&
    (changes.active === false || (changes.role && changes.role !== 'admin'))
  ) {
    throw new AppError(
      'rule_violated',
      'you cannot deactivate yourself or give up your own admin role',
    );
  }
  const passwordHash =
    changes.password === undefined ? undefined : await hashPassword(changes.password);
  const result = await db.transaction(async (tx) => {
    const before = await findUser(tx, actor.orgId, id);
    if (!before) throw notFound('user');
    const { password: _password, ...rest } = changes;
    const after = await updateUser(tx, actor.orgId, id, {
      ...rest,
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
      updatedAt: new Date(),
    });
    if (changes.active === false || passwordHash) await deleteUserSessions(tx, id);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: presentUserForAudit(before),
      after: { ...presentUserForAudit(after!), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return after!;
  });
  forgetCachedTokens(); // after the commit, so no request caches the old state again
  return result;
}

/**
 * A staff member changes their own preferences: the language of the console and of the emails
 * Tend sends them, and their time zone. Audited like any change to a user.
 */
export async function changeOwnPreferences(
  db: Executor,
  actor: Actor,
  input: { locale?: string | undefined; timeZone?: string | null | undefined },
): Promise<UserRow> {
  if (!actor.userId) throw notFound('user');
  const id = actor.userId;
  return db.transaction(async (tx) => {
    const before = await findUser(tx, actor.orgId, id);
    if (!before) throw notFound('user');
    const after = await updateUser(tx, actor.orgId, id, {
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      updatedAt: new Date(),
    });
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      before: presentUserForAudit(before),
      after: presentUserForAudit(after!),
    });
    return after!;
  });
}
