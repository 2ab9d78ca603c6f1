import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { outbox } from '../../db/schema';
import { eq } from 'drizzle-orm';

let api: TestApi;
let org: Staffed;
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
  token = org.tokens.manager,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-30T08:00:00Z'));
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

const open = async (extra: object = {}) => {
  const contact = await buildContact(api.database.db, org.org);
  const res = await call('POST', '/requests', {
    subject: 'Help',
    requesterId: contact.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('"open another window"', () => {
  it('raises an alert and emails the backup list when the line reaches the threshold, and records the time over', async () => {
    const team = (
      await call('POST', '/teams', {
        name: 'Front desk',
        waitingThreshold: 3,
        backupEmails: ['backup@example.org', 'boss@example.org'],
      })
    ).json();
    const waiting = [await open({ teamId: team.id }), await open({ teamId: team.id })];
    expect((await call('GET', '/alerts')).json().data).toEqual([]);
    api.clock.advance(5 * 60_000);
    waiting.push(await open({ teamId: team.id }));
    const alerts = (await call('GET', '/alerts')).json().data;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'team_line', teamId: team.id })]);
    expect(alerts[0].message).toContain('3 requests are waiting');
    const mails = await api.database.db.select().from(outbox).where(eq(outbox.orgId, org.org.id));
    expect(mails.map((m) => [m.recipient, m.template, m.deliveredAt]).sort()).toEqual([
      ['backup@example.org', 'team_line_alert', null],
      ['boss@example.org', 'team_line_alert', null],
    ]);
    waiting.push(await open({ teamId: team.id })); // still over: no second alert or email
    expect(
      (await api.database.db.select().from(outbox).where(eq(outbox.orgId, org.org.id))).length,
    ).toBe(2);
    api.clock.advance(20 * 60_000);
    for (const r of waiting.slice(0, 2))
      await call('POST', `/requests/${r.id}/messages`, { body: 'On it', visibility: 'public' });
    expect((await call('GET', '/alerts')).json().data).toEqual([]);
    const line = (await call('GET', `/teams/${team.id}/line`)).json();
    expect(line).toMatchObject({ waiting: 2, threshold: 3, over: false, minutesOverThreshold: 20 });
    expect(line.episodes).toEqual([
      {
        startedAt: '2026-11-30T08:05:00.000Z',
        endedAt: '2026-11-30T08:25:00.000Z',
        peak: 4,
        threshold: 3,
      },
    ]);
  });
});

describe('a team’s threshold changed', () => {
  it('starts or ends the line’s episode at once, counting the whole line', async () => {
    const team = (
      await call('POST', '/teams', { name: 'Threshold team', waitingThreshold: 10 })
    ).json();
    for (let i = 0; i < 6; i++) await open({ teamId: team.id });
    expect((await call('GET', `/teams/${team.id}/line`)).json()).toMatchObject({ over: false });
    const lowered = await call('PATCH', `/teams/${team.id}`, { waitingThreshold: 3 });
    expect(lowered.statusCode, lowered.body).toBe(200);
    const alerts = (await call('GET', '/alerts')).json().data;
    const alert = alerts.find((a: { teamId: string }) => a.teamId === team.id);
    expect(alert.message).toContain('6 requests are waiting');
    await open({ teamId: team.id });
    const raised = await call('PATCH', `/teams/${team.id}`, { waitingThreshold: 50 });
    expect(raised.statusCode).toBe(200);
    const line = (await call('GET', `/teams/${team.id}/line`)).json();
    expect(line).toMatchObject({ waiting: 7, over: false });
    expect(line.episodes[0]).toMatchObject({ peak: 7, threshold: 3 });
    expect(
      (await call('GET', '/alerts'))
        .json()
        .data.some((a: { teamId: string }) => a.teamId === team.id),
    ).toBe(false);
  });
});

describe('merge and link', () => {
  it('merges a request into another: messages move, its clocks stop, it closes with a link, both timelines say so', async () => {
    const contact = await buildContact(api.database.db, org.org);
    const a = (
      await call('POST', '/requests', { subject: 'Parcel', requesterId: contact.id })
    ).json();
    const b = (
      await call('POST', '/requests', { subject: 'Parcel again', requesterId: contact.id })
    ).json();
    await call('POST', `/requests/${b.id}/requester-messages`, { body: 'Any news?' });
    const merged = await call('POST', `/requests/${b.id}/merge`, { intoId: a.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().id).toBe(a.id);
    const source = (await call('GET', `/requests/${b.id}`)).json();
    expect(source).toMatchObject({ status: 'closed', mergedIntoId: a.id });
    const messages = (await call('GET', `/requests/${a.id}/messages`)).json().data;
    expect(messages.map((m: { body: string }) => m.body)).toEqual([
      'Any news?',
      `${b.reference} (“Parcel again”) was merged into this request.`,
    ]);
    const timeline = (await call('GET', `/contacts/${contact.id}/timeline?kind=request`)).json()
      .data;
    expect(timeline.map((t: { summary: string }) => t.summary)).toContain(
      `${b.reference} merged into ${a.reference}`,
    );
    expect((await call('POST', `/requests/${b.id}/merge`, { intoId: a.id })).statusCode).toBe(409);
    expect((await call('POST', `/requests/${a.id}/merge`, { intoId: a.id })).statusCode).toBe(400);
  });

  it('links related requests both ways, once', async () => {
    const a = await open();
    const b = await open();
    expect((await call('POST', `/requests/${a.id}/links`, { otherId: b.id })).statusCode).toBe(204);
    expect((await call('POST', `/requests/${b.id}/links`, { otherId: a.id })).statusCode).toBe(204);
    expect(
      (await call('GET', `/requests/${b.id}/links`)).json().data.map((r: { id: string }) => r.id),
    ).toEqual([a.id]);
    expect(
      (await call('GET', `/requests/${a.id}/links`)).json().data.map((r: { id: string }) => r.id),
    ).toEqual([b.id]);
  });
});

describe('canned replies', () => {
  it('writes a canned reply out in the requester’s language with the variables filled', async () => {
    const canned = await call('POST', '/canned-replies', {
      name: 'Parcel ready',
      bodies: {
        en: 'Hello {{requester.first_name}}, your parcel for {{request.reference}} is ready. — {{agent.name}}',
        uk: 'Вітаємо, {{requester.first_name}}! Ваш набір за запитом {{request.reference}} готовий. — {{agent.name}}',
      },
    });
    expect(canned.statusCode).toBe(201);
    const contact = await buildContact(api.database.db, org.org, {
      givenName: 'Оксана',
      familyName: 'Коваленко',
      preferredLanguage: 'uk',
    });
    const request = (
      await call('POST', '/requests', { subject: 'Набір', requesterId: contact.id })
    ).json();
    const rendered = (
      await call(
        'GET',
        `/canned-replies/${canned.json().id}/render?requestId=${request.id}`,
        undefined,
        org.tokens.agent,
      )
    ).json();
    expect(rendered).toEqual({
      language: 'uk',
      body: `Вітаємо, Оксана! Ваш набір за запитом ${request.reference} готовий. — Test agent`,
    });
    const english = await buildContact(api.database.db, org.org, {
      givenName: 'Ana',
      preferredLanguage: 'lt',
    });
    const r2 = (
      await call('POST', '/requests', { subject: 'Parcel', requesterId: english.id })
    ).json();
    const fallback = (
      await call('GET', `/canned-replies/${canned.json().id}/render?requestId=${r2.id}`)
    ).json();
    expect(fallback.language).toBe('en');
    expect(fallback.body).toMatch(/^Hello Ana, your parcel/);
    const bad = await call('POST', '/canned-replies', { name: 'x', bodies: { 'not a tag': 'x' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('live updates', () => {
  it('streams a change to the browsers of the same organization only, after it commits', async () => {
    const url = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const other = await staffedOrg(api.database);
    const controller = new AbortController();
    const stream = async (token: string) => {
      const res = await fetch(`${url}/api/v1/events`, {
        headers: { ...bearer(token), accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      let text = '';
      return {
        until: async (needle: string, ms: number) => {
          const deadline = Date.now() + ms;
          while (!text.includes(needle) && Date.now() < deadline) {
            const chunk = await Promise.race([
              reader.read(),
              new Promise<null>((r) => setTimeout(() => r(null), 100)),
            ]);
            if (chunk && !chunk.done) text += new TextDecoder().decode(chunk.value);
          }
          return text;
        },
      };
    };
    const mine = await stream(org.tokens.agent);
    const theirs = await stream(other.tokens.agent);
    await mine.until(': connected', 2000);
    const created = await open();
    expect(await mine.until(created.id, 3000)).toContain(
      `event: request\ndata: {"id":"${created.id}"}`,
    );
    expect(await theirs.until(created.id, 500)).not.toContain(created.id);
    const plain = await call('GET', '/events');
    expect(plain.statusCode).toBe(406);
    controller.abort();
  });
});
