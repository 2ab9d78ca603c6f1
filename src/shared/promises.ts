/** Vocabulary of service promises, shared by the server and the web apps. */

/** What a promise can be made about. */
export const promiseSubjectTypes = [
  'request',
  'gift',
  'volunteer_application',
  'grant_deliverable',
] as const;
/** One subject type. */
export type PromiseSubjectType = (typeof promiseSubjectTypes)[number];

/** The targets a promise can set: what must happen, by when. */
export const promiseTargets = [
  'first_response',
  'next_response',
  'resolution',
  'thanks',
  'answer',
  'report',
] as const;
/** One target. */
export type PromiseTarget = (typeof promiseTargets)[number];

/** Targets that start by themselves when a subject appears (next_response starts on a reply). */
export const initialTargets: readonly PromiseTarget[] = [
  'first_response',
  'resolution',
  'thanks',
  'answer',
];

/** Where a clock stands. */
export const clockStates = ['running', 'paused', 'fulfilled', 'breached', 'cancelled'] as const;
/** One clock state. */
export type ClockState = (typeof clockStates)[number];

/** Events of a clock's log. */
export const clockEventTypes = [
  'started',
  'paused',
  'resumed',
  'warned',
  'breached',
  'fulfilled',
  'cancelled',
  'retargeted',
] as const;
/** One event type. */
export type ClockEventType = (typeof clockEventTypes)[number];

/** Limits of promise settings. */
export const promiseLimits = {
  /** One year of round-the-clock time, the clock's own limit. */
  maxMinutes: 525_600,
  policiesMax: 200,
  conditionValuesMax: 50,
} as const;
