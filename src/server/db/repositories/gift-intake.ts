import { sql } from 'drizzle-orm';
import type { CalendarInput } from '../../../core/business-time';
import type { PolicyConditions } from '../../../core/promises/policy-match';
import type { Executor } from '../connection';
import { queryPrepared } from '../connection';
import type { PolicyTarget } from '../schema';
import type { ContactRow } from './contacts';
import type { GiftRow } from './gifts';
import {
  currentLevelOf,
  levelsJson,
  totalsJson,
  type PlacementFacts,
  type WindowStarts,
} from './levels';
import { mailableAddressOf } from './outbox';
import type { PolicyRow } from './promises';
import { anyOf, idsOf } from '../id-list';

/** A contact a gift names (donor, soft-credited, to notify), as recording it needs them. */
export type GiftPerson = Pick<
  ContactRow,
  'id' | 'name' | 'kind' | 'roles' | 'tags' | 'ownerUserId' | 'givenName' | 'preferredLanguage'
> & {
  /** The address Tend writes to them at, if any. */
  email: string | null;
};

/** What a donor's gifts stored so far say, as recording more of theirs needs it. */
export type DonorFacts = Pick<PlacementFacts, 'current' | 'totals'> & {
  id: string;
  /** Whether the donor has any gift already. */
  gaveBefore: boolean;
  /** The latest day a recurring gift of theirs was received, if on or after `recurringSince`. */
  lastRecurringOn: string | null;
};

/** A pledge a payment names, as checking the payment needs it. */
export type PledgeFacts = Pick<GiftRow, 'id' | 'kind' | 'contactId' | 'currency'>;

/** Everything recording a batch of gifts is decided from, read in one round trip. */
export type GiftIntake = Pick<PlacementFacts, 'levels'> & {
  /** The live contacts among those asked for (donors and those their gifts name), in no order. */
  people: GiftPerson[];
  /** What each donor asked for has given already (deleted or unknown ones too), in no order. */
  donors: DonorFacts[];
  /** The funds among those asked for. */
  funds: { id: string; name: string }[];
  /** The organization's gifts among the pledges asked for. */
  pledges: PledgeFacts[];
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
  /** Staff a thank-you plan may name: the donors' owners and every user a gift policy names. */
  users: { id: string; name: string; active: boolean }[];
  /** The organization's major-gift threshold (gift settings), if saved. */
  settings: { majorGiftAmount: number | null; currency: string } | null;
  defaultLanguage: string;
};

/** What to read for a batch of gifts: who and what they name, and how far back recurring looks. */
export type GiftIntakeQuery = {
  donorIds: readonly string[];
  /** Every other contact the gifts name (soft-credited, to notify). */
  contactIds: readonly string[];
  fundIds: readonly string[];
  pledgeIds: readonly string[];
  /** The earliest day any gift of the batch counts another recurring gift from. */
  recurringSince: string;
  starts: WindowStarts;
};

// A contact as JSON, from contacts aliased `c`.
const person = sql`json_build_object('id', c.id, 'name', c.name, 'kind', c.kind,
  'roles', c.roles, 'tags', c.tags, 'ownerUserId', c.owner_user_id,
  'givenName', c.given_name, 'preferredLanguage', c.preferred_language,
  'email', ${mailableAddressOf(sql`c.org_id`, sql`c.id`)})`;

/**
 * Reads, in ONE prepared statement, what recording a batch of gifts needs: the contacts, funds
 * and pledges they name, the gift policies with their plans, their calendars and the staff they
 * may name, the gift settings, the levels, and per donor what their earlier gifts say (first
 * gift? recurring? level and totals). Read after lockDonorsPlacement, so the donors' gifts are
 * all committed. Its text is the same for any batch, so PostgreSQL keeps one generic plan.
 */
export async function giftIntake(
  db: Executor,
  orgId: string,
  q: GiftIntakeQuery,
): Promise<GiftIntake> {
  const [row] = await queryPrepared<GiftIntake>(
    db,
    sql`select
      coalesce((select json_agg(${person}) from contacts c
         where c.org_id = ${orgId} and c.id = ${anyOf([...q.donorIds, ...q.contactIds])}
           and c.deleted_at is null), '[]') as people,
      coalesce((select json_agg(json_build_object('id', d.id,
          'current', ${currentLevelOf(orgId, sql`d.id`)},
          'totals', ${totalsJson(orgId, sql`d.id`, q.starts)},
          'gaveBefore', exists (select 1 from gifts e
                                 where e.org_id = ${orgId} and e.contact_id = d.id),
          'lastRecurringOn', (select max(r.received_on) from gifts r
             where r.org_id = ${orgId} and r.contact_id = d.id and r.kind = 'recurring'
               and r.received_on >= ${q.recurringSince}::date)))
        from ${idsOf(q.donorIds)} d), '[]') as donors,
      coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name))
        from funds f where f.org_id = ${orgId} and f.id = ${anyOf(q.fundIds)}), '[]') as funds,
      coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind,
          'contactId', p.contact_id, 'currency', p.currency))
        from gifts p where p.org_id = ${orgId} and p.id = ${anyOf(q.pledgeIds)}), '[]') as pledges,
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
          u.id = any(array(select c.owner_user_id from contacts c
                            where c.org_id = ${orgId} and c.id = ${anyOf(q.donorIds)}))
          or u.id::text in (select p.thanks->>'by' from promise_policies p
                             where p.org_id = ${orgId} and p.subject_type = 'gift'))), '[]')
        as users,
      (select json_build_object('majorGiftAmount', s.major_gift_amount, 'currency', s.currency)
        from gift_settings s where s.org_id = ${orgId}) as settings,
      coalesce((select o.default_language from organizations o where o.id = ${orgId}), 'en')
        as "defaultLanguage",
      ${levelsJson(orgId)} as levels`,
  );
  return row!;
}
