import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact, buildUser } from '../../../../tests/support/factories';

let api: TestApi;
let org: Staffed;
let calendarId: string;
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
  token = org.tokens.manager,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });
const weekdays = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
);

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T08:00:00Z')); // Monday 10:00 in Vilnius
  org = await staffedOrg(api.database);
  calendarId = (
    await call('POST', '/calendars', {
      name: 'Office',
      definition: { timezone: 'Europe/Vilnius', hours: weekdays },
    })
  ).json().id;
  const policy = await call('POST', '/promise-policies', {
    subjectType: 'request',
    name: 'Everyone',
    targets: [
      { target: 'first_response', minutes: 240, calendarId },
      { target: 'next_response', minutes: 480, calendarId },
      {
        target: 'resolution',
        minutes: 2400,
        calendarId,
        pauseStatuses: ['waiting_on_requester', 'on_hold'],
      },
    ],
  });
  expect(policy.statusCode).toBe(201);
});
afterAll(() => api.close());

const newRequest = async (extra: object = {}) => {
  const contact = await buildContact(api.database.db, org.org, { roles: ['client'] });
  const res = await call('POST', '/requests', {
    subject: 'Need a food parcel',
    requesterId: contact.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { request: res.json(), contact };
};
const clocks = async (id: string) =>
  Object.fromEntries(
    (await call('GET', `/promises/clocks?subjectType=request&subjectId=${id}`))
      .json()
      .data.map((c: { target: string }) => [c.target, c]),
  );

describe('requests', () => {
  it('opens a numbered request on the promise clock and the requester’s timeline', async () => {
    const { request, contact } = await newRequest({ channel: 'phone', priority: 'high' });
    expect(request.reference).toMatch(/^R-\d{4,}$/);
    expect(request).toMatchObject({
      status: 'new',
      channel: 'phone',
      priority: 'high',
      nextDueAt: '2026-11-30T12:00:00.000Z',
    });
    const c = await clocks(request.id);
    expect(Object.keys(c).sort()).toEqual(['first_response', 'resolution']);
    const timeline = (await call('GET', `/contacts/${contact.id}/timeline`)).json().data;
    expect(timeline[0]).toMatchObject({
      kind: 'request',
      summary: `${request.reference} opened: Need a food parcel`,
      source: { type: 'request', id: request.id },
    });
  });

  it('counts only a human public reply as the first response; notes change no clock', async () => {
    const { request } = await newRequest();
    api.clock.advance(30 * 60_000);
    const note = await call('POST', `/requests/${request.id}/messages`, {
      body: 'Called the food bank',
      visibility: 'internal',
    });
    expect(note.statusCode).toBe(201);
    expect((await clocks(request.id)).first_response.state).toBe('running');
    const reply = await call('POST', `/requests/${request.id}/messages`, {
      body: 'We have a parcel for you',
      visibility: 'public',
    });
    expect(reply.json().request).toMatchObject({
      status: 'open',
      firstRespondedAt: api.clock.now().toISOString(),
    });
    expect((await clocks(request.id)).first_response).toMatchObject({
      state: 'fulfilled',
      kept: true,
      usedMinutes: 30,
    });
    const messages = (await call('GET', `/requests/${request.id}/messages`)).json().data;
    expect(messages.map((m: { visibility: string }) => m.visibility)).toEqual([
      'internal',
      'public',
    ]);
  });

  it('pauses resolution while waiting on the requester, and their reply resumes it with a next-response promise', async () => {
    const { request } = await newRequest();
    await call('POST', `/requests/${request.id}/messages`, {
      body: 'Which address?',
      visibility: 'public',
      status: 'waiting_on_requester',
    });
    expect((await clocks(request.id)).resolution.state).toBe('paused');
    api.clock.advance(60 * 60_000);
    const res = await call('POST', `/requests/${request.id}/requester-messages`, {
      body: 'Gedimino 1',
      channel: 'email',
    });
    expect(res.json()).toMatchObject({ followUp: false, request: { status: 'open' } });
    const c = await clocks(request.id);
    expect(c.resolution.state).toBe('running');
    expect(c.next_response.state).toBe('running');
  });

  it('reopens a request solved within the window; later, or closed, a reply opens a linked follow-up', async () => {
    const { request } = await newRequest();
    const solved = await call('POST', `/requests/${request.id}/messages`, {
      body: 'Done',
      visibility: 'public',
      status: 'solved',
    });
    expect(solved.json().request.status).toBe('solved');
    expect((await clocks(request.id)).resolution.state).toBe('fulfilled');
    api.clock.advance(2 * 86_400_000);
    const reopened = await call('POST', `/requests/${request.id}/requester-messages`, {
      body: 'It did not arrive',
    });
    expect(reopened.json()).toMatchObject({
      followUp: false,
      request: { id: request.id, status: 'open', solvedAt: null },
    });
    await call('PATCH', `/requests/${request.id}`, { status: 'solved' });
    api.clock.advance(8 * 86_400_000);
    const late = await call('POST', `/requests/${request.id}/requester-messages`, {
      body: 'Another question',
    });
    expect(late.json()).toMatchObject({
      followUp: true,
      request: { followUpOfId: request.id, status: 'new' },
    });
    await call('PATCH', `/requests/${request.id}`, { status: 'closed' });
    const closedReply = await call('POST', `/requests/${request.id}/messages`, {
      body: 'Hello?',
      visibility: 'public',
    });
    expect(closedReply.statusCode).toBe(422);
    expect(closedReply.json().error.code).toBe('request_closed');
  });

  it('logs a phone call answered on the spot: the first response is already kept', async () => {
    const contact = await buildContact(api.database.db, org.org);
    const res = await call(
      'POST',
      '/requests/log-call',
      { subject: 'Opening hours?', requesterId: contact.id, channel: 'phone', answered: true },
      org.tokens.agent,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'phone', status: 'open' });
    expect((await clocks(res.json().id)).first_response).toMatchObject({
      state: 'fulfilled',
      kept: true,
    });
  });

  it('takes ids written in capitals as the same ids (clients that print GUIDs so)', async () => {
    const contact = await buildContact(api.database.db, org.org, { roles: ['client'] });
    const res = await call('POST', '/requests', {
      subject: 'Need a food parcel',
      requesterId: contact.id.toUpperCase(),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().requesterId).toBe(contact.id);
    const read = await call('GET', `/requests/${(res.json().id as string).toUpperCase()}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().id).toBe(res.json().id);
  });

  it('rejects bad input with field paths and another organization’s request with 404', async () => {
    const bad = await call('POST', '/requests', {
      subject: '',
      requesterId: 'nope',
      priority: 'asap',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['priority', 'requesterId', 'subject']);
    const { request } = await newRequest();
    const other = await staffedOrg(api.database);
    expect(
      (await call('GET', `/requests/${request.id}`, undefined, other.tokens.admin)).statusCode,
    ).toBe(404);
    expect(
      (await call('PATCH', `/requests/${request.id}`, { status: 'solved' }, other.tokens.admin))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await call(
          'POST',
          `/requests/${request.id}/messages`,
          { body: 'x', visibility: 'public' },
          other.tokens.admin,
        )
      ).statusCode,
    ).toBe(404);
    expect((await call('GET', '/requests', undefined, other.tokens.admin)).json().data).toEqual([]);
  });
});

describe('merging combines promises', () => {
  type ClockView = { target: string; state: string; dueAt: string };
  const clockList = async (id: string): Promise<ClockView[]> =>
    (await call('GET', `/promises/clocks?subjectType=request&subjectId=${id}`)).json().data;
  const firstResponse = async (id: string) =>
    (await clockList(id)).find((c) => c.target === 'first_response')!;

  it('keeps the earlier promise when the older request is merged into the newer one', async () => {
    const start = api.clock.now();
    try {
      const older = (await newRequest()).request;
      api.clock.advance(2 * 3_600_000);
      const newer = (await newRequest()).request;
      const olderDue = (await firstResponse(older.id)).dueAt;
      expect(olderDue < (await firstResponse(newer.id)).dueAt).toBe(true);
      const merged = await call('POST', `/requests/${older.id}/merge`, { intoId: newer.id });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json().nextDueAt).toBe(olderDue);
      const open = (await clockList(newer.id)).filter((c) => c.state === 'running');
      expect(open.map((c) => c.target).sort()).toEqual(['first_response', 'resolution']);
      expect((await firstResponse(newer.id)).dueAt).toBe(olderDue);
      expect(await clockList(older.id)).toEqual([]); // its clocks moved over
    } finally {
      api.clock.set(start);
    }
  });

  it('keeps the target’s own promise when it is the older one', async () => {
    const start = api.clock.now();
    try {
      const older = (await newRequest()).request;
      api.clock.advance(3_600_000);
      const newer = (await newRequest()).request;
      const olderDue = (await firstResponse(older.id)).dueAt;
      const merged = await call('POST', `/requests/${newer.id}/merge`, { intoId: older.id });
      expect(merged.statusCode, merged.body).toBe(200);
      expect(merged.json().nextDueAt).toBe(olderDue);
      expect((await clockList(newer.id)).every((c) => c.state === 'cancelled')).toBe(true);
    } finally {
      api.clock.set(start);
    }
  });
});

describe('who reads internal notes', () => {
  const conversation = async (roles: string[]) => {
    const contact = await buildContact(api.database.db, org.org, { roles: roles as never });
    const created = await call('POST', '/requests', {
      subject: 'A question',
      requesterId: contact.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const [visibility, body] of [
      ['public', 'We will call you tomorrow.'],
      ['internal', 'Lost her job last week; eviction notice.'],
    ])
      expect(
        (await call('POST', `/requests/${id}/messages`, { body, visibility })).statusCode,
      ).toBe(201);
    return (token: string) =>
      call('GET', `/requests/${id}/messages`, undefined, token).then((r) => {
        expect(r.statusCode, r.body).toBe(200);
        return (r.json().data as { visibility: string }[]).map((m) => m.visibility);
      });
  };

  it('shows notes on a client’s request only to the roles that serve clients', async () => {
    const read = await conversation(['client']);
    for (const role of ['admin', 'manager', 'agent'] as const)
      expect(await read(org.tokens[role]), role).toEqual(['public', 'internal']);
    for (const role of ['fundraiser', 'volunteer_coordinator'] as const)
      expect(await read(org.tokens[role]), role).toEqual(['public']);
  });

  it('shows notes on a donor’s request to every staff role', async () => {
    const read = await conversation(['donor']);
    for (const role of ['admin', 'agent', 'fundraiser', 'volunteer_coordinator'] as const)
      expect(await read(org.tokens[role]), role).toEqual(['public', 'internal']);
  });

  it('keeps the notes private when the requester is both donor and client', async () => {
    const read = await conversation(['donor', 'client']);
    expect(await read(org.tokens.fundraiser)).toEqual(['public']);
  });
});

describe('routing', () => {
  it('sends requests by the first matching rule to a team, round robin, skipping people who are off', async () => {
    const people = [
      await buildUser(api.database.db, org.org, 'agent'),
      await buildUser(api.database.db, org.org, 'agent'),
      await buildUser(api.database.db, org.org, 'agent'),
    ];
    const team = (
      await call('POST', '/teams', { name: 'Housing', strategy: 'round_robin' })
    ).json();
    const members = people.map((p, i) => ({ userId: p.id, capacity: 10, available: i !== 1 }));
    expect((await call('PUT', `/teams/${team.id}/members`, { members })).statusCode).toBe(200);
    expect(
      (await call('PATCH', '/desk-settings', { categories: ['housing', 'food'] })).statusCode,
    ).toBe(200);
    await call('PUT', '/routing-rules', {
      rules: [{ teamId: team.id, conditions: { categories: ['housing'] } }],
    });
    const assigned = [];
    for (let i = 0; i < 3; i++) assigned.push((await newRequest({ category: 'housing' })).request);
    expect(assigned.every((r) => r.teamId === team.id)).toBe(true);
    // The team's stable order is by name; the person who is off is skipped.
    const order: string[] = (await call('GET', `/teams/${team.id}`))
      .json()
      .members.map((m: { userId: string }) => m.userId);
    const available = order.filter((id) => id !== people[1]!.id);
    expect(assigned.map((r) => r.assigneeId)).toEqual([available[0], available[1], available[0]]);
    // Requests opened at the same moment take different tickets: the turns stay even.
    const burst = await Promise.all(
      Array.from({ length: 4 }, () => newRequest({ category: 'housing' })),
    );
    const turns = burst.map((b) => b.request.assigneeId as string);
    expect(turns.filter((id) => id === available[0])).toHaveLength(2);
    expect(turns.filter((id) => id === available[1])).toHaveLength(2);
    const contact = await buildContact(api.database.db, org.org);
    const unknown = await call('POST', '/requests', {
      subject: 'x',
      requesterId: contact.id,
      category: 'gardening',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('category');
  });

  it('gives least-loaded teams to the freest person and the owner rule beats the strategy', async () => {
    const [a, b] = [
      await buildUser(api.database.db, org.org, 'agent'),
      await buildUser(api.database.db, org.org, 'fundraiser'),
    ];
    const team = (
      await call('POST', '/teams', { name: 'Donor care', strategy: 'least_loaded' })
    ).json();
    await call('PUT', `/teams/${team.id}/members`, {
      members: [
        { userId: a.id, capacity: 5 },
        { userId: b.id, capacity: 5 },
      ],
    });
    const first = (await newRequest({ teamId: team.id })).request;
    const second = (await newRequest({ teamId: team.id })).request;
    expect(new Set([first.assigneeId, second.assigneeId])).toEqual(new Set([a.id, b.id]));
    const owned = await buildContact(api.database.db, org.org, {
      roles: ['donor'],
      ownerUserId: first.assigneeId,
    });
    const third = await call('POST', '/requests', {
      subject: 'About my gift',
      requesterId: owned.id,
      teamId: team.id,
    });
    expect(third.json().assigneeId).toBe(first.assigneeId);
    const timeline = (await call('GET', `/contacts/${owned.id}/timeline?kind=assignment`)).json()
      .data;
    expect(timeline[0].summary).toContain(first.assigneeId);
  });
});

describe('the queue', () => {
  it('orders by the next due instant and counts each view', async () => {
    const other = await staffedOrg(api.database);
    const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      call(method, url, payload, other.tokens.manager);
    const contact = await buildContact(api.database.db, other.org);
    const targets = (minutes: number) => [{ target: 'first_response', minutes }];
    await as('POST', '/promise-policies', {
      subjectType: 'request',
      name: 'Urgent',
      conditions: { priorities: ['urgent'] },
      targets: targets(60),
    });
    await as('POST', '/promise-policies', {
      subjectType: 'request',
      name: 'Others',
      targets: targets(480),
    });
    const ids: string[] = [];
    for (const priority of ['low', 'urgent']) {
      ids.push(
        (
          await as('POST', '/requests', { subject: priority, requesterId: contact.id, priority })
        ).json().id,
      );
      api.clock.advance(60_000);
    }
    await as('PATCH', `/requests/${ids[1]}`, {
      assigneeId: other.users.manager.id,
      status: 'on_hold',
    });
    const queue = (await as('GET', '/requests?view=all')).json().data;
    expect(queue.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[0]]); // urgent: due in 1 h, the other in 8 h
    const counts = (await as('GET', '/requests/counts')).json();
    expect(counts).toEqual({
      open: 2,
      mine: 1,
      my_teams: 0,
      unassigned: 1,
      due_soon: 1, // the urgent one is due within the hour
      breached: 0,
      waiting: 1,
    });
    expect(
      (await as('GET', '/requests?view=mine')).json().data.map((r: { id: string }) => r.id),
    ).toEqual([ids[1]]);
  });

  it('pages through requests with and without a running clock, without repeats', async () => {
    const other = await staffedOrg(api.database);
    const contact = await buildContact(api.database.db, other.org);
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      call(method, url, payload, other.tokens.manager);
    await as('POST', '/promise-policies', {
      subjectType: 'request',
      name: 'Urgent only',
      conditions: { priorities: ['urgent'] },
      targets: [{ target: 'first_response', minutes: 60 }],
    });
    const created: string[] = [];
    for (const priority of ['low', 'urgent', 'normal'])
      created.push(
        (
          await as('POST', '/requests', { subject: priority, requesterId: contact.id, priority })
        ).json().id,
      );
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const page = (
        await as('GET', `/requests?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((r: { id: string }) => r.id));
      cursor = page.nextCursor ?? '';
      if (!cursor) break;
    }
    expect(seen[0]).toBe(created[1]); // the only one with a clock comes first
    expect(new Set(seen)).toEqual(new Set(created));
    expect(seen).toHaveLength(3);
  });
});
