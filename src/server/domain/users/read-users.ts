import type { Executor } from '../../db/connection';
import { findUser, listUsers } from '../../db/repositories/users';
import { notFound } from '../../errors';
import { presentUser } from '../../presenters/user';
import type { Actor } from '../actor';

/** The organization's staff, presented. */
export async function userList(db: Executor, actor: Actor) {
  return (await listUsers(db, actor.orgId)).map(presentUser);
}

/** One staff member; 404 when not of the caller's organization. */
export async function getUser(db: Executor, actor: Actor, id: string) {
  const user = await findUser(db, actor.orgId, id);
  if (!user) throw notFound('user');
  return presentUser(user);
}
