import { customFieldTypes } from '../../../shared/custom-fields';
import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import {
  deskSettingsInput,
  routingRulesInput,
  teamChanges,
  teamInput,
  teamMembersInput,
} from '../../../shared/schemas/desk';
import {
  changeDeskSettings,
  changeTeam,
  deskSettings,
  routingRuleList,
  createTeam,
  getTeam,
  setMembers,
  setRoutingRules,
  teamList,
} from '../../domain/requests/teams';
import { teamLine } from '../../domain/requests/team-line';
import { openAlerts } from '../../domain/alerts';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';
import { idParams } from '../views';

const tags = ['desk settings'];
const teamView = z.object({
  id: uuid(),
  name: z.string(),
  strategy: z.enum(['manual', 'round_robin', 'least_loaded']),
  calendarId: uuid().nullable(),
  waitingThreshold: z.number().int(),
  backupEmails: z.array(z.string()),
  members: z.array(
    z.object({
      userId: uuid(),
      name: z.string(),
      capacity: z.number().int(),
      available: z.boolean(),
      openRequests: z.number().int(),
    }),
  ),
  createdAt: z.string(),
});
const ruleView = z.object({
  id: uuid(),
  position: z.number().int(),
  teamId: uuid(),
  conditions: z.record(z.string(), z.array(z.string()).optional()),
});
const settingsView = z.object({
  categories: z.array(z.string()),
  reopenDays: z.number().int(),
  customFields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(customFieldTypes),
      choices: z.array(z.string()).optional(),
      requiredToSolve: z.boolean(),
    }),
  ),
});

/** Teams, routing rules and desk settings. */
export function teamRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/teams',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Teams with members and load',
        response: { 200: z.object({ data: z.array(teamView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      data: await teamList(db, actorOf(req)),
      nextCursor: null,
    }),
  );
  app.post(
    '/teams',
    {
      config: { access: 'desk.manage' },
      schema: { tags, summary: 'Create a team', body: teamInput, response: { 201: teamView } },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) => createTeam(tx, actorOf(req), req.body)),
  );
  app.get(
    '/teams/:id',
    {
      config: { access: 'requests.read' },
      schema: { tags, summary: 'A team', params: idParams, response: { 200: teamView } },
    },
    async (req) => getTeam(db, actorOf(req), req.params.id),
  );
  app.patch(
    '/teams/:id',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary: 'Change a team',
        params: idParams,
        body: teamChanges,
        response: { 200: teamView },
      },
    },
    async (req) =>
      db.transaction((tx) => changeTeam(tx, deps.clock, actorOf(req), req.params.id, req.body)),
  );
  app.put(
    '/teams/:id/members',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary: 'Set who is on the team (capacity, availability)',
        params: idParams,
        body: teamMembersInput,
        response: { 200: teamView },
      },
    },
    async (req) => db.transaction((tx) => setMembers(tx, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/routing-rules',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Routing rules in order',
        response: { 200: z.object({ data: z.array(ruleView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      data: await routingRuleList(db, actorOf(req)),
      nextCursor: null,
    }),
  );
  app.put(
    '/routing-rules',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary: 'Replace the ordered routing rules',
        body: routingRulesInput,
        response: { 200: z.object({ data: z.array(ruleView), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      data: await db.transaction((tx) => setRoutingRules(tx, actorOf(req), req.body)),
      nextCursor: null,
    }),
  );
  app.get(
    '/desk-settings',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'Categories and the reopen window',
        response: { 200: settingsView },
      },
    },
    async (req) => deskSettings(db, actorOf(req)),
  );
  app.patch(
    '/desk-settings',
    {
      config: { access: 'desk.manage' },
      schema: {
        tags,
        summary: 'Change categories and the reopen window',
        body: deskSettingsInput,
        response: { 200: settingsView },
      },
    },
    async (req) => db.transaction((tx) => changeDeskSettings(tx, actorOf(req), req.body)),
  );
  app.get(
    '/teams/:id/line',
    {
      config: { access: 'requests.read' },
      schema: {
        tags,
        summary: 'The team’s line now, and the time it spent over its threshold (last 30 days)',
        params: idParams,
        response: {
          200: z.object({
            teamId: uuid(),
            waiting: z.number().int(),
            threshold: z.number().int(),
            over: z.boolean(),
            minutesOverThreshold: z.number().int(),
            days: z.number().int(),
            episodes: z.array(
              z.object({
                startedAt: z.string(),
                endedAt: z.string().nullable(),
                peak: z.number().int(),
                threshold: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => teamLine(db, deps.clock, actorOf(req), req.params.id),
  );
  app.get(
    '/alerts',
    {
      config: { access: 'requests.read' },
      schema: {
        tags: ['requests'],
        summary: 'Open in-app alerts (a line too long…)',
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: uuid(),
                kind: z.string(),
                teamId: uuid().nullable(),
                message: z.string(),
                createdAt: z.string(),
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (req) => ({ data: await openAlerts(db, actorOf(req)), nextCursor: null }),
  );
}
