import { sql } from 'drizzle-orm';
import type { CalendarInput } from '../../../core/business-time';
import type { PolicyConditions } from '../../../core/promises/policy-match';
import type { Executor } from '../connection';
import { queryPrepared } from '../connection';
import type { PolicyTarget } from '../schema';
import type { ContactRow } from './contacts';
import type { GiftRow } from './gifts';
import { placementFactColumns, type PlacementFacts, type WindowStarts } from './levels';
import { mailableAddressOf } from './outbox';
import type { PolicyRow } from './promises';

/** A contact a gift names (donor, soft-credited, to notify), as recording it needs them. */
export type GiftPerson = Pick<
  ContactRow,
  'id' | 'name' | 'kind' | 'roles' | 'tags' | 'ownerUserId' | 'givenName' | 'preferredLanguage'
> & {
  /** The address Tend writes to them at, if any. */
  email: string | null;
};

/** Everything recording a gift is decided from, read in one round trip. */
export type GiftIntake = PlacementFacts & {
  /** The live contacts among those asked for, in no set order. */
  people: GiftPerson[];
  /** The funds among those asked for. */
  funds: { id: string; name: string }[];
  /** The pledge a payment names, if asked for and the organization's gift. */
  pledge: Pick<GiftRow, 'kind' | 'contactId' | 'currency'> | null;
  /** Gift promise policies in order, with their thank-you plans. */
  policies: {
    id: string;
    active: boolean;
    conditions: PolicyConditions;
    targets: PolicyTarget[];
    thanks: PolicyRow['thanks'];
  }[];
  /** The calendars the gift policies' targets name. */
  calendars: { id: string; version: number; definition: CalendarInput }[];
  /** Staff a thank-you plan may name: the donor's owner and every user a gift policy names. */
  users: { id: string; name: string; active: boolean }[];
  /** The organization's major-gift threshold (gift settings), if saved. */
  settings: { majorGiftAmount: number | null; currency: string } | null;
  defaultLanguage: string;
  /** Whether the donor has any gift already. */
  gaveBefore: boolean;
  /** Whether the donor has a recurring gift received on or after `recurringSince`. */
  recurring: boolean;
};

/** What to read for a gift: who and what it names, and the day its recurring segment starts. */
export type GiftIntakeQuery = {
  donorId: string;
  /** Every contact the gift names (the donor may be among them). */
  contactIds: readonly string[];
  fundIds: readonly string[];
  pledgeId: string | null;
  recurringSince: string;
  starts: WindowStarts;
};

type RawPeople = { donor: GiftPerson[]; others: GiftPerson[] };

// A contact as JSON, from contacts aliased `c`.
const person = sql`json_build_object('id', c.id, 'name', c.name, 'kind', c.kind,
  'roles', c.roles, 'tags', c.tags, 'ownerUserId', c.owner_user_id,
  'givenName', c.given_name, 'preferredLanguage', c.preferred_language,
  'email', ${mailableAddressOf(sql`c.org_id`, sql`c.id`)})`;

// A uuid[] parameter whose text is the same however many ids (so the statement stays prepared).
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Reads, in ONE prepared statement, what recording a gift needs: the contacts and funds it names,
 * the pledge it pays, the gift policies with their plans, their calendars and the staff they may
 * name, the gift settings, what the donor's earlier gifts say (first gift? recurring?) and their
 * level placement facts. Read after lockDonorPlacement, so the donor's gifts are all committed.
 */
export async function giftIntake(
  db: Executor,
  orgId: string,
  q: GiftIntakeQuery,
): Promise<GiftIntake> {
  // The donor apart from the others a gift names (few gifts name any): a read of one contact by
  // id keeps the statement's generic plan cheap enough for PostgreSQL to keep it, instead of
  // planning it anew for each gift as it does for a list of ids of unknown length.
  const others = q.contactIds.filter((id) => id !== q.donorId);
  const [row] = await queryPrepared<Omit<GiftIntake, 'people'> & RawPeople>(
    db,
    sql`select
      coalesce((select json_agg(${person})
        from contacts c where c.org_id = ${orgId} and c.id = ${q.donorId}
          and c.deleted_at is null), '[]') as donor,
      ${
        others.length
          ? sql`coalesce((select json_agg(${person})
        from contacts c where c.org_id = ${orgId} and c.id = any(${uuids(others)})
          and c.deleted_at is null), '[]')`
          : sql`'[]'::json`
      } as others,
      coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name))
        from funds f where f.org_id = ${orgId} and f.id = any(${uuids(q.fundIds)})), '[]') as funds,
      (select json_build_object('kind', p.kind, 'contactId', p.contact_id, 'currency', p.currency)
        from gifts p where p.org_id = ${orgId} and p.id = ${q.pledgeId}::uuid) as pledge,
      coalesce((select json_agg(json_build_object('id', p.id, 'active', p.active,
          'conditions', p.conditions, 'targets', p.targets, 'thanks', p.thanks)
          order by p.position, p.created_at)
        from promise_policies p where p.org_id = ${orgId} and p.subject_type = 'gift'), '[]')
        as policies,
      coalesce((select json_agg(json_build_object('id', k.id, 'version', k.version,
          'definition', k.definition))
        from calendars k where k.org_id = ${orgId} and k.id::text in (
          select t->>'calendarId' from promise_policies p, jsonb_array_elements(p.targets) t
           where p.org_id = ${orgId} and p.subject_type = 'gift')), '[]') as calendars,
      coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name, 'active', u.active))
        from users u where u.org_id = ${orgId} and (
          u.id = (select c.owner_user_id from contacts c
                   where c.org_id = ${orgId} and c.id = ${q.donorId})
          or u.id::text in (select p.thanks->>'by' from promise_policies p
                             where p.org_id = ${orgId} and p.subject_type = 'gift'))), '[]')
        as users,
      (select json_build_object('majorGiftAmount', s.major_gift_amount, 'currency', s.currency)
        from gift_settings s where s.org_id = ${orgId}) as settings,
      coalesce((select o.default_language from organizations o where o.id = ${orgId}), 'en')
        as "defaultLanguage",
      exists (select 1 from gifts e where e.org_id = ${orgId} and e.contact_id = ${q.donorId})
        as "gaveBefore",
      exists (select 1 from gifts r where r.org_id = ${orgId} and r.contact_id = ${q.donorId}
               and r.kind = 'recurring' and r.received_on >= ${q.recurringSince}::date)
        as recurring,
      ${placementFactColumns(orgId, q.donorId, q.starts)}`,
  );
  const { donor, others: rest, ...facts } = row!;
  return { ...facts, people: [...donor, ...rest] };
}
