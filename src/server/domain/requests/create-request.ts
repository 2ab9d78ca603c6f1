import { newId } from '../../../core/ids';
import type { Clock } from '../../../core/clock';
import {
  customFieldIssues,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../../shared/custom-fields';
import type { CreateRequestInput } from '../../../shared/schemas/requests';
import type { Executor } from '../../db/connection';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { auditRow, auditRowsQuery } from '../../db/repositories/audit';
import {
  intakeContext,
  teamIntake,
  type IntakeContext,
  type Requester,
  type TeamIntake,
} from '../../db/repositories/intake';
import { insertInteractionsQuery } from '../../db/repositories/interactions';
import {
  deskSettingsOf,
  insertRequestsQuery,
  requestNotice,
  type RequestRow,
} from '../../db/repositories/requests';
import { findTeam } from '../../db/repositories/teams';
import { findUser } from '../../db/repositories/users';
import { inGroups, type Outcome } from '../../db/group-commit';
import { writeTogether } from '../../db/write-together';
import { AppError, invalid } from '../../errors';
import { presentRequest, reference, type RequestView } from '../../presenters/request';
import type { Actor } from '../actor';
import {
  clockStartWrites,
  dueSummary,
  planStarts,
  termsFrom,
  type ClockStart,
} from '../promises/clocks';
import { timelineRow } from '../timeline/timeline';
import { emailWrites, type EmailPlan } from '../email/outbox';
import { jobsNotice } from '../../db/repositories/jobs';
import { assignmentEntry, routeAssignee, routeTeam } from './assign';
import { subjectOf } from './subject';
import { lineChange, lineChangeWrites, type LineChange } from './team-line';

/** Checks a category against a list (any category while the list is empty). */
function checkCategoryIn(categories: readonly string[], category: string | null | undefined) {
  if (category && categories.length > 0 && !categories.includes(category))
    throw invalid('category', `one of: ${categories.join(', ')}`);
}

/** Checks custom field values against the organization's definitions (400 with every path). */
export function checkCustomFields(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<Record<string, CustomValue>>,
  opts: { solving?: boolean; typesOnlyOf?: Readonly<Record<string, CustomValue>> } = {},
) {
  const issues = customFieldIssues(definitions, values, opts);
  if (issues.length === 0) return;
  const missing = issues.every((i) => i.message.endsWith('is required to solve'));
  throw new AppError(
    missing ? 'rule_violated' : 'validation_failed',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues,
  );
}

/** Checks a category against the organization's list (any category while the list is empty). */
export async function checkCategory(
  tx: Executor,
  orgId: string,
  category: string | null | undefined,
) {
  if (category) checkCategoryIn((await deskSettingsOf(tx, orgId)).categories, category);
}

/** Checks that a given assignee and team belong to the organization. */
export async function checkAssignment(
  tx: Executor,
  orgId: string,
  given: { assigneeId?: string | null; teamId?: string | null },
) {
  if (given.assigneeId && !(await findUser(tx, orgId, given.assigneeId)))
    throw invalid('assigneeId', 'no such staff user');
  if (given.teamId && !(await findTeam(tx, orgId, given.teamId)))
    throw invalid('teamId', 'no such team');
}

/** Channels on which the requester gets an emailed acknowledgement with the promised time. */
const acknowledgedChannels: readonly string[] = ['web', 'portal', 'email'];

/** How a request came in, beyond its fields. */
export type CreateOptions = {
  /**
   * Acknowledge by email (default: on the web form, the portal and email). `references` threads
   * the acknowledgement under the email that opened the request.
   */
  acknowledge?: false | { references: string[] };
};

/** The emailed acknowledgement of a new request, with its promised first response, if due. */
function acknowledgement(
  row: RequestRow,
  requester: Requester,
  starts: readonly ClockStart[],
  channel: string,
  opts: CreateOptions,
): EmailPlan[] {
  if (opts.acknowledge === false || !requester.email) return [];
  if (!opts.acknowledge && !acknowledgedChannels.includes(channel)) return [];
  const firstResponse = starts.find((st) => st.clock.target === 'first_response');
  return [
    {
      orgId: row.orgId,
      recipient: requester.email,
      template: 'request_received',
      language: row.language,
      requestId: row.id,
      references: opts.acknowledge ? opts.acknowledge.references : [],
      payload: {
        reference: reference(row),
        subject: row.subject,
        requesterName: requester.name,
        promisedBy: firstResponse?.clock.dueAt?.toISOString() ?? null,
      },
    },
  ];
}

/** One request to open: who asks for it, what it is, how it came in. */
export type Intake = { actor: Actor; input: CreateRequestInput; opts?: CreateOptions };

/** What became of one request of a batch: opened (its view), or refused with its own error. */
export type Opened = Outcome<RequestView>;

/**
 * Opens a request for a contact: numbered, routed (rules → team → person), on the requester's
 * timeline, its promise clocks started, its team's line watched, audited.
 */
export async function createRequest(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: CreateRequestInput,
  opts: CreateOptions = {},
): Promise<RequestView> {
  const [opened] = await createRequests(tx, clock, [{ actor, input, opts }]);
  if ('error' in opened!) throw opened.error;
  return opened!.value;
}

/**
 * Opens requests outside any transaction, written together with the others of the organization
 * that arrive meanwhile (see inGroups): one read, one statement and one commit per group instead
 * of three round trips each. For the API's creates without an Idempotency-Key.
 */
export function groupedOpener(
  db: Executor,
  clock: Clock,
): (intake: Intake) => Promise<RequestView> {
  return inGroups(
    (intake) => intake.actor.orgId,
    (intakes) => createRequests(db, clock, intakes),
  );
}

/** A request of a batch refused before it was planned. */
type Refused = { error: unknown };

/** A request of a batch checked and routed to its team (if any). */
type Routed = {
  intake: Intake;
  number: number;
  requester: Requester;
  language: string | null;
  category: string | null;
  teamId: string | null;
};

/** A request of a batch planned in full: its rows and its answer. */
type Planned = ReturnType<typeof plan>;

/** A team's intake while a batch is planned: what it was read as, and what the batch adds. */
type TeamPlan = { intake: TeamIntake; tickets: number[]; started: boolean };

/**
 * Opens a batch of requests of one organization (see createRequest), each with its own outcome:
 * one request's bad input refuses that request alone.
 *
 * Planned, then written as ONE statement: everything the batch is decided from is read in one
 * query (plus one per routed team), every row is built here, and writeTogether sends them at
 * once — so the batch is atomic even outside a transaction, and costs three round trips whether
 * it opens one request or fifty. The requests are planned in order, each seeing the ones before
 * it: the members' loads grow with every assignment, each round-robin request has its own
 * ticket, and a team's line starts at most one episode. When the write fails (a contact deleted
 * meanwhile, say), each request is tried again on its own, so only the one at fault fails.
 */
export async function createRequests(
  db: Executor,
  clock: Clock,
  intakes: readonly Intake[],
): Promise<Opened[]> {
  const orgId = intakes[0]!.actor.orgId;
  if (intakes.some((i) => i.actor.orgId !== orgId))
    throw new Error('createRequests: one organization per batch');
  const given = <K extends 'assigneeId' | 'teamId'>(key: K) =>
    intakes.flatMap((i) => (i.input[key] ? [i.input[key]] : []));
  const ctx = await intakeContext(db, orgId, {
    requesterIds: [...new Set(intakes.map((i) => i.input.requesterId))],
    count: intakes.length,
    userIds: given('assigneeId'),
    teamIds: given('teamId'),
  });
  const requesters = new Map(ctx.requesters.map((r) => [r.id, r]));
  const routed = intakes.map((intake, i): Routed | Refused => {
    try {
      return { intake, number: ctx.numbers[i]!, ...route(ctx, requesters, intake.input) };
    } catch (error) {
      return { error };
    }
  });
  const teams = await teamPlans(db, orgId, routed);
  const pending = assigningOn(db);
  for (const t of teams.values())
    for (const m of t.intake.members) m.openCount += pending.get(m.userId) ?? 0;
  const now = clock.now();
  const planned = routed.map((r) => ('error' in r ? r : plan(r, teams, ctx, now)));
  const ok = planned.filter((p): p is Planned => !('error' in p));
  if (ok.length === 0) return planned as Refused[];
  const assignees = ok.flatMap((p) => (p.row.assigneeId ? [p.row.assigneeId] : []));
  for (const id of assignees) pending.set(id, (pending.get(id) ?? 0) + 1);
  try {
    return await writeBatch(db, clock, intakes, orgId, now, planned, ok, teams);
  } finally {
    for (const id of assignees) {
      const left = pending.get(id)! - 1;
      if (left > 0) pending.set(id, left);
      else pending.delete(id);
    }
  }
}

/**
 * Requests this process is writing right now, by assignee, per database: a group planned while
 * another is being written adds them to the members' loads, which the database shows only once
 * that write commits (for a moment after it they count twice: a load may look higher, never
 * lower, so nobody is given more than their capacity).
 */
const assigning = new WeakMap<object, Map<string, number>>();
function assigningOn(db: Executor): Map<string, number> {
  let pending = assigning.get(db);
  if (!pending) assigning.set(db, (pending = new Map<string, number>()));
  return pending;
}

/** Writes a planned batch in one statement; on failure, each request again on its own. */
async function writeBatch(
  db: Executor,
  clock: Clock,
  intakes: readonly Intake[],
  orgId: string,
  now: Date,
  planned: readonly (Planned | Refused)[],
  ok: readonly Planned[],
  teams: Map<string, TeamPlan & { change?: LineChange }>,
): Promise<Opened[]> {
  const clocks = clockStartWrites(
    db,
    ok.flatMap((p) => p.starts),
  );
  const mail = emailWrites(
    ok.flatMap((p) => p.mail),
    now,
  );
  const lines = [...teams.values()].flatMap((t, i) =>
    t.started ? lineChangeWrites(db, orgId, t.intake.team, t.change, now, `line_episode_${i}`) : [],
  );
  try {
    await writeTogether(
      db,
      [
        insertRequestsQuery(ok.map((p) => p.row)),
        insertInteractionsQuery(ok.flatMap((p) => p.timeline)),
        ...clocks.parts,
        ...mail.parts,
        ...lines,
        auditRowsQuery(
          ok.map((p) =>
            auditRow(p.actor, {
              action: 'create',
              entityType: 'request',
              entityId: p.row.id,
              after: p.view,
            }),
          ),
        ),
      ],
      [
        ...ok.map((p) => requestNotice(orgId, p.row.id)),
        ...clocks.notices,
        ...mail.notices,
        ...(lines.length ? [jobsNotice([now])] : []), // the backup lists' emails
      ],
    );
  } catch (error) {
    if (intakes.length === 1 || db instanceof PgTransaction) return intakes.map(() => ({ error }));
    return Promise.all(intakes.map(async (i) => (await createRequests(db, clock, [i]))[0]!));
  }
  return planned.map((p) => ('error' in p ? { error: p.error } : { value: p.view }));
}

/** Checks one request against the batch's context and finds its team (pure; throws its error). */
function route(ctx: IntakeContext, requesters: Map<string, Requester>, input: CreateRequestInput) {
  const requester = requesters.get(input.requesterId);
  if (!requester) throw invalid('requesterId', 'no such contact');
  checkCategoryIn(ctx.categories, input.category);
  checkCustomFields(ctx.customFields, input.customFields);
  if (input.assigneeId && !ctx.users.includes(input.assigneeId))
    throw invalid('assigneeId', 'no such staff user');
  if (input.teamId && !ctx.teams.includes(input.teamId)) throw invalid('teamId', 'no such team');
  const language = input.language ?? requester.preferredLanguage;
  const category = input.category ?? null;
  const teamId = routeTeam(
    ctx.rules,
    { category, channel: input.channel, language },
    requester,
    input,
  );
  return { requester, language, category, teamId };
}

/** The routed teams' intakes, each read once with a rotation ticket per request it receives. */
async function teamPlans(
  db: Executor,
  orgId: string,
  routed: readonly (Routed | Refused)[],
): Promise<Map<string, TeamPlan & { change?: LineChange }>> {
  const counts = new Map<string, number>();
  for (const r of routed)
    if ('teamId' in r && r.teamId) counts.set(r.teamId, (counts.get(r.teamId) ?? 0) + 1);
  const read = await Promise.all(
    [...counts].map(async ([id, n]) => [id, await teamIntake(db, orgId, id, n)] as const),
  );
  const plans = new Map<string, TeamPlan & { change?: LineChange }>();
  for (const [id, intake] of read)
    if (intake) plans.set(id, { intake, tickets: [...intake.tickets], started: false });
  return plans;
}

/** Plans one request's rows, after the batch's earlier ones (their loads, tickets and line). */
function plan(
  r: Routed,
  teams: Map<string, TeamPlan & { change?: LineChange }>,
  ctx: IntakeContext,
  now: Date,
) {
  const { actor, input, opts = {} } = r.intake;
  const { requester } = r;
  const team = r.teamId ? teams.get(r.teamId) : undefined;
  const assigneeId = routeAssignee(team?.intake, requester, input, team?.tickets.shift() ?? null);
  if (assigneeId)
    for (const t of teams.values())
      for (const m of t.intake.members) if (m.userId === assigneeId) m.openCount++;
  const row: RequestRow = {
    id: newId(),
    orgId: actor.orgId,
    number: r.number,
    subject: input.subject,
    description: input.description,
    category: r.category,
    priority: input.priority,
    status: 'new',
    channel: input.channel,
    requesterId: requester.id,
    assigneeId,
    teamId: team ? r.teamId : (input.teamId ?? null),
    language: r.language,
    tags: input.tags,
    customFields: input.customFields,
    followUpOfId: null,
    mergedIntoId: null,
    firstRespondedAt: null,
    solvedAt: null,
    closedAt: null,
    nextDueAt: null,
    breached: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const subject = subjectOf(row, requester);
  const terms = termsFrom(ctx.policies, subject);
  const starts = planStarts(actor.orgId, subject, terms, ctx.calendars, now);
  Object.assign(row, dueSummary(starts.map((s) => s.clock)));
  const timeline = [
    timelineRow(actor, requester.id, {
      kind: 'request',
      channel: input.channel,
      direction: 'inbound',
      summary: `${reference(row)} opened: ${input.subject}`,
      sourceType: 'request',
      sourceId: row.id,
      occurredAt: now,
    }),
    ...(row.teamId || row.assigneeId
      ? [timelineRow(actor, requester.id, assignmentEntry(row, row, now))]
      : []),
  ];
  // A new request joins its team's line; it can only start an episode (see teamIntake: the
  // line is not counted while one is open), and a batch starts at most one per team.
  if (team && !team.intake.episode && !team.started) {
    team.intake.waiting++;
    team.change = lineChange(team.intake.team, team.intake.waiting, null);
    team.started = team.change?.kind === 'start';
  }
  return {
    actor,
    row,
    view: presentRequest(row),
    starts,
    timeline,
    mail: acknowledgement(row, requester, starts, input.channel, opts),
  };
}
