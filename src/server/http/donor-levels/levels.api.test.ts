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
let other: Staffed;

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  token = org.tokens.manager,
  headers: Record<string, string> = {},
) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(token), ...headers },
    ...(payload ? { payload } : {}),
  });

const gold = {
  name: 'Gold',
  slug: 'gold',
  minAmount: 100_000,
  currency: 'EUR',
  window: 'lifetime',
};

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('donor levels', () => {
  it('creates, reads, lists highest first, changes with If-Match and deletes a level', async () => {
    const created = await call('POST', '/donor-levels', gold);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const level = created.json();
    expect(level).toMatchObject({ ...gold, donorCount: 0, version: 1 });
    const silver = await call('POST', '/donor-levels', {
      ...gold,
      name: 'Silver',
      slug: 'silver',
      minAmount: 50_000,
    });
    expect(silver.statusCode, silver.body).toBe(201);

    const list = await call('GET', '/donor-levels', undefined, org.tokens.fundraiser);
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((l: { slug: string }) => l.slug)).toEqual(['gold', 'silver']);
    expect(list.json().nextCursor).toBeNull();

    const read = await call('GET', `/donor-levels/${level.id}`, undefined, org.tokens.agent);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');

    const changed = await call(
      'PATCH',
      `/donor-levels/${level.id}`,
      { name: 'Golden' },
      undefined,
      {
        'if-match': '"1"',
      },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Golden', slug: 'gold', version: 2 });
    expect(changed.headers.etag).toBe('"2"');

    const stale = await call('PATCH', `/donor-levels/${level.id}`, { name: 'Old' }, undefined, {
      'if-match': '"1"',
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');

    const audit = await call('GET', `/audit?entityType=donor_level`, undefined, org.tokens.admin);
    const mine = audit
      .json()
      .data.filter((e: { entityId: string }) => e.entityId === level.id)
      .map((e: { action: string }) => e.action);
    expect(mine).toEqual(expect.arrayContaining(['create', 'update']));

    const gone = await call('DELETE', `/donor-levels/${level.id}`, undefined, undefined, {
      'if-match': '"2"',
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await call('GET', `/donor-levels/${level.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/donor-levels/${level.id}`)).statusCode).toBe(404);
    await call('DELETE', `/donor-levels/${silver.json().id}`);
  });

  it('refuses a slug already used in the organization (409), but not in another one', async () => {
    const first = await call('POST', '/donor-levels', { ...gold, slug: 'patron' });
    expect(first.statusCode).toBe(201);
    const again = await call('POST', '/donor-levels', { ...gold, name: 'Other', slug: 'patron' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect(again.json().error.details[0].path).toBe('slug');
    const elsewhere = await call(
      'POST',
      '/donor-levels',
      { ...gold, slug: 'patron' },
      other.tokens.admin,
    );
    expect(elsewhere.statusCode).toBe(201);

    const second = (await call('POST', '/donor-levels', { ...gold, slug: 'friend' })).json();
    const rename = await call('PATCH', `/donor-levels/${second.id}`, { slug: 'patron' });
    expect(rename.statusCode).toBe(409);
    for (const id of [first.json().id, second.id]) await call('DELETE', `/donor-levels/${id}`);
  });

  it('answers the same level to a retried create with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'level-once' };
    const body = { ...gold, slug: 'once' };
    const a = await call('POST', '/donor-levels', body, undefined, headers);
    const b = await call('POST', '/donor-levels', body, undefined, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const c = await call('POST', '/donor-levels', { ...body, name: 'Else' }, undefined, headers);
    expect(c.statusCode).toBe(409);
    await call('DELETE', `/donor-levels/${a.json().id}`);
  });

  it('refuses bad input with the field at fault', async () => {
    const cases: [object, string][] = [
      [{ ...gold, slug: 'Gold Level' }, 'slug'],
      [{ ...gold, minAmount: 0 }, 'minAmount'],
      [{ ...gold, minAmount: 100.5 }, 'minAmount'],
      [{ ...gold, currency: 'XYZ' }, 'currency'],
      [{ ...gold, currency: 'eur' }, 'currency'],
      [{ ...gold, window: 'forever' }, 'window'],
      [{ ...gold, name: '' }, 'name'],
      [{ ...gold, colour: 'gold' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await call('POST', '/donor-levels', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path);
      expect(paths.join('|'), JSON.stringify(body)).toContain(path);
    }
    const level = (await call('POST', '/donor-levels', { ...gold, slug: 'bad-input' })).json();
    const badMatch = await call('PATCH', `/donor-levels/${level.id}`, { name: 'x' }, undefined, {
      'if-match': 'three',
    });
    expect(badMatch.statusCode).toBe(400);
    expect((await call('PATCH', `/donor-levels/${level.id}`, { minAmount: -5 })).statusCode).toBe(
      400,
    );
    expect((await call('GET', `/donor-levels/${level.id}/donors?cursor=zzz`)).statusCode).toBe(400);
    await call('DELETE', `/donor-levels/${level.id}`);
  });

  it("never shows or changes another organization's level (404)", async () => {
    const theirs = (
      await call('POST', '/donor-levels', { ...gold, slug: 'theirs' }, other.tokens.admin)
    ).json();
    expect((await call('GET', `/donor-levels/${theirs.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/donor-levels/${theirs.id}/donors`)).statusCode).toBe(404);
    expect((await call('PATCH', `/donor-levels/${theirs.id}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/donor-levels/${theirs.id}`)).statusCode).toBe(404);
    const list = (await call('GET', '/donor-levels')).json().data;
    expect(list.map((l: { id: string }) => l.id)).not.toContain(theirs.id);
  });

  it('lets admins and managers manage levels, fundraisers and agents only read them', async () => {
    const body = { ...gold, slug: 'roles' };
    for (const role of ['fundraiser', 'agent', 'volunteer_coordinator'] as const)
      expect((await call('POST', '/donor-levels', body, org.tokens[role])).statusCode, role).toBe(
        403,
      );
    expect(
      (await call('GET', '/donor-levels', undefined, org.tokens.volunteer_coordinator)).statusCode,
    ).toBe(403);
    const made = await call('POST', '/donor-levels', body, org.tokens.admin);
    expect(made.statusCode).toBe(201);
    expect(
      (await call('PATCH', `/donor-levels/${made.json().id}`, { name: 'x' }, org.tokens.fundraiser))
        .statusCode,
    ).toBe(403);
    await call('DELETE', `/donor-levels/${made.json().id}`);
  });

  it('appears in the OpenAPI document with its schemas', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = res.json<{ paths: Record<string, Record<string, unknown>> }>().paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/v1/donor-levels', '/api/v1/donor-levels/{id}/donors']),
    );
    expect(JSON.stringify(paths['/api/v1/donor-levels']!.post)).toContain('last_12_months');
  });
});
