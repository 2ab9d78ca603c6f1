import { foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts';
import { timeOrderedId } from './ids';

/**
 * Emailed portal sign-in links: single use, expiring; only the SHA-256 of the link's secret is
 * stored. Exchanging one for a session marks it used.
 */
export const portalSignIns = pgTable(
  'portal_sign_ins',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** Where the link leads after sign-in (a portal path), e.g. one request. */
    next: text('next'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'portal_sign_ins_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    index('portal_sign_ins_contact_idx').on(t.orgId, t.contactId, t.createdAt),
  ],
);

/** Portal sessions of contacts (a cookie apart from staff sessions); the SHA-256 is stored. */
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'portal_sessions_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
  ],
);
