import type {
  contactKinds,
  contactRoles,
  interactionChannels,
  interactionDirections,
  interactionKinds,
  preferredChannels,
} from '../../../shared/contacts';
export { ApiError } from '../../http';
/** One field's problem from a 400 answer (`details[]` of the error body). */
export type { ErrorDetail as FieldProblem } from '../../http';
/** Calls the Tend API; forms pass extra headers (If-Match, Idempotency-Key). */
export { api as send } from '../../http';

/** A contact role. */
export type Role = (typeof contactRoles)[number];

/** A contact as the API answers it. */
export type Contact = {
  id: string;
  kind: (typeof contactKinds)[number];
  organizationType: string | null;
  name: string;
  givenName: string | null;
  familyName: string | null;
  roles: Role[];
  preferredLanguage: string | null;
  timeZone: string | null;
  preferredChannel: (typeof preferredChannels)[number] | null;
  tags: string[];
  owner: { id: string; name: string; email: string } | null;
  household: { id: string; name: string } | null;
  emails: { address: string; label: string | null; primary: boolean; bounced: boolean }[];
  phones: { number: string; label: string | null; primary: boolean }[];
  addresses: {
    label: string | null;
    line1: string;
    line2: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    country: string;
    primary: boolean;
  }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** One timeline entry. */
export type Interaction = {
  id: string;
  contactId: string;
  kind: (typeof interactionKinds)[number];
  channel: (typeof interactionChannels)[number];
  direction: (typeof interactionDirections)[number];
  summary: string;
  source: { type: string; id: string | null } | null;
  occurredAt: string;
  actorUserId: string | null;
};

/** A relationship seen from the contact whose page it is. */
export type Relationship = {
  id: string;
  type: string;
  contact: { id: string; name: string };
  note: string | null;
};

/** A household and its members. */
export type Household = {
  id: string;
  name: string;
  members: { id: string; name: string; roles: string[] }[];
};

/** A list answer. */
export type Page<T> = { data: T[]; nextCursor: string | null };

/** A request as the contact page lists it. */
export type ContactRequest = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  channel: string;
  createdAt: string;
  nextDueAt: string | null;
  breached: boolean;
};

/** A staff member (only admins and managers may list them). */
export type StaffUser = { id: string; name: string; active: boolean };
