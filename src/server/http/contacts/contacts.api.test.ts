import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';

let api: TestApi;
let org: Staffed;
let token: string;

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  token = org.tokens.agent;
});
afterAll(() => api.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  api.app.inject({
    method: 'POST',
    url: '/api/v1/contacts',
    headers: { ...bearer(token), ...headers },
    payload: body as object,
  });

describe('POST /api/v1/contacts', () => {
  it('creates a person with normalized emails and E.164 phones', async () => {
    const res = await post({
      kind: 'person',
      givenName: 'Rūta',
      familyName: 'Žemaitė',
      roles: ['client', 'donor'],
      preferredLanguage: 'lt-lt',
      timeZone: 'Europe/Vilnius',
      emails: [{ address: 'Ruta@Example.ORG' }],
      phones: [{ number: '8 612 34567' }, { number: '+44 7400 123456', primary: true }],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.name).toBe('Rūta Žemaitė');
    expect(body.preferredLanguage).toBe('lt-LT');
    expect(body.emails).toEqual([
      { address: 'ruta@example.org', label: null, primary: true, bounced: false },
    ]);
    expect(
      body.phones.map((p: { number: string; primary: boolean }) => [p.number, p.primary]),
    ).toEqual([
      ['+447400123456', true],
      ['+37061234567', false],
    ]);
    expect(res.headers.etag).toBe('"1"');
  });
});

describe('contact input is validated', () => {
  it('rejects unknown fields, bad emails, phones, time zones and languages with field paths', async () => {
    const res = await post({
      kind: 'person',
      givenName: 'Ana',
      nickname: 'x',
      emails: [{ address: 'not-an-email' }],
      timeZone: 'Mars/Olympus',
      preferredLanguage: 'not a language!',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['nickname', 'emails.0.address', 'timeZone', 'preferredLanguage']),
    );
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });

  it('rejects a phone number that cannot exist', async () => {
    const res = await post({ kind: 'person', givenName: 'Ana', phones: [{ number: '+370 1' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'phones.0.number', message: 'not a valid phone number' },
    ]);
  });

  it('rejects two primary emails and a person without any name', async () => {
    const two = await post({
      kind: 'person',
      givenName: 'A',
      emails: [
        { address: 'a@example.org', primary: true },
        { address: 'b@example.org', primary: true },
      ],
    });
    expect(two.statusCode).toBe(400);
    expect(two.json().error.details[0].path).toBe('emails');
    const nameless = await post({ kind: 'person' });
    expect(nameless.statusCode).toBe(400);
  });

  it('answers malformed JSON with 400 and a body over 1 MB with 413, never 500', async () => {
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"kind": "person",',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('malformed_request');
    const huge = await post({ kind: 'person', givenName: 'x'.repeat(1_100_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('leaves nothing behind when a create fails half-way', async () => {
    const before = await api.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?q=Halfway',
      headers: bearer(token),
    });
    const res = await post({
      kind: 'person',
      givenName: 'Halfway',
      phones: [{ number: '+37061234567' }, { number: 'nonsense' }],
    });
    expect(res.statusCode).toBe(400);
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?q=Halfway',
      headers: bearer(token),
    });
    expect(after.json().data).toEqual(before.json().data);
  });
});

describe('Idempotency-Key on POST /contacts', () => {
  it('replays the first answer for a retry and creates one contact', async () => {
    const body = { kind: 'person', givenName: 'Idem', familyName: 'Potent' };
    const first = await post(body, { 'idempotency-key': 'key-1' });
    const again = await post(body, { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?q=Idem%20Potent',
      headers: bearer(token),
    });
    expect(list.json().data).toHaveLength(1);
  });

  it('refuses the same key with a different body with 409', async () => {
    await post({ kind: 'person', givenName: 'First' }, { 'idempotency-key': 'key-2' });
    const res = await post({ kind: 'person', givenName: 'Second' }, { 'idempotency-key': 'key-2' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('idempotency_key_reused');
  });
});

describe('finding contacts', () => {
  beforeAll(async () => {
    const people = [
      {
        givenName: 'Šarūnas',
        familyName: 'Jankauskas',
        emails: [{ address: 'sarunas.j@example.lt' }],
        phones: [{ number: '+370 699 11111' }],
      },
      { givenName: 'Оксана', familyName: 'Коваленко', roles: ['volunteer'] },
      { givenName: 'Григорій', familyName: 'Григоренко' },
      { givenName: 'José', familyName: 'Muñoz', roles: ['donor'], tags: ['monthly-giver'] },
    ];
    for (const p of people) expect((await post({ kind: 'person', ...p })).statusCode).toBe(201);
  });
  const names = async (query: string) => {
    const res = await api.app.inject({
      method: 'GET',
      url: `/api/v1/contacts?${query}`,
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(200);
    return (res.json().data as { name: string }[]).map((c) => c.name);
  };

  it('ignores case and accents', async () => {
    expect(await names('q=sarunas')).toEqual(['Šarūnas Jankauskas']);
    expect(await names('q=JOSE%20MUNOZ')).toEqual(['José Muñoz']);
  });

  it('crosses Latin and Cyrillic spelling both ways', async () => {
    expect(await names('q=Kovalenko')).toEqual(['Оксана Коваленко']);
    expect(await names('q=Grigorenko')).toEqual(['Григорій Григоренко']);
    expect(await names(`q=${encodeURIComponent('Шарунас')}`)).toEqual(['Šarūnas Jankauskas']);
  });

  it('finds by email and by phone in any format', async () => {
    expect(await names('q=sarunas.j%40example')).toEqual(['Šarūnas Jankauskas']);
    expect(await names('q=8%20699%2011111')).toEqual(['Šarūnas Jankauskas']);
    expect(await names('q=%2B37069911111')).toEqual(['Šarūnas Jankauskas']);
  });

  it('finds by part of an email address without the @', async () => {
    expect(await names('q=sarunas.j')).toEqual(['Šarūnas Jankauskas']);
    expect(await names('q=example.lt')).toEqual(['Šarūnas Jankauskas']);
  });

  it('still answers one- and two-letter queries (listed by name, not ranked)', async () => {
    const found = await names('q=o');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found).toContain('Оксана Коваленко');
    expect(found).not.toContain('Šarūnas Jankauskas');
  });

  it('filters by role and tag, and pages by cursor without repeats', async () => {
    expect(await names('role=volunteer')).toEqual(['Оксана Коваленко']);
    expect(await names('tag=monthly-giver')).toEqual(['José Muñoz']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await api.app.inject({
        method: 'GET',
        url: `/api/v1/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(token),
      });
      seen.push(...res.json().data.map((c: { id: string }) => c.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });

  it('rejects a forged cursor with 400', async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?cursor=bm9wZQ',
      headers: bearer(token),
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('changing and deleting a contact', () => {
  it('updates fields, replaces lists, keeps the search current and bumps the ETag', async () => {
    const created = (
      await post({
        kind: 'person',
        givenName: 'Old',
        familyName: 'Name',
        emails: [{ address: 'old@example.org' }],
      })
    ).json();
    const res = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${created.id}`,
      headers: { ...bearer(token), 'if-match': '"1"' },
      payload: { givenName: 'Ненова', emails: [{ address: 'new@example.org' }], roles: ['client'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Ненова Name', roles: ['client'], version: 2 });
    expect(res.json().emails.map((e: { address: string }) => e.address)).toEqual([
      'new@example.org',
    ]);
    expect(res.headers.etag).toBe('"2"');
    const found = await api.app.inject({
      method: 'GET',
      url: '/api/v1/contacts?q=nenova',
      headers: bearer(token),
    });
    expect(found.json().data.map((c: { id: string }) => c.id)).toEqual([created.id]);
  });

  it('refuses a stale If-Match with 412 and changes nothing', async () => {
    const created = (await post({ kind: 'person', givenName: 'Stale' })).json();
    await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${created.id}`,
      headers: bearer(token),
      payload: { tags: ['a'] },
    });
    const res = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/contacts/${created.id}`,
      headers: { ...bearer(token), 'if-match': '"1"' },
      payload: { tags: ['b'] },
    });
    expect(res.statusCode).toBe(412);
    const now = await api.app.inject({
      method: 'GET',
      url: `/api/v1/contacts/${created.id}`,
      headers: bearer(token),
    });
    expect(now.json().tags).toEqual(['a']);
  });

  it('deletes: the contact is gone from reads and lists, and the audit log keeps what it was', async () => {
    const created = (
      await post({ kind: 'organization', organizationType: 'foundation', name: 'Gone Foundation' })
    ).json();
    const del = await api.app.inject({
      method: 'DELETE',
      url: `/api/v1/contacts/${created.id}`,
      headers: bearer(org.tokens.manager),
    });
    expect(del.statusCode).toBe(204);
    expect(
      (
        await api.app.inject({
          method: 'GET',
          url: `/api/v1/contacts/${created.id}`,
          headers: bearer(token),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await api.app.inject({
          method: 'DELETE',
          url: `/api/v1/contacts/${created.id}`,
          headers: bearer(org.tokens.manager),
        })
      ).statusCode,
    ).toBe(404);
    const audit = await api.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=contact&entityId=${created.id}`,
      headers: bearer(org.tokens.admin),
    });
    const entries = audit.json().data as {
      action: string;
      before: { name: string } | null;
      actorId: string;
    }[];
    expect(entries.map((e) => e.action)).toEqual(['delete', 'create']);
    expect(entries[0]!.before!.name).toBe('Gone Foundation');
  });
});
