import type { contactRoles } from '../../shared/contacts';
import type { CustomFieldDefinition } from '../../shared/custom-fields';
import type { RequestStatus } from '../../shared/requests';

export { api, ApiError, type ErrorDetail } from '../http';

/** A page of a list: `{data, nextCursor}`. */
export type Page<T> = { data: T[]; nextCursor: string | null };

/** Who is signed in. */
export type Me = {
  user: { id: string; name: string; email: string; role: string };
  organization: { id: string; slug: string; name: string };
  permissions?: string[];
};

/** A request as the API answers it. */
export type RequestItem = {
  id: string;
  reference: string;
  subject: string;
  description?: string;
  status: RequestStatus;
  priority: string;
  category?: string | null;
  channel?: string;
  nextDueAt: string | null;
  breached: boolean;
  requesterId: string;
  assigneeId?: string | null;
  teamId?: string | null;
  language?: string | null;
  customFields?: Record<string, string | number | boolean | null>;
  version?: number;
  createdAt?: string;
};

/** A row of the queue: the request with its requester's and assignee's names. */
export type QueueItem = RequestItem & { requesterName: string | null; assigneeName: string | null };

/** A message of a request's conversation. */
export type Message = {
  id: string;
  visibility: 'public' | 'internal';
  author: 'staff' | 'requester' | 'system';
  authorUserId?: string | null;
  authorContactId?: string | null;
  channel?: string;
  body: string;
  automatic?: boolean;
  createdAt: string;
  fromAddress: string | null;
  needsReview: boolean;
};

/** A promise clock of a request. */
export type ClockItem = {
  id: string;
  target: string;
  state: string;
  dueAt: string | null;
  kept: boolean | null;
  minutes?: number;
  usedMinutes?: number;
  startedAt?: string;
  fulfilledAt?: string | null;
  breachedAt?: string | null;
};

/** A team with its members (everyone on the desk may read them). */
export type Team = {
  id: string;
  name: string;
  members: { userId: string; name: string; available: boolean }[];
};

/** Categories and custom fields of the organization's requests. */
export type DeskSettings = { categories: string[]; customFields: CustomFieldDefinition[] };

/** A staff member (admins and managers may list them). */
export type StaffUser = { id: string; name: string; active: boolean };

/** A canned reply with its texts by language. */
export type CannedReply = { id: string; name: string; bodies: Record<string, string> };

/** A contact as the requester's card shows it. */
export type Contact = {
  id: string;
  name: string;
  roles: (typeof contactRoles)[number][];
  preferredLanguage: string | null;
  emails: { address: string; primary: boolean; bounced: boolean }[];
  phones: { number: string; primary: boolean }[];
};
