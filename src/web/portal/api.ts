/** The organization of this portal, from the address: /p/{org}/… */
export const organizationSlug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');

export { api, ApiError } from '../http';

/** The public API of this organization. */
export const publicPath = (path: string) =>
  `/public/${encodeURIComponent(organizationSlug)}${path}`;

/** Who is signed in to the portal. */
export type PortalMe = {
  name: string;
  preferredLanguage: string | null;
  organization: { slug: string; name: string };
};

/** A request of mine. */
export type MyRequest = {
  id: string;
  reference: string;
  subject: string;
  description: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
  followUpOfId: string | null;
};

/** One of my requests with its public conversation. */
export type MyRequestThread = MyRequest & {
  firstResponse: { dueAt: string | null; state: string; kept: boolean | null } | null;
  messages: {
    id: string;
    author: 'you' | 'staff';
    staffName: string | null;
    body: string;
    createdAt: string;
  }[];
};

/** What the organization publishes about its promises. */
export type PublishedPromises = {
  organization: { slug: string; name: string };
  promises: {
    subjectType: string;
    name: string;
    description: string | null;
    conditions: { roles?: string[]; categories?: string[]; channels?: string[] };
    forEveryone: boolean;
    targets: {
      target: string;
      minutes: number;
      businessHours: { name: string; timezone: string } | null;
      last30Days: { decided: number; keptRate: number | null };
      last90Days: { decided: number; keptRate: number | null };
    }[];
  }[];
};
