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
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CalendarInput } from '../../../core/business-time';
import type { PolicyConditions } from '../../../core/promises/policy-match';
import {
  clockEventTypes,
  clockStates,
  promiseSubjectTypes,
  promiseTargets,
  type PromiseTarget,
} from '../../../shared/promises';
import { organizations } from './organizations';

/** Business calendars: a time zone, weekly hours and holidays (the calendar file's shape). */
export const calendars = pgTable(
  'calendars',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<CalendarInput>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('calendars_org_id_key').on(t.orgId, t.id)],
);

/** One target of a policy: so many minutes on a calendar (null = round the clock). */
export type PolicyTarget = {
  target: PromiseTarget;
  minutes: number;
  calendarId: string | null;
  pauseStatuses: string[];
  warnBeforeMinutes: number;
};

/** Promise policies, in the organization's order; the first that matches applies. */
export const promisePolicies = pgTable(
  'promise_policies',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    subjectType: text('subject_type', { enum: promiseSubjectTypes }).notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<PolicyConditions>().notNull(),
    targets: jsonb('targets').$type<PolicyTarget[]>().notNull(),
    /** Gift policies: how to thank (email, letter, call) and who calls ('owner' or a user id). */
    thanks: jsonb('thanks').$type<{ method: 'email' | 'letter' | 'call'; by?: string | null }>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('promise_policies_org_id_key').on(t.orgId, t.id),
    index('promise_policies_order_idx').on(t.orgId, t.subjectType, t.position),
  ],
);

/**
 * One promise about one subject: the current terms and a projection of its event log
 * (state, due time, outcome), kept in step with the log in the same transaction.
 */
export const promiseClocks = pgTable(
  'promise_clocks',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    subjectType: text('subject_type', { enum: promiseSubjectTypes }).notNull(),
    subjectId: text('subject_id').notNull(),
    target: text('target', { enum: promiseTargets }).notNull(),
    policyId: uuid('policy_id'),
    minutes: integer('minutes').notNull(),
    calendarId: uuid('calendar_id'),
    warnBeforeMinutes: integer('warn_before_minutes').notNull().default(0),
    pauseStatuses: text('pause_statuses')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    state: text('state', { enum: clockStates }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    kept: boolean('kept'),
    usedMinutes: integer('used_minutes').notNull().default(0),
    overrunMinutes: integer('overrun_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('promise_clocks_org_id_key').on(t.orgId, t.id),
    foreignKey({
      name: 'promise_clocks_org_fk',
      columns: [t.orgId],
      foreignColumns: [organizations.id],
    }),
    index('promise_clocks_subject_idx').on(t.orgId, t.subjectType, t.subjectId),
    index('promise_clocks_due_idx').on(t.orgId, t.state, t.dueAt),
    index('promise_clocks_ledger_idx').on(t.orgId, t.subjectType, t.startedAt),
  ],
);

/** The event log of every clock: the source of truth its projection is computed from. */
export const promiseClockEvents = pgTable(
  'promise_clock_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').notNull(),
    clockId: uuid('clock_id').notNull(),
    type: text('type', { enum: clockEventTypes }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data'),
  },
  (t) => [
    foreignKey({
      name: 'promise_clock_events_clock_fk',
      columns: [t.orgId, t.clockId],
      foreignColumns: [promiseClocks.orgId, promiseClocks.id],
    }).onDelete('cascade'),
    index('promise_clock_events_clock_idx').on(t.clockId, t.id),
  ],
);
