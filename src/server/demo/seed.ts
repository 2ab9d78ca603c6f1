import { newId } from '../../core/ids';
import type { Clock } from '../../core/clock';
import type { Executor } from '../db/connection';
import { appendAudit } from '../db/repositories/audit';
import {
  contactAddresses,
  contactEmails,
  contactPhones,
  contacts,
  households,
  interactions,
  relationships,
} from '../db/schema';
import { systemActor } from '../domain/actor';
import { contactSearchText, displayName, toE164 } from '../domain/contacts/normalize';
import { generateDemoData } from './generate';

const batchSize = 500;
const dayMs = 86_400_000;

/** Inserts rows in batches small enough for the driver's parameter limit. */
export async function insertInBatches<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) await insert(rows.slice(i, i + batchSize));
}

/** Generates `count` contacts (deterministic for a seed) as table rows for one organization. */
export function buildSeedRows(orgId: string, count: number, seed: number, now: number) {
  const data = generateDemoData(count, seed);
  const householdIds = data.households.map(() => newId());
  const ids = data.contacts.map(() => newId());
  const created = new Date(now - 366 * dayMs);
  const at = (daysAgo: number) => new Date(now - Math.round(daysAgo * dayMs));
  return {
    households: data.households.map((name, i) => ({ id: householdIds[i]!, orgId, name })),
    contacts: data.contacts.map((c, i) => {
      const name = displayName(c.kind, c);
      return {
        id: ids[i]!,
        orgId,
        kind: c.kind,
        organizationType: c.organizationType ?? null,
        givenName: c.givenName ?? null,
        familyName: c.familyName ?? null,
        name,
        roles: c.roles,
        preferredLanguage: c.preferredLanguage,
        timeZone: c.timeZone,
        preferredChannel: c.preferredChannel,
        tags: c.tags,
        householdId: c.household === undefined ? null : householdIds[c.household]!,
        searchText: contactSearchText({ ...c, name }),
        createdAt: created,
        updatedAt: created,
      };
    }),
    emails: data.contacts.flatMap((c, i) =>
      c.emails.map((e, k) => ({
        orgId,
        contactId: ids[i]!,
        address: e.address,
        isPrimary: k === 0,
      })),
    ),
    phones: data.contacts.flatMap((c, i) =>
      c.phones.map((p, k) => ({
        orgId,
        contactId: ids[i]!,
        number: toE164(p.number, null, 'phone'),
        isPrimary: k === 0,
      })),
    ),
    addresses: data.contacts.flatMap((c, i) =>
      c.addresses.map((a, k) => ({ orgId, contactId: ids[i]!, ...a, isPrimary: k === 0 })),
    ),
    relationships: [
      ...data.spouses.map(([a, b]) => ({
        orgId,
        fromContactId: ids[a]!,
        toContactId: ids[b]!,
        type: 'spouse' as const,
      })),
      ...data.parents.map(([a, b]) => ({
        orgId,
        fromContactId: ids[a]!,
        toContactId: ids[b]!,
        type: 'parent' as const,
      })),
    ],
    timeline: data.contacts.flatMap((c, i) =>
      c.timeline.map((t) => ({
        orgId,
        contactId: ids[i]!,
        kind: t.kind,
        channel: t.channel,
        direction: t.direction,
        summary: t.summary,
        occurredAt: at(t.daysAgo),
      })),
    ),
  };
}

/** The rows of a generated dataset. */
export type SeedRows = ReturnType<typeof buildSeedRows>;

/**
 * Loads `count` generated contacts (with households, relationships and a year of timeline) into an
 * organization in bulk, and records the import in the audit log. Deterministic for a seed.
 */
export async function seedContacts(
  db: Executor,
  clock: Clock,
  orgId: string,
  opts: { count: number; seed?: number; onProgress?: (done: number, total: number) => void },
): Promise<{ contacts: number; interactions: number }> {
  const rows = buildSeedRows(orgId, opts.count, opts.seed ?? 42, clock.now().getTime());
  await insertInBatches(rows.households, (b) => db.insert(households).values(b));
  let done = 0;
  await insertInBatches(rows.contacts, async (b) => {
    await db.insert(contacts).values(b);
    done += b.length;
    opts.onProgress?.(done, rows.contacts.length);
  });
  await insertInBatches(rows.emails, (b) => db.insert(contactEmails).values(b));
  await insertInBatches(rows.phones, (b) => db.insert(contactPhones).values(b));
  await insertInBatches(rows.addresses, (b) => db.insert(contactAddresses).values(b));
  await insertInBatches(rows.relationships, (b) =>
    db.insert(relationships).values(b).onConflictDoNothing(),
  );
  await insertInBatches(rows.timeline, (b) => db.insert(interactions).values(b));
  await appendAudit(db, systemActor(orgId), {
    action: 'create',
    entityType: 'contact_import',
    entityId: `demo-seed-${opts.seed ?? 42}`,
    after: {
      contacts: rows.contacts.length,
      interactions: rows.timeline.length,
      households: rows.households.length,
      source: 'tend demo',
    },
  });
  return { contacts: rows.contacts.length, interactions: rows.timeline.length };
}
