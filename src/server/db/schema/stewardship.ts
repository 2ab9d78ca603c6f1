import { timeOrderedId } from './ids';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts';
import { funds, gifts, programs } from './gifts';
import { organizations } from './organizations';
import { users } from './users';

/** Money in integer minor units (cents); a JavaScript number holds it exactly up to 2^53. */
const money = (name: string) => bigint(name, { mode: 'number' });
const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * An organization's settings for gifts: its default currency, the amount from which a gift is a
 * major gift (a segment promise policies can name), and what its receipts print about it.
 */
export const giftSettings = pgTable('gift_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id),
  currency: text('currency').notNull().default('EUR'),
  /** Minor units in `currency`; null = no major-gift segment. */
  majorGiftAmount: money('major_gift_amount'),
  /** Printed on receipts: legal name, registration number, address, signatory, closing text. */
  receipt: jsonb('receipt').$type<Record<string, string | null>>().notNull().default({}),
  /**
   * How donors pay offline (the offline payment provider's instructions): account name, IBAN,
   * BIC, bank, whom cheques are payable to, where cash is taken.
   */
  payment: jsonb('payment').$type<Record<string, string | null>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedAt: updated(),
});

/**
 * Thank-you letters and emails an organization writes, one row per name and language; the body
 * carries merge fields ({{firstName}}, {{amount}}, {{fund}} …) filled in when a thank-you is sent.
 */
export const thanksTemplates = pgTable(
  'thanks_templates',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    language: text('language').notNull(),
    /** 'email' or 'letter'. */
    method: text('method').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    unique('thanks_templates_org_id_key').on(t.orgId, t.id),
    unique('thanks_templates_name_language_key').on(t.orgId, t.name, t.language),
  ],
);

/** A story and figures a program tells about what it did ("42 families housed in November"). */
export const impactUpdates = pgTable(
  'impact_updates',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The period the update reports on; an impact report shows those overlapping its own. */
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    /** [{ label, value, unit? }] */
    figures: jsonb('figures').$type<{ label: string; value: number; unit?: string }[]>().notNull(),
    /** { [language]: { title, story, figureLabels? } } for donors who read another language. */
    translations: jsonb('translations')
      .$type<Record<string, { title: string; story: string; figureLabels?: string[] }>>()
      .notNull()
      .default({}),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: created(),
  },
  (t) => [
    unique('impact_updates_org_id_key').on(t.orgId, t.id),
    foreignKey({
      name: 'impact_updates_program_fk',
      columns: [t.orgId, t.programId],
      foreignColumns: [programs.orgId, programs.id],
    }),
    foreignKey({
      name: 'impact_updates_created_by_fk',
      columns: [t.orgId, t.createdByUserId],
      foreignColumns: [users.orgId, users.id],
    }),
    check('impact_updates_period', sql`${t.periodTo} >= ${t.periodFrom}`),
    index('impact_updates_program_idx').on(t.orgId, t.programId, t.periodTo),
  ],
);

/**
 * Receipts and annual statements as issued: numbered without gaps per organization and year
 * (the number comes from receipt_counters in the issuing transaction), with what was printed
 * kept in `content` so a copy prints the same. Never changed: a refund issues a correction that
 * names the receipt it replaces.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** 'gift', 'statement' or 'correction'. */
    kind: text('kind').notNull(),
    contactId: uuid('contact_id').notNull(),
    giftId: uuid('gift_id'),
    replacesReceiptId: uuid('replaces_receipt_id'),
    language: text('language').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [
    unique('receipts_org_id_key').on(t.orgId, t.id),
    unique('receipts_number_key').on(t.orgId, t.year, t.number),
    foreignKey({
      name: 'receipts_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    foreignKey({
      name: 'receipts_gift_fk',
      columns: [t.orgId, t.giftId],
      foreignColumns: [gifts.orgId, gifts.id],
    }),
    foreignKey({
      name: 'receipts_replaces_fk',
      columns: [t.orgId, t.replacesReceiptId],
      foreignColumns: [t.orgId, t.id],
    }),
    check('receipts_number_positive', sql`${t.number} > 0`),
    index('receipts_contact_idx').on(t.orgId, t.contactId, t.issuedAt),
    index('receipts_gift_idx').on(t.orgId, t.giftId),
  ],
);

/** The last receipt number issued per organization and year (locked while issuing the next). */
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'receipt_counters_pkey', columns: [t.orgId, t.year] })],
);

/**
 * Donor levels ("treat different people differently"): a donor is placed in the highest level
 * whose minimum their giving reaches within the level's window. Levels are usable in promise
 * policies (as segments) and routing rules (as tiers) by their slug.
 */
export const donorLevels = pgTable(
  'donor_levels',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    minAmount: money('min_amount').notNull(),
    currency: text('currency').notNull(),
    /** 'lifetime', 'last_12_months' or 'this_year'. */
    window: text('window').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    unique('donor_levels_org_id_key').on(t.orgId, t.id),
    unique('donor_levels_slug_key').on(t.orgId, t.slug),
    check('donor_levels_min_positive', sql`${t.minAmount} > 0`),
  ],
);

/** Each donor's current level, kept current when their giving changes. */
export const contactLevels = pgTable(
  'contact_levels',
  {
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    levelId: uuid('level_id').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'contact_levels_pkey', columns: [t.orgId, t.contactId] }),
    foreignKey({
      name: 'contact_levels_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contact_levels_level_fk',
      columns: [t.orgId, t.levelId],
      foreignColumns: [donorLevels.orgId, donorLevels.id],
    }).onDelete('cascade'),
    index('contact_levels_level_idx').on(t.orgId, t.levelId),
  ],
);

/**
 * A gift or pledge offered through the portal, handled by a payment provider. The offline
 * provider answers with instructions (bank transfer, cheque, cash) and leaves the donation
 * pending until staff confirm the money arrived, which records the gift; a pledge is recorded
 * at once.
 */
export const donations = pgTable(
  'donations',
  {
    id: uuid('id').primaryKey().default(timeOrderedId),
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    provider: text('provider').notNull(),
    /** 'one_time', 'recurring' or 'pledge'. */
    kind: text('kind').notNull(),
    paymentMethod: text('payment_method').notNull(),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    fundId: uuid('fund_id'),
    /** 'pending', 'received', 'cancelled'. */
    status: text('status').notNull(),
    /** What the donor quotes with a transfer (e.g. D-2026-0042). */
    reference: text('reference').notNull(),
    giftId: uuid('gift_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    unique('donations_org_id_key').on(t.orgId, t.id),
    unique('donations_reference_key').on(t.orgId, t.reference),
    foreignKey({
      name: 'donations_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }),
    foreignKey({
      name: 'donations_fund_fk',
      columns: [t.orgId, t.fundId],
      foreignColumns: [funds.orgId, funds.id],
    }),
    foreignKey({
      name: 'donations_gift_fk',
      columns: [t.orgId, t.giftId],
      foreignColumns: [gifts.orgId, gifts.id],
    }),
    check('donations_amount_positive', sql`${t.amount} > 0`),
    index('donations_contact_idx').on(t.orgId, t.contactId, t.createdAt),
    index('donations_status_idx').on(t.orgId, t.status, t.createdAt),
  ],
);

/**
 * Each donor's giving per calendar year and currency — money received (not pledges or bequest
 * intentions), net of refunds and corrections, in the year the gift was received — kept by
 * triggers on gifts and gift_adjustments in the writing transaction (migration 0020), so it is
 * current the moment a gift is saved. LYBUNT/SYBUNT and level windows read a donor's few rows
 * here instead of aggregating every gift of the organization.
 */
export const givingYears = pgTable(
  'giving_years',
  {
    orgId: uuid('org_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    year: integer('year').notNull(),
    currency: text('currency').notNull(),
    total: money('total').notNull(),
    gifts: integer('gifts').notNull(),
    lastReceivedOn: date('last_received_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'giving_years_pkey', columns: [t.orgId, t.contactId, t.year, t.currency] }),
    foreignKey({
      name: 'giving_years_contact_fk',
      columns: [t.orgId, t.contactId],
      foreignColumns: [contacts.orgId, contacts.id],
    }).onDelete('cascade'),
    index('giving_years_year_idx').on(t.orgId, t.year, t.contactId),
  ],
);
