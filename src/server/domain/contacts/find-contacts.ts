import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { nameVariants } from '../../../core/text/search-key';
import type { Executor } from '../../db/connection';
import {
  findContact,
  listContactRows,
  searchContactRows,
  withDetails,
  type ContactSearch,
} from '../../db/repositories/contacts';
import { findOrganization } from '../../db/repositories/organizations';
import { notFound } from '../../errors';
import { decodeCursor, encodeCursor } from '../cursor';
import { presentContact, type ContactView } from '../../presenters/contact';
import type { Actor } from '../actor';

/** One contact, presented; 404 when missing, deleted or another organization's. */
export async function getContact(db: Executor, actor: Actor, id: string): Promise<ContactView> {
  const row = await findContact(db, actor.orgId, id);
  if (!row) throw notFound('contact');
  const [details] = await withDetails(db, actor.orgId, [row]);
  return presentContact(details!);
}

/** Filters of a contact list. */
export type ContactQuery = {
  q?: string;
  role?: string;
  tag?: string;
  ownerUserId?: string;
  householdId?: string;
};

/** Reads a free-text query as name variants, an email fragment and phone digit strings. */
export function interpretQuery(
  q: string,
  defaultCountry: string | null,
): Omit<ContactSearch, 'role' | 'tag'> {
  const trimmed = q.trim();
  if (!trimmed) return { nameVariants: [], phoneDigits: [] };
  if (trimmed.includes('@'))
    return { nameVariants: [], emailLike: trimmed.toLowerCase(), phoneDigits: [] };
  const phoneDigits: string[] = [];
  if (/^[+\d\s().-]+$/.test(trimmed) && trimmed.replace(/\D/g, '').length >= 4) {
    phoneDigits.push(trimmed.replace(/\D/g, ''));
    const parsed = parsePhoneNumberFromString(
      trimmed,
      (defaultCountry ?? undefined) as CountryCode | undefined,
    );
    if (parsed?.isPossible()) phoneDigits.push(parsed.number.slice(1));
    return { nameVariants: [], phoneDigits: [...new Set(phoneDigits)] };
  }
  const variants = nameVariants(trimmed).map((v) => v.split(' ').filter(Boolean));
  // "example.org" or "ruta.k" may be part of an email address as well as of a name.
  const emailLike =
    /^[\w.+-]{3,}$/.test(trimmed) && trimmed.includes('.') ? trimmed.toLowerCase() : undefined;
  return { nameVariants: variants, emailLike, phoneDigits };
}

/**
 * Whether relevance ranking is worth its cost: with a token of 3+ letters the trigram index finds
 * few rows to rank; a shorter query matches most of the table, so it is listed by name instead,
 * which the (org_id, name) index answers by reading just one page.
 */
function ranked(search: ContactSearch): boolean {
  // An email-like fragment ("example.org") can match most of the table; name similarity means
  // nothing for it, so it is listed by name too.
  if (search.emailLike) return false;
  return search.nameVariants.some((tokens) => tokens.some((t) => t.length >= 3));
}

const searchCursor = z.object({ o: z.number().int().min(0) });
const browseCursor = z.object({ n: z.string(), i: z.uuid() });

/**
 * Finds contacts: with `q`, best matches of name (any case, accents, Latin or Cyrillic), email or
 * phone first; without, everyone by name. Filters narrow either.
 */
export async function findContacts(
  db: Executor,
  actor: Actor,
  query: ContactQuery,
  page: { cursor?: string; limit: number },
): Promise<{ data: ContactView[]; nextCursor: string | null }> {
  const org = query.q ? await findOrganization(db, actor.orgId) : undefined;
  const search: ContactSearch = {
    ...interpretQuery(query.q ?? '', org?.defaultCountry ?? null),
    role: query.role,
    tag: query.tag,
    ownerUserId: query.ownerUserId,
    householdId: query.householdId,
  };
  const fetch = page.limit + 1;
  let rows;
  let next: (last: { name: string; id: string }) => string;
  if (ranked(search)) {
    const offset = decodeCursor(page.cursor, searchCursor)?.o ?? 0;
    rows = await searchContactRows(db, actor.orgId, search, { offset, limit: fetch });
    next = () => encodeCursor({ o: offset + page.limit });
  } else {
    const c = decodeCursor(page.cursor, browseCursor);
    rows = await listContactRows(db, actor.orgId, search, {
      after: c && { name: c.n, id: c.i },
      limit: fetch,
    });
    next = (last) => encodeCursor({ n: last.name, i: last.id });
  }
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  const details = await withDetails(db, actor.orgId, pageRows);
  const last = pageRows[pageRows.length - 1];
  return { data: details.map(presentContact), nextCursor: more && last ? next(last) : null };
}
