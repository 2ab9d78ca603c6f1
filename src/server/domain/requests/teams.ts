import type { z } from 'zod';
import type {
  deskSettingsInput,
  routingRulesInput,
  teamChanges,
  teamInput,
  teamMembersInput,
} from '../../../shared/schemas/desk';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import { findCalendar } from '../../db/repositories/promises';
import { deskSettingsOf, saveDeskSettings } from '../../db/repositories/requests';
import {
  findTeam,
  insertTeam,
  listRoutingRules,
  listTeams,
  membersWithLoad,
  replaceRoutingRules,
  setTeamMembers,
  updateTeamRow,
  type TeamRow,
} from '../../db/repositories/teams';
import { findUser } from '../../db/repositories/users';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../actor';
import type { Clock } from '../../../core/clock';
import { refreshTeamLine } from './team-line';

/** A team with its members and their load. */
export async function presentTeam(db: Executor, t: TeamRow) {
  const members = await membersWithLoad(db, t.orgId, t.id);
  return {
    id: t.id,
    name: t.name,
    strategy: t.strategy,
    calendarId: t.calendarId,
    waitingThreshold: t.waitingThreshold,
    backupEmails: t.backupEmails,
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      capacity: m.capacity,
      available: m.available,
      openRequests: m.open_count,
    })),
    createdAt: t.createdAt.toISOString(),
  };
}

async function checkCalendar(db: Executor, orgId: string, calendarId: string | null | undefined) {
  if (calendarId && !(await findCalendar(db, orgId, calendarId)))
    throw invalid('calendarId', 'no such calendar');
}

/** Creates a team. */
export async function createTeam(db: Executor, actor: Actor, input: z.infer<typeof teamInput>) {
  await checkCalendar(db, actor.orgId, input.calendarId);
  const row = await insertTeam(db, { orgId: actor.orgId, ...input });
  await appendAudit(db, actor, {
    action: 'create',
    entityType: 'team',
    entityId: row.id,
    after: input,
  });
  return presentTeam(db, row);
}

/** Changes a team's settings. */
export async function changeTeam(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: z.infer<typeof teamChanges>,
) {
  const before = await findTeam(db, actor.orgId, id);
  if (!before) throw notFound('team');
  await checkCalendar(db, actor.orgId, input.calendarId);
  const after = (await updateTeamRow(db, actor.orgId, id, input))!;
  // A new threshold may put the line over it, or under it, at once (new requests count the line
  // only up to the threshold, so they would not notice).
  if (after.waitingThreshold !== before.waitingThreshold)
    await refreshTeamLine(db, clock, actor.orgId, id);
  await appendAudit(db, actor, {
    action: 'update',
    entityType: 'team',
    entityId: id,
    before,
    after,
  });
  return presentTeam(db, after);
}

/** Sets who is on a team, with capacity and availability. */
export async function setMembers(
  db: Executor,
  actor: Actor,
  id: string,
  input: z.infer<typeof teamMembersInput>,
) {
  const team = await findTeam(db, actor.orgId, id);
  if (!team) throw notFound('team');
  for (const [i, m] of input.members.entries()) {
    if (!(await findUser(db, actor.orgId, m.userId)))
      throw invalid(`members.${i}.userId`, 'no such staff user');
  }
  const before = await membersWithLoad(db, actor.orgId, id);
  await setTeamMembers(db, actor.orgId, id, input.members);
  await appendAudit(db, actor, {
    action: 'update',
    entityType: 'team_members',
    entityId: id,
    before,
    after: input.members,
  });
  return presentTeam(db, team);
}

/** One team, or all. */
export async function getTeam(db: Executor, actor: Actor, id: string) {
  const team = await findTeam(db, actor.orgId, id);
  if (!team) throw notFound('team');
  return presentTeam(db, team);
}

/** All teams. */
export async function teamList(db: Executor, actor: Actor) {
  const out = [];
  for (const t of await listTeams(db, actor.orgId)) out.push(await presentTeam(db, t));
  return out;
}

/** Replaces the ordered routing rules. */
export async function setRoutingRules(
  db: Executor,
  actor: Actor,
  input: z.infer<typeof routingRulesInput>,
) {
  for (const [i, r] of input.rules.entries()) {
    if (!(await findTeam(db, actor.orgId, r.teamId)))
      throw invalid(`rules.${i}.teamId`, 'no such team');
  }
  const before = await listRoutingRules(db, actor.orgId);
  const after = await replaceRoutingRules(db, actor.orgId, input.rules);
  await appendAudit(db, actor, {
    action: 'update',
    entityType: 'routing_rules',
    entityId: actor.orgId,
    before,
    after,
  });
  return after.map((r) => ({
    id: r.id,
    position: r.position,
    teamId: r.teamId,
    conditions: r.conditions,
  }));
}

/** The routing rules in order, presented. */
export async function routingRuleList(db: Executor, actor: Actor) {
  return (await listRoutingRules(db, actor.orgId)).map((r) => ({
    id: r.id,
    position: r.position,
    teamId: r.teamId,
    conditions: r.conditions,
  }));
}

/** The desk settings: categories and the reopen window. */
export async function deskSettings(db: Executor, actor: Actor) {
  const s = await deskSettingsOf(db, actor.orgId);
  return { categories: s.categories, reopenDays: s.reopenDays, customFields: s.customFields };
}

/** Changes the desk settings, audited. */
export async function changeDeskSettings(
  db: Executor,
  actor: Actor,
  input: z.infer<typeof deskSettingsInput>,
) {
  const before = await deskSettingsOf(db, actor.orgId);
  const after = await saveDeskSettings(db, actor.orgId, input);
  await appendAudit(db, actor, {
    action: 'update',
    entityType: 'desk_settings',
    entityId: actor.orgId,
    before,
    after,
  });
  return {
    categories: after.categories,
    reopenDays: after.reopenDays,
    customFields: after.customFields,
  };
}
