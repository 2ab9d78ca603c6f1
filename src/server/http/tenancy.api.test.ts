import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../tests/support/api';
import { systemActor } from '../domain/actor';
import { issueToken } from '../domain/auth/tokens';

// Organization A's admin tries everything against organization B's rows; B must never notice.
let api: TestApi;
let A: Staffed;
let B: Staffed;
type Row = { id: string; version?: number };
type Rows = { data: Row[] };
const b = {} as Record<'contact' | 'other' | 'relationship' | 'household', Row> & {
  token: { id: string; secret: string };
};
const a = {} as Record<'twin' | 'plain', Row>;
let bBefore: Awaited<ReturnType<typeof snapshotOfB>>;

const name = 'Zenobia Quillfeather';
const email = 'zenobia.quill@tenant-b.example';
const phone = '+37061234567';
const person = { kind: 'person', givenName: 'Zenobia', familyName: 'Quillfeather' };
const note = { kind: 'note', channel: 'phone', direction: 'internal', summary: 'private' };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Headers = Record<string, string>;
const call = (method: Method, url: string, headers: Headers, payload?: object) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
const asA = (method: Method, url: string, payload?: object) =>
  call(method, url, bearer(A.tokens.admin), payload);
const asB = (method: Method, url: string, payload?: object) =>
  call(method, url, bearer(B.tokens.admin), payload);

/** The JSON of a response that must have the given status. */
async function ok<T = Row>(response: Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  return res.json<T>();
}
/** Asserts an error answer, and optionally the field it names. */
async function expectError(
  response: Promise<Response>,
  status: number,
  code: string,
  path?: string,
) {
  const res = await response;
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  const error = res.json<{ error: { code: string; details: { path: string }[] } }>().error;
  expect(error.code).toBe(code);
  if (path) expect(error.details.map((d) => d.path)).toContain(path);
}
const notFoundForA = (method: Method, url: string, payload?: object) =>
  expectError(asA(method, url, payload), 404, 'not_found');
const ids = async (response: Promise<Response>) => (await ok<Rows>(response)).data.map((r) => r.id);
const idsOf = (s: Staffed) => Object.values(s.users).map((u) => u.id);
const bIds = () => [
  ...[b.contact, b.other, b.relationship, b.household, b.token].map((r) => r.id),
  ...idsOf(B),
];

/** Everything of B's that A's attempts could touch, read by B itself. */
async function snapshotOfB() {
  const tokens = await ok<{ data: { lastUsedAt?: unknown }[] }>(asB('GET', '/tokens'));
  return {
    contact: await ok(asB('GET', `/contacts/${b.contact.id}`)),
    other: await ok(asB('GET', `/contacts/${b.other.id}`)),
    timeline: await ok<Rows>(asB('GET', `/contacts/${b.contact.id}/timeline`)),
    relationships: await ok<Rows>(asB('GET', `/contacts/${b.contact.id}/relationships`)),
    household: await ok(asB('GET', `/households/${b.household.id}`)),
    users: await ok(asB('GET', '/users')),
    // B's own calls (never A's) move lastUsedAt; everything else about B's tokens must stay.
    tokens: tokens.data.map(({ lastUsedAt: _, ...t }) => t),
  };
}

beforeAll(async () => {
  api = await testApi();
  [A, B] = [await staffedOrg(api.database), await staffedOrg(api.database)];
  const channels = { emails: [{ address: email }], phones: [{ number: phone }] };
  b.household = await ok(asB('POST', '/households', { name: 'Quillfeather household' }), 201);
  const owned = { householdId: b.household.id, ownerUserId: B.users.agent.id };
  b.contact = await ok(asB('POST', '/contacts', { ...person, ...channels, ...owned }), 201);
  b.other = await ok(asB('POST', '/contacts', { ...person, givenName: 'Bartholomew' }), 201);
  const link = { type: 'sibling', toContactId: b.other.id };
  b.relationship = await ok(asB('POST', `/contacts/${b.contact.id}/relationships`, link), 201);
  await ok(asB('POST', `/contacts/${b.contact.id}/timeline`, note), 201);
  const input = { userId: B.users.agent.id, name: 'B agent' };
  const issued = await issueToken(api.database.db, api.clock, systemActor(B.org.id), input);
  b.token = { id: issued.row.id, secret: issued.token };
  // A has a twin of B's contact (same name, email and phone), so A's searches do find something.
  a.twin = await ok(asA('POST', '/contacts', { ...person, ...channels }), 201);
  a.plain = await ok(asA('POST', '/contacts', { kind: 'person', givenName: 'Aurelia' }), 201);
  bBefore = await snapshotOfB();
});
afterAll(() => api.close());

describe("A cannot reach B's contacts", () => {
  it("answers 404 to reading, changing or deleting B's contact", async () => {
    await notFoundForA('GET', `/contacts/${b.contact.id}`);
    await notFoundForA('PATCH', `/contacts/${b.contact.id}`, { givenName: 'Hacked' });
    await notFoundForA('DELETE', `/contacts/${b.contact.id}`);
  });

  it("never lists B's contacts", async () => {
    const listed = await ids(asA('GET', '/contacts?limit=200'));
    expect(listed).toEqual(expect.arrayContaining([a.twin.id, a.plain.id]));
    expect(listed.filter((id) => bIds().includes(id))).toEqual([]);
  });

  it.each([
    ['exact name', name],
    ['name in lower case', name.toLowerCase()],
    ['email', email],
    ['phone', phone],
  ])("finds A's twin but never B's contact by %s", async (_what, q) => {
    expect(await ids(asA('GET', `/contacts?q=${encodeURIComponent(q)}`))).toEqual([a.twin.id]);
  });

  it("finds nothing when filtering by B's household or B's staff owner", async () => {
    expect(await ids(asA('GET', `/contacts?householdId=${b.household.id}`))).toEqual([]);
    expect(await ids(asA('GET', `/contacts?ownerUserId=${B.users.agent.id}`))).toEqual([]);
  });

  it("answers 404 to reading or writing B's contact's timeline", async () => {
    await notFoundForA('GET', `/contacts/${b.contact.id}/timeline`);
    await notFoundForA('POST', `/contacts/${b.contact.id}/timeline`, { ...note, summary: 'by A' });
  });

  it('never replays B’s answer to A for the same Idempotency-Key', async () => {
    const key = { 'idempotency-key': 'shared-key-1' };
    const body = { kind: 'person', givenName: 'Keyed' };
    const fromB = await ok(
      call('POST', '/contacts', { ...bearer(B.tokens.agent), ...key }, body),
      201,
    );
    const res = await call('POST', '/contacts', { ...bearer(A.tokens.agent), ...key }, body);
    const fromA = await ok(Promise.resolve(res), 201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(fromA.id).not.toBe(fromB.id);
    await notFoundForA('GET', `/contacts/${fromB.id}`);
  });
});

describe("A cannot reach B's relationships", () => {
  it("refuses to relate A's contact to B's contact (400) and stores nothing", async () => {
    const link = { type: 'friend', toContactId: b.contact.id };
    const res = asA('POST', `/contacts/${a.twin.id}/relationships`, link);
    await expectError(res, 400, 'validation_failed', 'toContactId');
    expect(await ids(asA('GET', `/contacts/${a.twin.id}/relationships`))).toEqual([]);
  });

  it("answers 404 to listing, adding to or removing B's relationships", async () => {
    await notFoundForA('GET', `/contacts/${b.contact.id}/relationships`);
    const link = { type: 'friend', toContactId: a.twin.id };
    await notFoundForA('POST', `/contacts/${b.contact.id}/relationships`, link);
    await notFoundForA('DELETE', `/contacts/${b.contact.id}/relationships/${b.relationship.id}`);
    await notFoundForA('DELETE', `/contacts/${a.twin.id}/relationships/${b.relationship.id}`);
  });
});

describe("A cannot reach B's households", () => {
  it("answers 404 to reading or renaming B's household and never lists it", async () => {
    await notFoundForA('GET', `/households/${b.household.id}`);
    await notFoundForA('PATCH', `/households/${b.household.id}`, { name: 'Renamed by A' });
    expect(await ids(asA('GET', '/households?limit=200'))).not.toContain(b.household.id);
  });

  it.each([
    ['household', () => ({ householdId: b.household.id })],
    ['owner', () => ({ ownerUserId: B.users.agent.id })],
  ])("refuses B's %s as a reference of A's contact (400)", async (_what, ref) => {
    const [field] = Object.keys(ref());
    const patch = asA('PATCH', `/contacts/${a.plain.id}`, ref());
    await expectError(patch, 400, 'validation_failed', field);
    const create = asA('POST', '/contacts', { kind: 'person', givenName: 'Intruder', ...ref() });
    await expectError(create, 400, 'validation_failed', field);
  });
});

describe("A cannot reach B's staff and tokens", () => {
  it("answers 404 to reading, changing or deactivating B's user", async () => {
    const user = B.users.manager.id;
    await notFoundForA('GET', `/users/${user}`);
    await notFoundForA('PATCH', `/users/${user}`, { name: 'Hacked' });
    await notFoundForA('PATCH', `/users/${user}`, { active: false, role: 'agent' });
  });

  it('lists only A’s staff', async () => {
    expect((await ids(asA('GET', '/users'))).sort()).toEqual(idsOf(A).sort());
  });

  it("answers 404 to revoking B's token, which keeps working", async () => {
    await notFoundForA('DELETE', `/tokens/${b.token.id}`);
    expect((await call('GET', '/auth/me', bearer(b.token.secret))).statusCode).toBe(200);
  });

  it("lists none of B's tokens", async () => {
    const { data } = await ok<{ data: { id: string; userId: string }[] }>(asA('GET', '/tokens'));
    expect(data.length).toBeGreaterThanOrEqual(idsOf(A).length);
    expect(data.filter((t) => t.id === b.token.id || !idsOf(A).includes(t.userId))).toEqual([]);
  });

  it("shows A its own organization, never B's", async () => {
    expect((await ok(asA('GET', '/organization'))).id).toBe(A.org.id);
  });
});

describe('after all of A’s attempts', () => {
  type Entries = { data: { entityId: string; actorId: string | null }[] };

  it("A's audit log holds no entry about B's rows", async () => {
    const { data } = await ok<Entries>(asA('GET', '/audit?limit=200'));
    expect(data.length).toBeGreaterThan(0);
    expect(data.filter((e) => bIds().includes(e.entityId))).toEqual([]);
    expect(await ids(asA('GET', `/audit?entityId=${b.contact.id}`))).toEqual([]);
  });

  it("B's audit log holds B's own entries but none made by A", async () => {
    const { data } = await ok<Entries>(asB('GET', '/audit?limit=200'));
    expect(data.map((e) => e.entityId)).toContain(b.contact.id);
    const aActors = [...idsOf(A), ...(await ids(asA('GET', '/tokens')))];
    expect(data.filter((e) => e.actorId !== null && aActors.includes(e.actorId))).toEqual([]);
  });

  it("B's data is exactly as before: same versions, fields, links, staff and tokens", async () => {
    const after = await snapshotOfB();
    expect(after.timeline.data).toHaveLength(1);
    expect(after.relationships.data).toHaveLength(1);
    expect(after.contact.version).toBe(b.contact.version);
    expect(after).toEqual(bBefore);
  });
});
