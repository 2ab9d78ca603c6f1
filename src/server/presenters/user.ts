import type { ApiTokenRow, UserRow } from '../db/repositories/users';

/** The staff view of a user: never the password hash or lockout counters. */
export function presentUser(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user. */
export function presentUserForAudit(u: UserRow) {
  return { email: u.email, name: u.name, role: u.role, locale: u.locale, active: u.active };
}

/** The view of an API token: its prefix to recognise it, never the secret or its hash. */
export function presentToken(t: ApiTokenRow) {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    role: t.role,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
