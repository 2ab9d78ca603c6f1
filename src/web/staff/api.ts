/** A failed API call, with the error body's code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the Tend API with the session cookie; JSON in and out. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string };
  };
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.error?.code ?? 'error',
      json.error?.message ?? res.statusText,
    );
  return json as T;
}

/** Who is signed in. */
export type Me = {
  user: { id: string; name: string; email: string; role: string };
  organization: { id: string; slug: string; name: string };
};

/** A request as the queue shows it. */
export type RequestItem = {
  id: string;
  reference: string;
  subject: string;
  status: string;
  priority: string;
  nextDueAt: string | null;
  breached: boolean;
  requesterId: string;
};

/** A message of a request's conversation. */
export type Message = {
  id: string;
  visibility: 'public' | 'internal';
  author: 'staff' | 'requester' | 'system';
  body: string;
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
};
