/** Vocabulary of the service desk, shared by the server and the web apps. */
export { requestChannels, requestPriorities } from './schemas/promises';

/** Where a request stands. */
export const requestStatuses = [
  'new',
  'open',
  'waiting_on_requester',
  'on_hold',
  'solved',
  'closed',
] as const;
/** One request status. */
export type RequestStatus = (typeof requestStatuses)[number];

/** Statuses in which the request is still someone's work. */
export const openStatuses: readonly RequestStatus[] = [
  'new',
  'open',
  'waiting_on_requester',
  'on_hold',
];

/** How a team hands out its requests. */
export const assignmentStrategies = ['manual', 'round_robin', 'least_loaded'] as const;
/** One strategy. */
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

/** Who wrote a message. */
export const messageAuthors = ['staff', 'requester', 'system'] as const;
/** Public replies reach the requester; internal notes never do. */
export const messageVisibilities = ['public', 'internal'] as const;

/** Types a custom field can have. */
export const customFieldTypes = ['text', 'number', 'boolean', 'date', 'choice'] as const;

/** Limits of requests, the same in the API and the forms. */
export const requestLimits = {
  subjectMax: 200,
  descriptionMax: 20_000,
  messageMax: 50_000,
  tagsMax: 20,
  customFieldsMax: 30,
  /** Days after solving in which a requester's reply reopens the request. */
  reopenDaysDefault: 7,
} as const;

/** The views of the queue, in the order the console shows them (`all` includes the archive). */
export const queueViews = [
  'all',
  'open',
  'mine',
  'my_teams',
  'unassigned',
  'due_soon',
  'breached',
  'waiting',
] as const;
/** One view of the queue. */
export type QueueView = (typeof queueViews)[number];
