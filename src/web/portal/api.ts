/** The organization of this portal, from the address: /p/{org}/… */
export const organizationSlug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');

/** A failed API call, with the error's code and field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Calls the Tend API with the portal cookie; JSON in and out. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.error?.code ?? 'error',
      json.error?.message ?? res.statusText,
      json.error?.details ?? [],
    );
  return json as T;
}

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
