import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { searchText } from '../../../core/text/search-key';
import type { CreateContactInput, UpdateContactInput } from '../../../shared/schemas/contacts';
import type { ContactRow } from '../../db/repositories/contacts';
import { invalid } from '../../errors';

/** Normalizes a phone number to E.164, reading national numbers in the organization's country. */
export function toE164(raw: string, defaultCountry: string | null, path: string): string {
  const parsed = parsePhoneNumberFromString(
    raw,
    (defaultCountry ?? undefined) as CountryCode | undefined,
  );
  if (!parsed?.isValid()) {
    throw invalid(
      path,
      defaultCountry ? 'not a valid phone number' : 'not a valid phone number (use +country code)',
    );
  }
  return parsed.number;
}

/** The display name: given for organizations, built from given and family name for people. */
export function displayName(
  kind: ContactRow['kind'],
  fields: { name?: string | null; givenName?: string | null; familyName?: string | null },
): string {
  if (fields.name) return fields.name;
  const built = [fields.givenName, fields.familyName].filter(Boolean).join(' ');
  if (!built) {
    throw kind === 'person'
      ? invalid('givenName', 'a person needs a given name, a family name or a name')
      : invalid('name', 'required');
  }
  return built;
}

const primaryFirst = <T extends { primary?: boolean | undefined }>(xs: T[]) => {
  const hasPrimary = xs.some((x) => x.primary);
  return xs.map((x, i) => ({ ...x, isPrimary: hasPrimary ? !!x.primary : i === 0 }));
};

/** Rows for the emails, phones and addresses given (undefined lists stay untouched). */
export function channelRows(
  input: UpdateContactInput | CreateContactInput,
  defaultCountry: string | null,
) {
  return {
    emails: input.emails
      ? primaryFirst(input.emails).map((e) => ({
          address: e.address,
          label: e.label ?? null,
          isPrimary: e.isPrimary,
        }))
      : undefined,
    phones: input.phones
      ? primaryFirst(input.phones).map((p, i) => ({
          number: toE164(p.number, defaultCountry, `phones.${i}.number`),
          label: p.label ?? null,
          isPrimary: p.isPrimary,
        }))
      : undefined,
    addresses: input.addresses
      ? primaryFirst(input.addresses).map(({ primary: _p, ...a }) => ({
          ...a,
          line2: a.line2 ?? null,
          city: a.city ?? null,
          region: a.region ?? null,
          postalCode: a.postalCode ?? null,
          label: a.label ?? null,
        }))
      : undefined,
  };
}

/** The search text of a contact from its names. */
export function contactSearchText(c: {
  name: string;
  givenName?: string | null;
  familyName?: string | null;
}): string {
  return searchText(c.name, c.givenName, c.familyName);
}
