import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, staffedOrg, testApi, type Staffed } from '../../../tests/support/api';
import {
  buildContact,
  buildToken,
  buildUser,
  testPassword,
} from '../../../tests/support/factories';
import { loadConfig } from '../config';
import { insertSession, type UserRow } from '../db/repositories/users';
import { staffRoles, type StaffRole } from '../db/schema/users';
import { systemActor } from '../domain/actor';
import { hashSecret, newSecret } from '../domain/auth/secrets';
import { issueToken, revokeApiToken } from '../domain/auth/tokens';
import { createHousehold } from '../domain/contacts/households';
import { addRelationship } from '../domain/contacts/relationships';
import { can, type Permission } from '../policies';
import { routeTable, type RouteAccess } from './app';

// Built while the file is collected, so the matrix is generated from the app's real route table.
const api = await testApi();
const guarded = routeTable(api.app).filter((r) => r.access !== undefined && r.access !== 'public');
/** Routes for contacts signed in to the portal: no staff credential opens them (portal tests). */
const staffGuarded = guarded.filter((r) => r.access !== 'portal');
const label = (r: RouteAccess) => `${r.method} ${r.url}`;
/** Routes only a signed-in person may call, never an API token, whatever its role. */
const sessionOnly = (r: RouteAccess) =>
  (r as { sessionOnly?: boolean }).sessionOnly ?? label(r) === 'POST /api/v1/tokens';
const maxFailures = loadConfig({ TEND_DEMO: 'off' }).loginMaxFailures;

let org: Staffed;
let revoked: string;
let expiring: string;
let extra: Record<'locked' | 'deactivated' | 'demoted', UserRow>;

beforeAll(async () => {
  const db = api.database.db;
  org = await staffedOrg(api.database);
  const system = systemActor(org.org.id);
  const userId = org.users.admin.id;
  const issued = await issueToken(db, api.clock, system, { userId, name: 'to revoke' });
  await revokeApiToken(db, api.clock, system, issued.row.id);
  revoked = issued.token;
  const short = { userId, name: 'short', expiresInDays: 1 };
  expiring = (await issueToken(db, api.clock, system, short)).token;
  extra = {
    locked: await buildUser(db, org.org, 'agent'),
    deactivated: await buildUser(db, org.org, 'agent'),
    demoted: await buildUser(db, org.org, 'admin'),
  };
});
afterAll(() => api.close());

type Headers = Record<string, string>;
const withBody = ['POST', 'PATCH', 'PUT'];
const send = (method: string, url: string, headers: Headers = {}, payload: object = {}) =>
  api.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(withBody.includes(method) ? { payload } : {}),
  });
const me = (headers: Headers) => send('GET', '/api/v1/auth/me', headers);
const audit = (headers: Headers) => send('GET', '/api/v1/audit', headers);
const newToken = (headers: Headers, body: object) => send('POST', '/api/v1/tokens', headers, body);
const patchUser = (id: string, body: object) =>
  send('PATCH', `/api/v1/users/${id}`, bearer(org.tokens.admin), body);

/** Asserts an error answer: its status and its code from the catalogue. */
async function expectError(response: Response | Promise<Response>, status: number, code: string) {
  const res = await response;
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
}

/** Signs in over HTTP, each time from its own address so the sign-in rate limit stays out of it. */
let addresses = 0;
const signIn = (email: string, password = testPassword) =>
  api.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress: `10.0.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`,
  });
const cookieFrom = (res: Response): Headers => {
  const c = res.cookies.find((x) => x.name === 'tend_session');
  if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return { cookie: `tend_session=${c.value}` };
};
const sessionOf = async (user: UserRow) => cookieFrom(await signIn(user.email));

/** A fresh credential of a user: a new API token, or a new session stored directly (no argon2). */
async function credential(user: UserRow, via: 'token' | 'session'): Promise<Headers> {
  if (via === 'token') return bearer(await buildToken(api.database.db, user));
  const secret = newSecret('tend_ses');
  const expiresAt = new Date(api.clock.now().getTime() + 3_600_000);
  const { orgId, id: userId } = user;
  await insertSession(api.database.db, { orgId, userId, tokenHash: hashSecret(secret), expiresAt });
  return { cookie: `tend_session=${secret}` };
}

/** Fills `:id` and `:relationshipId` with fresh rows of the caller's organization (else a uuid). */
async function fillPath(url: string, role: StaffRole): Promise<string> {
  const db = api.database.db;
  const system = systemActor(org.org.id);
  const resource = /^\/api\/v1\/([^/]+)\/:id/.exec(url)?.[1];
  let id: string = randomUUID();
  let relationshipId: string = randomUUID();
  if (resource === 'contacts') {
    const [from, to] = [await buildContact(db, org.org), await buildContact(db, org.org)];
    id = from.id;
    const link = { type: 'friend', toContactId: to.id } as const;
    relationshipId = (await addRelationship(db, system, from.id, link)).id;
  } else if (resource === 'households') {
    id = (await createHousehold(db, api.clock, system, 'Matrix household')).id;
  } else if (resource === 'users') {
    id = org.users[role].id;
  } else if (resource === 'tokens') {
    const input = { userId: org.users[role].id, name: 'matrix' };
    id = (await issueToken(db, api.clock, system, input)).row.id;
  }
  return url.replace(':relationshipId', relationshipId).replace(':id', id);
}

const uuidPath = (url: string) => url.replace(/:\w+/g, () => randomUUID());
const eachGuarded = () => it.each(guarded.map((r) => [label(r), r] as const));

describe('every guarded route refuses callers it cannot identify', () => {
  it('has guarded routes to check, all under /api/v1', () => {
    expect(guarded.length).toBeGreaterThan(10);
    expect(guarded.filter((r) => !r.url.startsWith('/api/v1/'))).toEqual([]);
  });

  const badCredentials: [string, () => Headers][] = [
    ['no credentials', () => ({})],
    ['a garbage bearer token', () => bearer('tend_pat_not-a-real-token')],
    ['a malformed authorization header', () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
    ['a garbage session cookie', () => ({ cookie: 'tend_session=tend_ses_forged' })],
    ['a revoked token', () => bearer(revoked)],
  ];
  for (const [what, headers] of badCredentials) {
    eachGuarded()(`${what} → %s is 401`, async (_name, r) => {
      await expectError(send(r.method, uuidPath(r.url), headers()), 401, 'unauthenticated');
    });
  }

  describe('an expired token', () => {
    let start: Date;
    beforeAll(async () => {
      expect((await me(bearer(expiring))).statusCode).toBe(200);
      start = api.clock.now();
      api.clock.advance(2 * 86_400_000);
    });
    afterAll(() => api.clock.set(start));
    eachGuarded()('after expiry → %s is 401', async (_name, r) => {
      await expectError(send(r.method, uuidPath(r.url), bearer(expiring)), 401, 'unauthenticated');
    });
  });
});

describe('the role matrix: each role may do exactly what the permission table grants', () => {
  const cases = staffGuarded.flatMap((r) =>
    staffRoles.flatMap((role) =>
      (['token', 'session'] as const).map((via) => {
        const permitted = r.access === 'signed_in' || can(role, r.access as Permission);
        const allowed = permitted && !(via === 'token' && sessionOnly(r));
        const name = `${role} (${via}) → ${label(r)} is ${allowed ? 'allowed' : '403'}`;
        return [name, r, role, via, allowed] as const;
      }),
    ),
  );
  it.each(cases)('%s', async (_name, r, role, via, allowed) => {
    const headers = await credential(org.users[role], via);
    const res = await send(r.method, await fillPath(r.url, role), headers);
    if (!allowed) return expectError(res, 403, 'forbidden');
    const answer = `${res.statusCode} ${res.body.slice(0, 300)}`;
    expect([401, 403], answer).not.toContain(res.statusCode);
    expect(res.statusCode, answer).toBeLessThan(500);
  });
});

describe('portal routes open to no staff credential', () => {
  const portalRoutes = guarded.filter((r) => r.access === 'portal');
  it('has portal routes to check', () => expect(portalRoutes.length).toBeGreaterThan(3));
  const cases = portalRoutes.flatMap((r) =>
    (['token', 'session'] as const).map((via) => [`admin (${via}) → ${label(r)}`, r, via] as const),
  );
  it.each(cases)('%s is 401', async (_name, r, via) => {
    const headers = await credential(org.users.admin, via);
    await expectError(send(r.method, uuidPath(r.url), headers), 401, 'unauthenticated');
  });
});

describe('tokens never do more than they were given', () => {
  it('a token with a lesser role than its user acts with the token’s role', async () => {
    const created = await newToken(await sessionOf(org.users.admin), {
      name: 'agent-scoped',
      role: 'agent',
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = bearer(created.json<{ token: string }>().token);
    await expectError(audit(token), 403, 'forbidden');
    expect((await send('GET', '/api/v1/contacts', token)).statusCode).toBe(200);
    expect((await me(token)).json()).toMatchObject({ via: 'token', role: 'agent' });
  });

  it('a non-admin cannot create a token with a role above theirs', async () => {
    const session = await sessionOf(org.users.agent);
    await expectError(newToken(session, { name: 'up', role: 'admin' }), 422, 'rule_violated');
  });

  it('a non-admin cannot create a token for someone else', async () => {
    const session = await sessionOf(org.users.agent);
    const body = { name: 'theirs', userId: org.users.admin.id };
    await expectError(newToken(session, body), 404, 'not_found');
  });

  it('an API token cannot create tokens, and is told so before its body is validated', async () => {
    await expectError(newToken(bearer(org.tokens.admin), { name: 'child' }), 403, 'forbidden');
    await expectError(newToken(bearer(org.tokens.admin), {}), 403, 'forbidden');
  });

  it('a deactivated user’s token, session and password stop working', async () => {
    const user = extra.deactivated;
    const token = bearer(await buildToken(api.database.db, user));
    const session = await sessionOf(user);
    expect((await me(token)).statusCode).toBe(200);
    const off = await patchUser(user.id, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    await expectError(me(token), 401, 'unauthenticated');
    await expectError(me(session), 401, 'unauthenticated');
    await expectError(signIn(user.email), 401, 'unauthenticated');
  });

  it('a demoted user’s older token loses the rights the user lost', async () => {
    const user = extra.demoted;
    const token = bearer(await buildToken(api.database.db, user));
    expect((await audit(token)).statusCode).toBe(200);
    const down = await patchUser(user.id, { role: 'agent' });
    expect(down.statusCode, down.body).toBe(200);
    await expectError(audit(token), 403, 'forbidden');
  });
});

describe('sign-in and sessions', () => {
  it('refuses a wrong password and an unknown email alike with 401', async () => {
    await expectError(signIn(org.users.manager.email, 'not the password'), 401, 'unauthenticated');
    await expectError(signIn(`nobody-${randomUUID()}@example.org`), 401, 'unauthenticated');
  });

  it(`locks the account after ${maxFailures} wrong passwords, even against the right one`, async () => {
    const email = extra.locked.email;
    for (let i = 0; i < maxFailures; i++) {
      await expectError(signIn(email, `wrong-${i}`), 401, 'unauthenticated');
    }
    const locked = await signIn(email);
    await expectError(locked, 429, 'rate_limited');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const start = api.clock.now();
    try {
      api.clock.advance((retryAfter + 1) * 1000);
      expect((await signIn(email)).statusCode, 'signs in once the lock ends').toBe(200);
    } finally {
      api.clock.set(start);
    }
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await signIn(org.users.fundraiser.email);
    expect(res.statusCode).toBe(200);
    const header = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('tend_session='));
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect((await me(cookieFrom(res))).json()).toMatchObject({
      via: 'session',
      role: 'fundraiser',
    });
  });

  it('ends the session on sign-out: the cookie is refused afterwards', async () => {
    const session = await sessionOf(org.users.volunteer_coordinator);
    expect((await send('POST', '/api/v1/auth/sign-out', session)).statusCode).toBe(204);
    await expectError(me(session), 401, 'unauthenticated');
  });

  describe('cross-site requests with the session cookie', () => {
    let session: Headers;
    beforeAll(async () => {
      session = { ...(await sessionOf(org.users.admin)), host: 'tend.example' };
    });
    const createFrom = (origin: string) =>
      send('POST', '/api/v1/contacts', { ...session, origin }, { kind: 'person', givenName: 'X' });

    it('refuses a write from another origin with 403', async () => {
      await expectError(createFrom('https://evil.example'), 403, 'forbidden');
    });

    it('refuses a write from an opaque origin ("null") with 403', async () => {
      await expectError(createFrom('null'), 403, 'forbidden');
    });

    it('accepts the same write from its own origin', async () => {
      const res = await createFrom('https://tend.example');
      expect(res.statusCode, res.body).toBe(201);
    });
  });
});
