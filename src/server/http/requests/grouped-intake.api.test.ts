import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { actorFor, buildContact, buildUser } from '../../../../tests/support/factories';
import { systemClock } from '../../../core/clock';
import { createRequests } from '../../domain/requests/create-request';

// Requests opened over the API at the same moment are written together, in groups (one read, one
// statement, one commit): each must still come out as if opened alone, in order.
let api: TestApi;
let org: Staffed;
const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  token = org.tokens.manager,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

/** A team of `n` agents with the strategy, capacity and line threshold given. */
async function teamOf(n: number, body: object) {
  const people = await Promise.all(
    Array.from({ length: n }, () => buildUser(api.database.db, org.org, 'agent')),
  );
  const team = (await call('POST', '/teams', { name: `Team ${Math.random()}`, ...body })).json();
  const members = people.map((p) => ({ userId: p.id, capacity: 4 }));
  expect((await call('PUT', `/teams/${team.id}/members`, { members })).statusCode).toBe(200);
  return { team, people };
}

describe('requests opened at the same moment', () => {
  it('each get their own number, answer, audit entry and timeline, and bad ones fail alone', async () => {
    const { team } = await teamOf(3, { strategy: 'round_robin' });
    const contacts = await Promise.all(
      Array.from({ length: 10 }, () => buildContact(api.database.db, org.org)),
    );
    const bodies: object[] = contacts.map((c, i) => ({
      subject: `Burst ${i}`,
      requesterId: c.id,
      teamId: team.id,
    }));
    bodies.splice(3, 0, { subject: 'Nobody', requesterId: '00000000-0000-4000-8000-000000000000' });
    bodies.splice(7, 0, { subject: 'No team', requesterId: contacts[0]!.id, teamId: org.org.id });
    const answers = await Promise.all(bodies.map((b) => call('POST', '/requests', b)));

    expect(answers.map((a) => a.statusCode)).toEqual(
      bodies.map((_, i) => (i === 3 || i === 7 ? 400 : 201)),
    );
    expect(answers[3]!.json().error.details[0].path).toBe('requesterId');
    expect(answers[7]!.json().error.details[0].path).toBe('teamId');
    const opened = answers.filter((a) => a.statusCode === 201).map((a) => a.json());
    expect(opened.map((r) => r.subject)).toEqual(contacts.map((_, i) => `Burst ${i}`));
    expect(new Set(opened.map((r) => r.reference)).size).toBe(10);
    // Round robin over three people: 10 requests split 4 / 3 / 3.
    const turns = Object.values(
      opened.reduce<Record<string, number>>(
        (n, r) => ({ ...n, [r.assigneeId]: (n[r.assigneeId] ?? 0) + 1 }),
        {},
      ),
    );
    expect(turns.sort()).toEqual([3, 3, 4]);
    for (const r of opened) {
      expect((await call('GET', `/requests/${r.id}`)).json()).toEqual(r);
      const audit = (
        await call('GET', `/audit?entityType=request&entityId=${r.id}`, undefined, org.tokens.admin)
      ).json().data;
      expect(audit).toHaveLength(1);
      expect(audit[0].after).toEqual(r);
      const timeline = (await call('GET', `/contacts/${r.requesterId}/timeline`)).json().data;
      expect(timeline.map((t: { kind: string }) => t.kind).sort()).toEqual([
        'assignment',
        'request',
      ]);
    }
  });

  it('fill a least-loaded team person by person and never past their capacity', async () => {
    const { team, people } = await teamOf(2, { strategy: 'least_loaded' });
    const contacts = await Promise.all(
      Array.from({ length: 10 }, () => buildContact(api.database.db, org.org)),
    );
    const opened = (
      await Promise.all(
        contacts.map((c) =>
          call('POST', '/requests', { subject: 'Load', requesterId: c.id, teamId: team.id }),
        ),
      )
    ).map((a) => a.json());
    const count = (id: string) => opened.filter((r) => r.assigneeId === id).length;
    // Capacity 4 each: eight are assigned evenly, the last two wait unassigned in the team.
    expect(people.map((p) => count(p.id))).toEqual([4, 4]);
    expect(opened.filter((r) => r.assigneeId === null && r.teamId === team.id)).toHaveLength(2);
  });

  it('start one line episode when together they cross the threshold', async () => {
    const { team } = await teamOf(1, {
      strategy: 'manual',
      waitingThreshold: 3,
      backupEmails: ['backup@example.org'],
    });
    const contacts = await Promise.all(
      Array.from({ length: 6 }, () => buildContact(api.database.db, org.org)),
    );
    const answers = await Promise.all(
      contacts.map((c) =>
        call('POST', '/requests', { subject: 'Queue', requesterId: c.id, teamId: team.id }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const alerts = (await call('GET', '/alerts')).json().data;
    expect(alerts.filter((a: { teamId: string }) => a.teamId === team.id)).toHaveLength(1);
    const line = (await call('GET', `/teams/${team.id}/line`)).json();
    expect(line.episodes).toHaveLength(1);
  });

  it('a group whose write fails is written again one by one, and only the bad one fails', async () => {
    const contacts = await Promise.all(
      Array.from({ length: 3 }, () => buildContact(api.database.db, org.org)),
    );
    const actor = actorFor(org.users.manager);
    const input = (requesterId: string, extra: object = {}) => ({
      subject: 'Together',
      description: '',
      priority: 'normal' as const,
      channel: 'api' as const,
      tags: [],
      customFields: {},
      requesterId,
      ...extra,
    });
    // What the API's schema lets through but PostgreSQL refuses at the write: a tag no text
    // column can hold (the HTTP layer refuses it earlier; the domain must still fail it alone).
    const outcomes = await createRequests(api.database.db, systemClock, [
      { actor, input: input(contacts[0]!.id) },
      { actor, input: input(contacts[1]!.id, { tags: ['bad\u0000tag'] }) },
      { actor, input: input(contacts[2]!.id) },
    ]);
    expect(outcomes.map((o) => ('error' in o ? 'error' : 'value'))).toEqual([
      'value',
      'error',
      'value',
    ]);
    for (const o of outcomes)
      if ('value' in o)
        expect((await call('GET', `/requests/${o.value.id}`)).json()).toEqual(o.value);
  });
});

describe('text with a NUL character', () => {
  it('is refused as bad input (400 with its path), never a 500', async () => {
    const contact = await buildContact(api.database.db, org.org);
    const request = await call('POST', '/requests', {
      subject: 'a\u0000b',
      requesterId: contact.id,
    });
    expect(request.statusCode).toBe(400);
    expect(request.json().error.details).toEqual([
      { path: 'subject', message: 'contains the NUL character' },
    ]);
    const person = await call('POST', '/contacts', {
      kind: 'person',
      givenName: 'A',
      emails: [{ address: 'a\u0000@example.org' }],
    });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.details[0].path).toBe('emails.0.address');
    const search = await call('GET', '/contacts?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details[0].path).toBe('q');
  });
});
