import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './files';

/** What became of an incoming email. */
export const inboundStates = ['received', 'processed', 'rejected', 'failed'] as const;

/**
 * Every incoming email exactly as it arrived, stored BEFORE the sender is told "250 OK": parsing
 * runs later in a job, so a crash re-parses from this original and nothing is lost.
 */
export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    /** Known once a recipient address names an organization (or a request of one). */
    orgId: uuid('org_id'),
    source: text('source', { enum: ['smtp', 'webhook'] }).notNull(),
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    state: text('state', { enum: inboundStates }).notNull().default('received'),
    /** What processing did: the request and message it joined or opened, or why not. */
    outcome: jsonb('outcome'),
    error: text('error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [index('inbound_emails_state_idx').on(t.state, t.receivedAt)],
);

/** Settings of the installation itself (not of an organization), e.g. its signing secret. */
export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
