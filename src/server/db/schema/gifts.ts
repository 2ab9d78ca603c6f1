import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import {
  giftAdjustmentKinds,
  giftKinds,
  paymentMethods,
  softCreditTypes,
  thanksMethods,
} from '../../../shared/gifts';
import { contacts } from './contacts';
import { organizations } from './organizations';
import { users } from './users';

/** Money in integer minor units (cents); a JavaScript number holds it exactly up to 2^53. */
const money = (name: string) => bigint(name, { mode: 'number' });

/** What an organization does with the money: funds belong to programs, updates report on them. */
export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('programs_org_id_key').on(t.orgId, t.id)],
);

/** Where gifts are designated: restricted to a purpose or unrestricted, under a program. */
export const funds = pgTable(
  'funds',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    programId: uuid('program_id'),
    name: text('name').notNull(),
    restricted: boolean('restricted').notNull(),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('funds_org_id_key').on(t.orgId, t.id),
    foreignKey({
      name: 'funds_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
  ],
);

/**
 * One gift of one kind. The row is never updated: refunds, corrections and write-offs are
 * appended to gift_adjustments. Kind-specific facts (schedule, goods, hours, grant period and
 * deliverables…) are in `details`, checked by the API's schema of that kind.
 */
export const gifts = pgTable(
  'gifts',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    contactId: uuid('contact_id').notNull(),
    kind: text('kind', { enum: giftKinds }).notNull(),
    /** Minor units; null only where a kind allows no amount (a bequest intention, goods unvalued). */
    amount: money('amount'),
    currency: text('currency').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    paymentMethod: text('payment_method', { enum: paymentMethods }),
    campaign: text('campaign'),
    appeal: text('appeal'),
    /** A payment made against a pledge. */
    pledgeId: uuid('pledge_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /**
     * How this gift is to be thanked and by whom (a call task for a named staff member), as the
     * matching promise policy said when the gift was recorded; null = by email, anyone.
     */
    thanksMethod: text('thanks_method', { enum: thanksMethods }),
    thanksUserId: uuid('thanks_user_id'),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('gifts_org_id_key').on(t.orgId, t.id),
    foreignKey({
      name: 'gifts_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    foreignKey({
      name: 'gifts_pledge_fk',
      columns: [t.orgId, t.pledgeId],
      foreignColumns: [t.orgId, t.id],
    }),
    foreignKey({
      name: 'gifts_thanks_user_fk',
      columns: [t.orgId, t.thanksUserId],
      foreignColumns: [users.orgId, users.id],
    }),
    foreignKey({
      name: 'gifts_created_by_fk',
      columns: [t.orgId, t.createdByUserId],
      foreignColumns: [users.orgId, users.id],
    }),
    check('gifts_amount_positive', sql`${t.amount} is null or ${t.amount} > 0`),
    check('gifts_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('gifts_contact_idx').on(t.orgId, t.contactId, t.receivedOn),
    index('gifts_list_idx').on(t.orgId, t.receivedOn.desc(), t.id.desc()),
    index('gifts_pledge_idx').on(t.orgId, t.pledgeId),
    // A donor's money received by currency, largest first: the giving summary's largest gift is
    // the first entry that no adjustment changed, with no need to read the donor's other gifts.
    index('gifts_giving_idx')
      .on(t.orgId, t.contactId, t.currency, t.amount.desc(), t.receivedOn, t.id)
      .where(sql`amount is not null and kind not in ('pledge', 'bequest_intention')`),
    // A donor's latest recurring gift (the "recurring donor" segment) without reading all their
    // gifts of the last 13 months to find it.
    index('gifts_recurring_idx')
      .on(t.orgId, t.contactId, t.receivedOn)
      .where(sql`kind = 'recurring'`),
  ],
);

const giftRef = (name: string, orgId: PgColumn, giftId: PgColumn) =>
  foreignKey({ name, columns: [orgId, giftId], foreignColumns: [gifts.orgId, gifts.id] });

/** A gift's designation to funds, split by amount; the parts add up to the gift's amount. */
export const giftAllocations = pgTable(
  'gift_allocations',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    giftId: uuid('gift_id').notNull(),
    fundId: uuid('fund_id').notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [
    giftRef('gift_allocations_gift_fk', t.orgId, t.giftId),
    foreignKey({
      name: 'gift_allocations_fund_fk',
      columns: [t.orgId, t.fundId],
      foreignColumns: [funds.orgId, funds.id],
    }),
    check('gift_allocations_amount_positive', sql`${t.amount} > 0`),
    index('gift_allocations_gift_idx').on(t.orgId, t.giftId),
    index('gift_allocations_fund_idx').on(t.orgId, t.fundId),
  ],
);

/**
 * Credit shared with another contact (a spouse, a matching employer, the person honoured):
 * shown beside that contact's giving, never added into anyone's own totals.
 */
export const giftSoftCredits = pgTable(
  'gift_soft_credits',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    giftId: uuid('gift_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    type: text('type', { enum: softCreditTypes }).notNull(),
    amount: money('amount'),
    /** Whom to tell of a tribute (the family of the person remembered). */
    notifyContactId: uuid('notify_contact_id'),
  },
  (t) => [
    giftRef('gift_soft_credits_gift_fk', t.orgId, t.giftId),
    foreignKey({
      name: 'gift_soft_credits_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    foreignKey({
      name: 'gift_soft_credits_notify_fk',
      columns: [t.orgId, t.notifyContactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    check('gift_soft_credits_amount_positive', sql`${t.amount} is null or ${t.amount} > 0`),
    index('gift_soft_credits_gift_idx').on(t.orgId, t.giftId),
    index('gift_soft_credits_contact_idx').on(t.orgId, t.contactId),
  ],
);

/**
 * Appended changes to a gift's money: a refund or write-off takes `amount` away, a correction
 * adds or takes away (signed). A gift's net amount is its amount plus the sum of these.
 */
export const giftAdjustments = pgTable(
  'gift_adjustments',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    giftId: uuid('gift_id').notNull(),
    /**
     * The adjusted gift's donor, copied from the gift by a trigger (migration 0022, also when a
     * gift moves to another contact): a donor's adjusted gifts are then found without probing
     * each of their gifts (the giving summary). Not written by the application.
     */
    contactId: uuid('contact_id'),
    kind: text('kind', { enum: giftAdjustmentKinds }).notNull(),
    /** Signed minor units added to the gift's amount (negative for a refund). */
    delta: money('delta').notNull(),
    reason: text('reason'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    giftRef('gift_adjustments_gift_fk', t.orgId, t.giftId),
    check('gift_adjustments_delta_nonzero', sql`${t.delta} <> 0`),
    index('gift_adjustments_gift_idx').on(t.orgId, t.giftId),
    index('gift_adjustments_contact_idx').on(t.orgId, t.contactId, t.giftId),
  ],
);

/** Each thank-you given for a gift (the first fulfils its thanks promise). */
export const giftThanks = pgTable(
  'gift_thanks',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    giftId: uuid('gift_id').notNull(),
    method: text('method', { enum: thanksMethods }).notNull(),
    note: text('note'),
    thankedAt: timestamp('thanked_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
  },
  (t) => [
    giftRef('gift_thanks_gift_fk', t.orgId, t.giftId),
    index('gift_thanks_gift_idx').on(t.orgId, t.giftId),
  ],
);
