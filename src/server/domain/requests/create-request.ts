import { newId } from '../../../core/ids';
import type { Clock } from '../../../core/clock';
import {
  customFieldIssues,
  type CustomFieldDefinition,
  type CustomValue,
} from '../../../shared/custom-fields';
import { initialTargets } from '../../../shared/promises';
import type { CreateRequestInput } from '../../../shared/schemas/requests';
import type { Executor } from '../../db/connection';
import { auditQuery } from '../../db/repositories/audit';
import { intakeContext, teamIntake, type Requester } from '../../db/repositories/intake';
import { insertInteractionsQuery } from '../../db/repositories/interactions';
import {
  deskSettingsOf,
  insertRequestQuery,
  requestNotice,
  type RequestRow,
} from '../../db/repositories/requests';
import { findTeam } from '../../db/repositories/teams';
import { findUser } from '../../db/repositories/users';
import { writeTogether } from '../../db/write-together';
import { AppError, invalid } from '../../errors';
import { presentRequest, reference, type RequestView } from '../../presenters/request';
import type { Actor } from '../actor';
import { calendarAmong } from '../promises/calendars';
import {
  clockStartWrites,
  dueSummary,
  planClockStart,
  termsFrom,
  type ClockStart,
} from '../promises/clocks';
import { timelineRow } from '../timeline/timeline';
import { emailWrites, type EmailPlan } from '../email/outbox';
import { jobsNotice } from '../../db/repositories/jobs';
import { assignmentEntry, routeAssignee, routeTeam } from './assign';
import { subjectOf } from './subject';
import { lineChange, lineChangeWrites } from './team-line';

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

/**
 * Opens a request for a contact: numbered, routed (rules → team → person), on the requester's
 * timeline, its promise clocks started, its team's line watched, audited.
 *
 * Planned, then written as ONE statement: everything it decides from is read in one query (two
 * when a team is routed), every row is built here, and writeTogether sends them at once — so a
 * create is atomic even outside a transaction, and costs three round trips rather than thirty.
 */
export async function createRequest(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: CreateRequestInput,
  opts: CreateOptions = {},
): Promise<RequestView> {
  const orgId = actor.orgId;
  const ctx = await intakeContext(tx, orgId, input.requesterId);
  const requester = ctx.requester;
  if (!requester) throw invalid('requesterId', 'no such contact');
  checkCategoryIn(ctx.categories, input.category);
  checkCustomFields(ctx.customFields, input.customFields);
  await checkAssignment(tx, orgId, input);
  const now = clock.now();
  const language = input.language ?? requester.preferredLanguage;
  const category = input.category ?? null;
  const teamId = routeTeam(
    ctx.rules,
    { category, channel: input.channel, language },
    requester,
    input,
  );
  const team = teamId ? await teamIntake(tx, orgId, teamId) : undefined;
  const assigneeId = routeAssignee(team, requester, input);
  const row: RequestRow = {
    id: newId(),
    orgId,
    number: ctx.number,
    subject: input.subject,
    description: input.description,
    category,
    priority: input.priority,
    status: 'new',
    channel: input.channel,
    requesterId: requester.id,
    assigneeId,
    teamId: team ? teamId : (input.teamId ?? null),
    language,
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
  const starts = terms.targets
    .filter((t) => initialTargets.includes(t.target))
    .map((t) =>
      planClockStart(
        orgId,
        subject,
        terms.policyId,
        t,
        calendarAmong(ctx.calendars, t.calendarId),
        now,
        now,
      ),
    );
  Object.assign(row, dueSummary(starts.map((s) => s.clock)));
  const view = presentRequest(row);
  const clocks = clockStartWrites(tx, starts);
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
  // A new request can only start an episode (see teamIntake: not counted while one is open).
  const line = team && !team.episode ? lineChange(team.team, team.waiting + 1, null) : undefined;
  const mail = emailWrites(acknowledgement(row, requester, starts, input.channel, opts), now);
  await writeTogether(
    tx,
    [
      insertRequestQuery(row),
      insertInteractionsQuery(timeline),
      ...clocks.parts,
      ...mail.parts,
      ...(team ? lineChangeWrites(tx, orgId, team.team, line, now) : []),
      auditQuery(actor, { action: 'create', entityType: 'request', entityId: row.id, after: view }),
    ],
    [
      requestNotice(orgId, row.id),
      ...clocks.notices,
      ...mail.notices,
      ...(line?.kind === 'start' ? [jobsNotice([now])] : []), // the backup list's emails
    ],
  );
  return view;
}
