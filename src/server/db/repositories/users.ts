import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../connection';
import { apiTokens, sessions, users } from '../schema';

/** A staff user row (includes the password hash: never present it). */
export type UserRow = typeof users.$inferSelect;
/** An API token row. */
export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A user of one organization by id. */
export async function findUser(
  db: Executor,
  orgId: string,
  id: string,
): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** Users with this email, in one organization or across all (sign-in without an organization). */
export async function findUsersByEmail(
  db: Executor,
  email: string,
  orgId?: string,
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), orgId ? eq(users.orgId, orgId) : undefined))
    .limit(5);
}

/** Users of an organization, by email. */
export async function listUsers(db: Executor, orgId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.email));
}

/** Inserts a user. */
export async function insertUser(
  db: Executor,
  values: typeof users.$inferInsert,
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

/** Updates a user's fields. */
export async function updateUser(
  db: Executor,
  orgId: string,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set(values)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .returning();
  return row;
}

/** Stores a new session. */
export async function insertSession(
  db: Executor,
  values: typeof sessions.$inferInsert,
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** The live session with this token hash, with its user. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

/** Ends a session. */
export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (password change, deactivation). */
export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Stores a new API token. */
export async function insertToken(
  db: Executor,
  values: typeof apiTokens.$inferInsert,
): Promise<ApiTokenRow> {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

/** The usable token with this hash (not revoked, not expired), with its user. */
export async function findLiveToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    );
  return row;
}

/** Notes a token's use, at most once a minute, so a busy token does not write on every call. */
export async function touchToken(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.id, id),
        or(
          isNull(apiTokens.lastUsedAt),
          sql`${apiTokens.lastUsedAt} < ${new Date(now.getTime() - 60_000)}`,
        ),
      ),
    );
}

/** Tokens of an organization, optionally only one user's. */
export async function listTokens(
  db: Executor,
  orgId: string,
  userId?: string,
): Promise<ApiTokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), userId ? eq(apiTokens.userId, userId) : undefined))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
}

/** A token of an organization by id. */
export async function findToken(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
  return row;
}

/** Marks a token revoked. */
export async function revokeToken(
  db: Executor,
  orgId: string,
  id: string,
  now: Date,
): Promise<ApiTokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)))
    .returning();
  return row;
}
