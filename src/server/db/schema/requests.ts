import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { requestChannels, requestPriorities } from '../../../shared/schemas/promises';
import {
  assignmentStrategies,
  messageAuthors,
  messageVisibilities,
  requestStatuses,
} from '../../../shared/requests';
import type { CustomFieldDefinition } from '../../../shared/custom-fields';
import { contacts } from './contacts';
import { organizations } from './organizations';
import { users } from './users';

/** Service-desk settings of an organization (one row each, created on first use). */
export const deskSettings = pgTable('desk_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  categories: text('categories')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  reopenDays: integer('reopen_days').notNull().default(7),
  customFields: jsonb('custom_field_definitions')
    .$type<CustomFieldDefinition[]>()
    .notNull()
    .default([]),
});

/** Teams: who answers what, on which calendar, handing out work by a strategy. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    strategy: text('strategy', { enum: assignmentStrategies }).notNull().default('manual'),
    calendarId: uuid('calendar_id'),
    waitingThreshold: integer('waiting_threshold').notNull().default(3),
    backupEmails: text('backup_emails')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('teams_org_id_key').on(t.orgId, t.id)],
);

/** Team membership with each person's capacity (open requests at most) and availability. */
export const teamMembers = pgTable(
  'team_members',
  {
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    capacity: integer('capacity').notNull().default(20),
    available: boolean('available').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    foreignKey({
      name: 'team_members_team_fk',
      columns: [t.orgId, t.teamId],
      foreignColumns: [teams.orgId, teams.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'team_members_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
  ],
);

/** Conditions of a routing rule; empty lists match anything. */
export type RoutingConditions = {
  categories?: string[];
  channels?: string[];
  languages?: string[];
  tiers?: string[];
};

/** Ordered routing rules: the first that matches sends the request to its team. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    position: integer('position').notNull(),
    conditions: jsonb('conditions').$type<RoutingConditions>().notNull(),
    teamId: uuid('team_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'routing_rules_team_fk',
      columns: [t.orgId, t.teamId],
      foreignColumns: [teams.orgId, teams.id],
    }).onDelete('cascade'),
    index('routing_rules_order_idx').on(t.orgId, t.position),
  ],
);

/** A request: a case raised by or for a contact. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull().default(''),
    category: text('category'),
    priority: text('priority', { enum: requestPriorities }).notNull().default('normal'),
    status: text('status', { enum: requestStatuses }).notNull().default('new'),
    channel: text('channel', { enum: requestChannels }).notNull(),
    requesterId: uuid('requester_id').notNull(),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
    language: text('language'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields')
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    followUpOfId: uuid('follow_up_of_id'),
    mergedIntoId: uuid('merged_into_id'),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The earliest due time of its running promise clocks: what the queue is ordered by. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    breached: boolean('breached').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('requests_org_id_key').on(t.orgId, t.id),
    unique('requests_org_number_key').on(t.orgId, t.number),
    foreignKey({
      name: 'requests_requester_fk',
      columns: [t.orgId, t.requesterId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    foreignKey({
      name: 'requests_assignee_fk',
      columns: [t.orgId, t.assigneeId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'requests_team_fk',
      columns: [t.orgId, t.teamId],
      foreignColumns: [teams.orgId, teams.id],
    }),
    index('requests_queue_idx').on(t.orgId, t.status, t.nextDueAt),
    // The queue's order: the next due instant, requests without a running clock last.
    index('requests_queue_order_idx').on(
      t.orgId,
      sql`coalesce(${t.nextDueAt}, 'infinity'::timestamptz)`,
      t.id,
    ),
    index('requests_assignee_idx').on(t.orgId, t.assigneeId, t.status),
    index('requests_team_idx').on(t.orgId, t.teamId, t.status),
    index('requests_requester_idx').on(t.orgId, t.requesterId),
  ],
);

/** The conversation of a request: public replies and internal notes. */
export const requestMessages = pgTable(
  'request_messages',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    /** Order of writing, which timestamps alone cannot give for messages in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id').notNull(),
    requestId: uuid('request_id').notNull(),
    visibility: text('visibility', { enum: messageVisibilities }).notNull(),
    author: text('author', { enum: messageAuthors }).notNull(),
    authorUserId: uuid('author_user_id'),
    authorContactId: uuid('author_contact_id'),
    channel: text('channel', { enum: requestChannels }).notNull(),
    body: text('body').notNull(),
    automatic: boolean('automatic').notNull().default(false),
    /** The email's Message-ID (theirs for incoming mail, ours for mail we sent): threads replies. */
    emailMessageId: text('email_message_id'),
    /** The address an emailed message came from (shown when it needs review). */
    fromAddress: text('from_address'),
    /** From someone who is neither the requester nor staff: kept as a note until a person looks. */
    needsReview: boolean('needs_review').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('request_messages_email_idx').on(t.orgId, t.emailMessageId),
    foreignKey({
      name: 'request_messages_request_fk',
      columns: [t.orgId, t.requestId],
      foreignColumns: [requests.orgId, requests.id],
    }).onDelete('cascade'),
    index('request_messages_request_idx').on(t.requestId, t.seq),
  ],
);

/** Related requests, linked both ways (stored once, smaller id first). */
export const requestLinks = pgTable(
  'request_links',
  {
    orgId: uuid('org_id').notNull(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.aId, t.bId] }),
    foreignKey({
      name: 'request_links_a_fk',
      columns: [t.orgId, t.aId],
      foreignColumns: [requests.orgId, requests.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'request_links_b_fk',
      columns: [t.orgId, t.bId],
      foreignColumns: [requests.orgId, requests.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A team's line over its threshold: from the moment the requests waiting for a first response
 * reach the threshold until they fall below it. The time over is what reports add up.
 */
export const teamLineEpisodes = pgTable(
  'team_line_episodes',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
    threshold: integer('threshold').notNull(),
    peak: integer('peak').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({
      name: 'team_line_episodes_team_fk',
      columns: [t.orgId, t.teamId],
      foreignColumns: [teams.orgId, teams.id],
    }).onDelete('cascade'),
    index('team_line_episodes_team_idx').on(t.orgId, t.teamId, t.startedAt),
    // One open episode per team, even when two requests cross the threshold at once.
    uniqueIndex('team_line_episodes_open_uq')
      .on(t.orgId, t.teamId)
      .where(sql`ended_at is null`),
  ],
);

/** In-app alerts for staff (a team's line too long…), resolved when the cause goes away. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    teamId: uuid('team_id'),
    message: text('message').notNull(),
    data: jsonb('data'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('alerts_open_idx').on(t.orgId, t.resolvedAt, t.createdAt)],
);

/** Canned replies: a text per language, with variables like {{requester.name}}. */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    bodies: jsonb('bodies').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('canned_replies_org_idx').on(t.orgId, t.name)],
);
