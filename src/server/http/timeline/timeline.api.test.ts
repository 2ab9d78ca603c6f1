import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';

let api: TestApi;
let org: Staffed;

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

const log = (contactId: string, body: object, headers: Record<string, string> = {}) =>
  api.app.inject({
    method: 'POST',
    url: `/api/v1/contacts/${contactId}/timeline`,
    headers: { ...bearer(org.tokens.agent), ...headers },
    payload: body,
  });
const read = (contactId: string, query = '') =>
  api.app.inject({
    method: 'GET',
    url: `/api/v1/contacts/${contactId}/timeline${query}`,
    headers: bearer(org.tokens.fundraiser),
  });

describe('timeline', () => {
  it('lists every interaction newest first, page by page, without gaps or repeats', async () => {
    const c = await buildContact(api.database.db, org.org);
    const days = [3, 1, 7, 2, 5];
    for (const d of days) {
      const res = await log(c.id, {
        kind: 'call',
        channel: 'phone',
        direction: 'inbound',
        summary: `day ${d}`,
        occurredAt: new Date(Date.UTC(2026, 10, d, 10)).toISOString(),
      });
      expect(res.statusCode).toBe(201);
    }
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await read(c.id, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().data.map((i: { summary: string }) => i.summary));
      cursor = res.json().nextCursor ?? '';
      if (!cursor) break;
    }
    expect(seen).toEqual(['day 7', 'day 5', 'day 3', 'day 2', 'day 1']);
  });

  it('records who logged it and when, defaulting to now', async () => {
    const c = await buildContact(api.database.db, org.org);
    const res = await log(c.id, {
      kind: 'meeting',
      channel: 'in_person',
      direction: 'internal',
      summary: 'Talked about a scholarship fund',
    });
    expect(res.json()).toMatchObject({
      actorUserId: org.users.agent.id,
      occurredAt: api.clock.now().toISOString(),
    });
  });

  it('filters by kind', async () => {
    const c = await buildContact(api.database.db, org.org);
    await log(c.id, { kind: 'call', channel: 'phone', direction: 'outbound', summary: 'a call' });
    await log(c.id, { kind: 'note', channel: 'system', direction: 'internal', summary: 'a note' });
    const res = await read(c.id, '?kind=note');
    expect(res.json().data.map((i: { kind: string }) => i.kind)).toEqual(['note']);
    expect((await read(c.id, '?kind=nonsense')).statusCode).toBe(400);
  });

  it('filters by channel, and by kind and channel together', async () => {
    const c = await buildContact(api.database.db, org.org);
    await log(c.id, { kind: 'call', channel: 'phone', direction: 'inbound', summary: 'rang' });
    await log(c.id, { kind: 'call', channel: 'walk_in', direction: 'inbound', summary: 'came in' });
    await log(c.id, { kind: 'note', channel: 'phone', direction: 'internal', summary: 'noted' });
    const summaries = async (query: string) => {
      const res = await read(c.id, query);
      expect(res.statusCode).toBe(200);
      return res
        .json()
        .data.map((i: { summary: string }) => i.summary)
        .sort();
    };
    expect(await summaries('?channel=walk_in')).toEqual(['came in']);
    expect(await summaries('?channel=phone,walk_in')).toEqual(['came in', 'noted', 'rang']);
    expect(await summaries('?kind=call&channel=phone')).toEqual(['rang']);
    expect((await read(c.id, '?channel=carrier_pigeon')).statusCode).toBe(400);
  });

  it('rejects bad input: an unknown kind, an instant without a zone, an empty summary', async () => {
    const c = await buildContact(api.database.db, org.org);
    const res = await log(c.id, {
      kind: 'telepathy',
      channel: 'phone',
      direction: 'inbound',
      summary: '',
      occurredAt: '2026-11-01T10:00:00',
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['kind', 'occurredAt', 'summary']);
  });

  it('is 404 for a contact that does not exist', async () => {
    expect((await read('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
