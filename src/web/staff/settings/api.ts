import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { StaffRole } from '../../../shared/staff';
import { api, ApiError, type Me } from '../api';
import { newKey } from '../../ids';

export { ApiError };

/** Who is signed in, with what they may do (the API's permission names). */
export type MeWithPermissions = Me & { permissions: string[] };

/** The signed-in person and their permissions (the same query App makes). */
export function usePermissions() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<MeWithPermissions>('/auth/me') });
  const permissions = new Set(me.data?.permissions ?? []);
  return { me: me.data, can: (p: string) => permissions.has(p) };
}

/**
 * Calls the API: `version` becomes `If-Match` (so a colleague's change is never overwritten) and
 * a creating POST carries an `Idempotency-Key`: a form passes one `key` of its own (`useFormKey`),
 * so sending it again after a lost answer creates one thing.
 */
export async function send<T>(
  path: string,
  init: { method: string; body?: unknown; version?: number; key?: string },
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.version !== undefined) headers['if-match'] = `"${init.version}"`;
  if (init.method === 'POST') headers['idempotency-key'] = init.key ?? newKey();
  return api<T>(path, { method: init.method, body: init.body, headers });
}

export { api };

/** A list answer. */
export type List<T> = { data: T[]; nextCursor: string | null };

/** Weekly hours: weekday key → intervals `["09:00", "17:00"]`. */
export type Hours = Partial<Record<Weekday, [string, string][]>>;
/** Weekday keys of a calendar, Monday first. */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** One weekday key. */
export type Weekday = (typeof weekdays)[number];

/** A business calendar. */
export type Calendar = {
  id: string;
  name: string;
  timezone: string;
  hours: Hours;
  holidays: string[];
  version: number;
};

/** A team with its members. */
export type Team = {
  id: string;
  name: string;
  strategy: Strategy;
  calendarId: string | null;
  waitingThreshold: number;
  backupEmails: string[];
  members: {
    userId: string;
    name: string;
    capacity: number;
    available: boolean;
    openRequests: number;
  }[];
};
/** How a team hands out requests. */
export type Strategy = 'manual' | 'round_robin' | 'least_loaded';

/** Conditions of a routing rule (empty lists match anything). */
export type RuleConditions = {
  categories?: string[];
  channels?: string[];
  languages?: string[];
  tiers?: string[];
};
/** A routing rule. */
export type Rule = { id: string; position: number; teamId: string; conditions: RuleConditions };

/** A custom field of requests. */
export type CustomField = {
  key: string;
  label: string;
  type: 'text' | 'number' | 'boolean' | 'date' | 'choice';
  choices?: string[];
  requiredToSolve: boolean;
};

/** Categories, reopen window and custom fields of the desk. */
export type DeskSettings = {
  categories: string[];
  reopenDays: number;
  customFields: CustomField[];
};

/** One target of a promise policy. */
export type PolicyTarget = {
  target: string;
  minutes: number;
  calendarId: string | null;
  pauseStatuses: string[];
  warnBeforeMinutes: number;
};
/** Conditions of a promise policy. */
export type PolicyConditions = {
  roles?: string[];
  segments?: string[];
  categories?: string[];
  channels?: string[];
  priorities?: string[];
};
/** A promise policy. */
export type Policy = {
  id: string;
  subjectType: SubjectType;
  name: string;
  description: string | null;
  position: number;
  active: boolean;
  conditions: PolicyConditions;
  targets: PolicyTarget[];
  version: number;
};
/** What a promise is made about. */
export type SubjectType = 'request' | 'gift' | 'volunteer_application';

/** A canned reply with its texts by language. */
export type CannedReply = {
  id: string;
  name: string;
  bodies: Record<string, string>;
  updatedAt: string;
};

/** A staff member. */
export type User = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  locale: string;
  active: boolean;
  createdAt: string;
};

/** An API token, without its secret. */
export type Token = {
  id: string;
  userId: string;
  name: string;
  role: StaffRole;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** The organization's settings. */
export type Organization = {
  id: string;
  slug: string;
  name: string;
  defaultCountry: string | null;
  defaultLanguage: string;
  timeZone: string;
  inboundAddresses: string[];
};

/** Query keys of the settings pages. */
export const keys = {
  calendars: ['settings', 'calendars'],
  teams: ['settings', 'teams'],
  rules: ['settings', 'routing-rules'],
  desk: ['settings', 'desk'],
  policies: ['settings', 'policies'],
  canned: ['settings', 'canned'],
  users: ['settings', 'users'],
  tokens: ['settings', 'tokens'],
  organization: ['settings', 'organization'],
} as const;

/** The organization's calendars, teams, users…: lists many pages read. */
export const useCalendars = () =>
  useQuery({ queryKey: keys.calendars, queryFn: () => api<List<Calendar>>('/calendars') });
/** The teams. */
export const useTeams = () =>
  useQuery({ queryKey: keys.teams, queryFn: () => api<List<Team>>('/teams') });
/** Categories and the rest of the desk settings. */
export const useDesk = () =>
  useQuery({ queryKey: keys.desk, queryFn: () => api<DeskSettings>('/desk-settings') });
/** Staff (admins and managers only; others get 403). */
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api<List<User>>('/users'), enabled });
/** The organization. */
export const useOrganization = () =>
  useQuery({ queryKey: keys.organization, queryFn: () => api<Organization>('/organization') });

/** One Idempotency-Key for a form's life: every try of the same create sends it. */
export const useFormKey = () => useState(newKey)[0];
