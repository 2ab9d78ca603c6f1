import { sql, type SQL } from 'drizzle-orm';
import type { RoutingRule } from '../../../core/routing/route';
import type { PolicyConditions } from '../../../core/promises/policy-match';
import type { CalendarInput } from '../../../core/business-time';
import type { CustomFieldDefinition } from '../../../shared/custom-fields';
import type { Executor } from '../connection';
import { queryPrepared } from '../connection';
import type { PolicyTarget } from '../schema';
import type { ContactRow } from './contacts';
import { mailableAddressOf } from './outbox';
import type { TeamRow } from './teams';
import { anyOf } from '../id-list';

/** The requester as intake needs them: who they are, what they like, whose they are. */
export type Requester = Pick<
  ContactRow,
  'id' | 'roles' | 'tags' | 'preferredLanguage' | 'ownerUserId' | 'name'
> & {
  /** The address Tend writes to (primary first, never a bouncing one), if any. */
  email: string | null;
  /** The slug of the donor level they hold, if any (routing rules name it as a tier). */
  level?: string | null;
};

/** Everything a batch of new requests is decided from, read in one round trip. */
export type IntakeContext = {
  /** The requesters asked for that exist (not deleted), in any order. */
  requesters: Requester[];
  /** One fresh request number per request of the batch, increasing. */
  numbers: number[];
  /** Of the assignees given, those that are the organization's staff. */
  users: string[];
  /** Of the teams given, those that are the organization's. */
  teams: string[];
  categories: string[];
  customFields: CustomFieldDefinition[];
  rules: RoutingRule[];
  policies: {
    id: string;
    active: boolean;
    conditions: PolicyConditions;
    targets: PolicyTarget[];
  }[];
  calendars: { id: string; version: number; definition: CalendarInput }[];
};

/**
 * `count` rows numbered 1… in `s.n`, from ONE jsonb parameter. Unlike generate_series(1, $n),
 * whose row estimate follows the value, the planner's estimate is the same for any count, so
 * PostgreSQL keeps the statement's generic plan instead of planning it anew on every run (that
 * planning cost more than running the intake's read).
 */
const slots = (count: number) =>
  sql`jsonb_array_elements(${JSON.stringify(Array<number>(count).fill(0))}::jsonb)
    with ordinality as s(v, n)`;

/**
 * Reads, in ONE statement, what opening a batch of requests needs: the requesters, fresh request
 * numbers (from the organization's sequence, one per request), which given assignees and teams
 * are the organization's, the categories, the routing rules and the request promise policies in
 * order, and the organization's calendars. The text is the same for any batch size, so its plan
 * is prepared once.
 */
export async function intakeContext(
  db: Executor,
  orgId: string,
  want: {
    requesterIds: readonly string[];
    count: number;
    userIds?: readonly string[];
    teamIds?: readonly string[];
  },
): Promise<IntakeContext> {
  const [row] = await queryPrepared<IntakeContext>(
    db,
    sql`select
      coalesce((select json_agg(json_build_object('id', c.id, 'roles', c.roles, 'tags', c.tags,
          'preferredLanguage', c.preferred_language, 'ownerUserId', c.owner_user_id,
          'name', c.name,
          'email', ${mailableAddressOf(sql`c.org_id`, sql`c.id`)},
          'level', (select l.slug from contact_levels cl join donor_levels l
                      on l.org_id = cl.org_id and l.id = cl.level_id
                     where cl.org_id = c.org_id and cl.contact_id = c.id)))
        from contacts c where c.org_id = ${orgId} and c.id = ${anyOf(want.requesterIds)}
          and c.deleted_at is null), '[]') as requesters,
      array(select tend_next_request_number(${orgId}) from ${slots(want.count)} order by s.n)
        as numbers,
      array(select u.id from users u where u.org_id = ${orgId} and u.id = ${anyOf(want.userIds ?? [])})
        as users,
      array(select t.id from teams t where t.org_id = ${orgId} and t.id = ${anyOf(want.teamIds ?? [])})
        as teams,
      coalesce((select d.categories from desk_settings d where d.org_id = ${orgId}), '{}') as categories,
      coalesce((select d.custom_field_definitions from desk_settings d where d.org_id = ${orgId}),
        '[]') as "customFields",
      coalesce((select json_agg(json_build_object('teamId', r.team_id, 'conditions', r.conditions)
          order by r.position, r.created_at)
        from routing_rules r where r.org_id = ${orgId}), '[]') as rules,
      coalesce((select json_agg(json_build_object('id', p.id, 'active', p.active,
          'conditions', p.conditions, 'targets', p.targets) order by p.position, p.created_at)
        from promise_policies p where p.org_id = ${orgId} and p.subject_type = 'request'), '[]')
        as policies,
      coalesce((select json_agg(json_build_object('id', k.id, 'version', k.version,
          'definition', k.definition))
        from calendars k where k.org_id = ${orgId}), '[]') as calendars`,
  );
  return { ...row!, numbers: row!.numbers.map(Number) };
}

/**
 * Lines are counted up to this many requests when a change may shorten them (an answer, a
 * status, a move) and for the line report: enough to compare with any threshold and to record
 * a peak, and a backlog of thousands costs no more to count than a short line.
 */
export const lineCountCap = 1000;

/** A team's member with what assignment needs (open requests counted up to their capacity). */
export type TeamCandidate = {
  userId: string;
  capacity: number;
  available: boolean;
  active: boolean;
  openCount: number;
};

/** What watching a team's line needs: the team, how many wait for a first response, its open episode. */
export type TeamLineState = {
  team: Pick<TeamRow, 'id' | 'name' | 'strategy' | 'waitingThreshold' | 'backupEmails'>;
  waiting: number;
  episode: { id: string; peak: number } | null;
};

/**
 * What assigning within a team and watching its line need, read in one statement; a round-robin
 * team also hands out rotation tickets, one per request of the batch. A new request can only
 * make a line reach its threshold, so `waiting` is counted up to the threshold, and not at all
 * while the team is over it already (an open episode): under a surge, the request that would count the longest line
 * counts nothing. The episode's peak is raised by the changes that shorten the line.
 */
export type TeamIntake = TeamLineState & { members: TeamCandidate[]; tickets: number[] };

// The columns of a team's line: the one definition of "waiting", counted up to `limit`.
const lineColumns = (orgId: string, teamId: string, limit: SQL = sql`${lineCountCap}`) => sql`
  (select json_build_object('id', t.id, 'name', t.name, 'strategy', t.strategy,
      'waitingThreshold', t.waiting_threshold, 'backupEmails', t.backup_emails)
    from teams t where t.org_id = ${orgId} and t.id = ${teamId}) as team,
  (select count(*)::int from (select 1 from requests r
    where r.org_id = ${orgId} and r.team_id = ${teamId} and r.first_responded_at is null
    and r.status in ('new', 'open', 'waiting_on_requester', 'on_hold')
    limit ${limit}) line) as waiting,
  (select json_build_object('id', e.id, 'peak', e.peak) from team_line_episodes e
    where e.org_id = ${orgId} and e.team_id = ${teamId} and e.ended_at is null
    order by e.started_at desc limit 1) as episode`;

type Found<T extends { team: unknown }> = Omit<T, 'team'> & { team: T['team'] | null };
const found = <T extends TeamLineState>(row: Found<T> | undefined): T | undefined =>
  row?.team ? ({ ...row, waiting: Number(row.waiting) } as T) : undefined;

/** A team's line: the team, its waiting count and its open over-threshold episode. */
export async function teamLineState(
  db: Executor,
  orgId: string,
  teamId: string,
): Promise<TeamLineState | undefined> {
  const [row] = await queryPrepared<Found<TeamLineState>>(
    db,
    sql`select ${lineColumns(orgId, teamId)}`,
  );
  return found(row);
}

/** A team, its members with their open load, its line, and its open over-threshold episode. */
export async function teamIntake(
  db: Executor,
  orgId: string,
  teamId: string,
  tickets = 1,
): Promise<TeamIntake | undefined> {
  const [row] = await queryPrepared<Found<TeamIntake>>(
    db,
    sql`select ${lineColumns(
      orgId,
      teamId,
      sql`(select case when exists (select 1 from team_line_episodes e where e.org_id = ${orgId}
          and e.team_id = ${teamId} and e.ended_at is null) then 0 else t.waiting_threshold end
        from teams t where t.org_id = ${orgId} and t.id = ${teamId})`,
    )},
      coalesce((select json_agg(json_build_object('userId', m.user_id, 'capacity', m.capacity,
          'available', m.available, 'active', u.active,
          'openCount', (select count(*) from (select 1 from requests r where r.org_id = m.org_id
             and r.assignee_id = m.user_id
             and r.status in ('new', 'open', 'waiting_on_requester', 'on_hold')
             limit m.capacity) busy))
          order by u.name, m.user_id)
        from team_members m join users u on u.id = m.user_id
        where m.org_id = ${orgId} and m.team_id = ${teamId}), '[]') as members,
      array(select tend_next_team_ticket(t.id) from teams t, ${slots(tickets)}
        where t.org_id = ${orgId} and t.id = ${teamId} and t.strategy = 'round_robin'
        order by s.n) as tickets`,
  );
  const team = found(row);
  return team && { ...team, tickets: team.tickets.map(Number) };
}
