import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { requestChannels, requestPriorities } from '../../../shared/schemas/promises';
import { requestStatuses } from '../../../shared/requests';

/** A request as the API answers it. */
export const requestView = z.object({
  id: uuid(),
  reference: z.string(),
  subject: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  priority: z.enum(requestPriorities),
  status: z.enum(requestStatuses),
  channel: z.enum(requestChannels),
  requesterId: uuid(),
  assigneeId: uuid().nullable(),
  teamId: uuid().nullable(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  followUpOfId: uuid().nullable(),
  mergedIntoId: uuid().nullable(),
  nextDueAt: z.string().nullable(),
  breached: z.boolean(),
  firstRespondedAt: z.string().nullable(),
  solvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A row of the queue: the request with its requester's and assignee's names. */
export const queueItemView = requestView.extend({
  requesterName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});

/** A message as staff see it. */
export const messageView = z.object({
  id: uuid(),
  visibility: z.enum(['public', 'internal']),
  author: z.enum(['staff', 'requester', 'system']),
  authorUserId: uuid().nullable(),
  authorContactId: uuid().nullable(),
  channel: z.enum(requestChannels),
  body: z.string(),
  automatic: z.boolean(),
  fromAddress: z.string().nullable().describe('The address an emailed message came from'),
  needsReview: z
    .boolean()
    .describe('From someone who is neither the requester nor staff: a person should look'),
  createdAt: z.string(),
});
