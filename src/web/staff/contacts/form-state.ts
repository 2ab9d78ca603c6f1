import type { contactKinds, organizationTypes, preferredChannels } from '../../../shared/contacts';
import type { Contact, FieldProblem, Role } from './api';

/** One email row of the form. */
export type EmailRow = { key: number; address: string; label: string };
/** One phone row of the form. */
export type PhoneRow = { key: number; number: string; label: string };
/** One address row of the form. */
export type AddressRow = {
  key: number;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
};

/** Everything the contact form edits, as strings the inputs hold. */
export type ContactFormState = {
  kind: (typeof contactKinds)[number];
  givenName: string;
  familyName: string;
  name: string;
  organizationType: (typeof organizationTypes)[number] | '';
  roles: Role[];
  preferredLanguage: string;
  preferredChannel: (typeof preferredChannels)[number] | '';
  ownerUserId: string;
  tags: string[];
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
};

let nextKey = 1;
/** A key for a new row, so React keeps each row's inputs apart when rows are removed. */
export const rowKey = () => nextKey++;

/** A blank row of each list. */
export const blank = {
  email: (): EmailRow => ({ key: rowKey(), address: '', label: '' }),
  phone: (): PhoneRow => ({ key: rowKey(), number: '', label: '' }),
  address: (country: string): AddressRow => ({
    key: rowKey(),
    line1: '',
    line2: '',
    city: '',
    postalCode: '',
    country,
  }),
};

/** A new contact's form: a person with one empty email and phone. */
export function emptyForm(): ContactFormState {
  return {
    kind: 'person',
    givenName: '',
    familyName: '',
    name: '',
    organizationType: '',
    roles: [],
    preferredLanguage: '',
    preferredChannel: '',
    ownerUserId: '',
    tags: [],
    emails: [blank.email()],
    phones: [blank.phone()],
    addresses: [],
  };
}

// The API makes the first row primary when none is marked: keep the primary row first.
const primaryFirst = <T extends { primary: boolean }>(xs: T[]) =>
  [...xs].sort((a, b) => Number(b.primary) - Number(a.primary));

/** The form of an existing contact. */
export function formOf(c: Contact): ContactFormState {
  return {
    kind: c.kind,
    givenName: c.givenName ?? '',
    familyName: c.familyName ?? '',
    // A person's display name built from their names stays empty, so it follows a renaming.
    name:
      c.kind === 'person' && c.name === [c.givenName, c.familyName].filter(Boolean).join(' ')
        ? ''
        : c.name,
    organizationType: (c.organizationType ?? '') as ContactFormState['organizationType'],
    roles: c.roles,
    preferredLanguage: c.preferredLanguage ?? '',
    preferredChannel: c.preferredChannel ?? '',
    ownerUserId: c.owner?.id ?? '',
    tags: c.tags,
    emails: primaryFirst(c.emails).map((e) => ({
      key: rowKey(),
      address: e.address,
      label: e.label ?? '',
    })),
    phones: primaryFirst(c.phones).map((p) => ({
      key: rowKey(),
      number: p.number,
      label: p.label ?? '',
    })),
    addresses: primaryFirst(c.addresses).map((a) => ({
      key: rowKey(),
      line1: a.line1,
      line2: a.line2 ?? '',
      city: a.city ?? '',
      postalCode: a.postalCode ?? '',
      country: a.country,
    })),
  };
}

/** Which form row each sent list item came from (empty rows are not sent). */
export type RowMap = Record<'emails' | 'phones' | 'addresses', number[]>;

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/**
 * The API body of the form: empty rows and fields left out on create, cleared (null) on
 * update; with the map from sent rows back to form rows, for the API's `phones.0.number` paths.
 */
export function toBody(f: ContactFormState, mode: 'create' | 'update') {
  const clear = mode === 'update' ? null : undefined;
  const orNull = (s: string) => opt(s) ?? clear;
  const rows: RowMap = { emails: [], phones: [], addresses: [] };
  const keep = <T>(list: 'emails' | 'phones' | 'addresses', xs: T[], filled: (x: T) => boolean) =>
    xs.filter((x, i) => filled(x) && rows[list].push(i) > 0);
  const person = f.kind === 'person';
  const body = {
    ...(mode === 'create' ? { kind: f.kind } : {}),
    givenName: person ? orNull(f.givenName) : undefined,
    familyName: person ? orNull(f.familyName) : undefined,
    name: opt(f.name),
    organizationType: person ? undefined : (opt(f.organizationType) ?? clear),
    roles: f.roles,
    preferredLanguage: orNull(f.preferredLanguage),
    preferredChannel: opt(f.preferredChannel) ?? clear,
    ownerUserId: orNull(f.ownerUserId),
    tags: f.tags,
    emails: keep('emails', f.emails, (e) => !!e.address.trim()).map((e) => ({
      address: e.address.trim(),
      label: opt(e.label),
    })),
    phones: keep('phones', f.phones, (p) => !!p.number.trim()).map((p) => ({
      number: p.number.trim(),
      label: opt(p.label),
    })),
    addresses: keep(
      'addresses',
      f.addresses,
      (a) => !!(a.line1.trim() || a.city.trim() || a.postalCode.trim()),
    ).map((a) => ({
      line1: a.line1.trim(),
      line2: opt(a.line2),
      city: opt(a.city),
      postalCode: opt(a.postalCode),
      country: a.country,
    })),
  };
  return { body, rows };
}

const fieldPaths = new Set([
  'givenName',
  'familyName',
  'name',
  'organizationType',
  'roles',
  'preferredLanguage',
  'preferredChannel',
  'ownerUserId',
  'tags',
]);
const rowFieldPath =
  /^(emails\.\d+\.(address|label)|phones\.\d+\.(number|label)|addresses\.\d+\.(line1|line2|city|postalCode|country))$/;

/**
 * The API's field problems keyed by the form's own paths (`phones.2.number` when the third row
 * was sent second), and those that belong to no field of the form (shown above it).
 */
export function problemsByField(problems: FieldProblem[], rows: RowMap) {
  const byField: Record<string, string> = {};
  const other: FieldProblem[] = [];
  for (const p of problems) {
    const m = /^(emails|phones|addresses)\.(\d+)(\..+)?$/.exec(p.path);
    const row = m ? rows[m[1] as keyof RowMap][Number(m[2])] : undefined;
    const path = m ? (row === undefined ? '' : `${m[1]}.${row}${m[3] ?? ''}`) : p.path;
    if ((fieldPaths.has(path) || rowFieldPath.test(path)) && !(path in byField))
      byField[path] = p.message;
    else other.push(p);
  }
  return { byField, other };
}
