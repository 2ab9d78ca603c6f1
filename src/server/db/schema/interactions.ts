import { timeOrderedId } from './ids';
import { foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  interactionChannels,
  interactionDirections,
  interactionKinds,
} from '../../../shared/contacts';
import { contacts } from './contacts';

/** The timeline: one row per interaction with a contact, appended by every module. */
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    kind: text('kind', { enum: interactionKinds }).notNull(),
    channel: text('channel', { enum: interactionChannels }).notNull(),
    direction: text('direction', { enum: interactionDirections }).notNull(),
    summary: text('summary').notNull(),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'interactions_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    index('interactions_timeline_idx').on(t.orgId, t.contactId, t.occurredAt.desc(), t.id.desc()),
  ],
);
