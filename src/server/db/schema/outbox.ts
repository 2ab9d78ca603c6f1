import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Side effects waiting to be delivered (emails, webhooks), written in the same transaction as the
 * change that caused them; a worker delivers each and records it, so none is lost or sent twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    kind: text('kind', { enum: ['email', 'webhook'] }).notNull(),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull().default('en'),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** Our Message-ID (with angle brackets), known when queued so replies can thread at once. */
    messageId: text('message_id'),
    /** The request the email belongs to: its reply address and thread headers come from it. */
    requestId: uuid('request_id'),
    /** Message-IDs it answers (In-Reply-To is the last). */
    references: text('references')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Set, and committed, just before the mail server is asked: a delivery cut off after this
     * point is never tried again, so no email goes out twice. */
    sendingAt: timestamp('sending_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    smtpResponse: text('smtp_response'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.deliveredAt, t.createdAt),
    index('outbox_message_id_idx').on(t.orgId, t.messageId),
  ],
);
