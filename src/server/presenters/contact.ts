import type { ContactDetails } from '../db/repositories/contacts';

/** Primary first, then in a stable order, however the rows were loaded. */
function primaryFirst<T extends { isPrimary: boolean }>(rows: T[], key: (r: T) => string): T[] {
  return [...rows].sort(
    (a, b) => Number(b.isPrimary) - Number(a.isPrimary) || key(a).localeCompare(key(b)),
  );
}

/** The staff view of a contact. A new column never appears here unless added on purpose. */
export function presentContact(c: ContactDetails) {
  return {
    id: c.id,
    kind: c.kind,
    organizationType: c.organizationType,
    name: c.name,
    givenName: c.givenName,
    familyName: c.familyName,
    roles: c.roles,
    preferredLanguage: c.preferredLanguage,
    timeZone: c.timeZone,
    preferredChannel: c.preferredChannel,
    tags: c.tags,
    owner: c.owner,
    household: c.household,
    emails: primaryFirst(c.emails, (e) => e.address).map((e) => ({
      address: e.address,
      label: e.label,
      primary: e.isPrimary,
      bounced: e.bouncedAt !== null,
    })),
    phones: primaryFirst(c.phones, (p) => p.number).map((p) => ({
      number: p.number,
      label: p.label,
      primary: p.isPrimary,
    })),
    addresses: primaryFirst(c.addresses, (a) => `${a.country} ${a.line1}`).map((a) => ({
      label: a.label,
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      region: a.region,
      postalCode: a.postalCode,
      country: a.country,
      primary: a.isPrimary,
    })),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A presented contact. */
export type ContactView = ReturnType<typeof presentContact>;
