import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findUsersByEmail, insertUser, type UserRow } from '../../db/repositories/users';
import type { StaffRole } from '../../db/schema/users';
import { AppError, invalid } from '../../errors';
import type { Actor } from '../actor';
import { hashPassword } from '../auth/secrets';
import { presentUserForAudit } from '../../presenters/user';

/** A new staff member. Without a password the account cannot sign in until one is set. */
export type NewUser = {
  email: string;
  name: string;
  role: StaffRole;
  password?: string;
  locale?: string;
};

/** The shortest password Tend accepts (NIST 800-63B: at least 8; we ask for 10). */
export const minPasswordLength = 10;

/** Creates a staff user in the actor's organization; the email must be new there. */
export async function createUser(db: Executor, actor: Actor, input: NewUser): Promise<UserRow> {
  if (input.password !== undefined && input.password.length < minPasswordLength) {
    throw invalid('password', `must be at least ${minPasswordLength} characters`);
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    if ((await findUsersByEmail(tx, email, actor.orgId)).length > 0) {
      throw new AppError('conflict', `a user with email ${email} exists`, [
        { path: 'email', message: 'already in use' },
      ]);
    }
    const user = await insertUser(tx, {
      orgId: actor.orgId,
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash,
      locale: input.locale ?? 'en',
    });
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: presentUserForAudit(user),
    });
    return user;
  });
}
