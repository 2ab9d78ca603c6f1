import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse as Response } from 'fastify';
import { bearer, staffedOrg, testApi, type Staffed } from '../../../tests/support/api';
import { buildContact, buildToken, buildUser, testPassword } from '../../../tests/support/factories';
import { loadConfig } from '../config';
import { insertSession, type UserRow } from '../db/repositories/users';
import { staffRoles, type StaffRole } from '../db/schema/users';
import { systemActor } from '../domain/actor';
import { hashSecret, newSecret } from '../domain/auth/secrets';
import { issueToken, revokeApiToken } from '../domain/auth/tokens';
import { createHousehold } from '../domain/contacts/households';
import { addRelationship } from '../domain/contacts/relationships';
import { can } from '../policies';
import { routeTable, type RouteAccess } from './app';

// The app is built while the file is collected, so the matrix is generated from its real route table.
const api = await testApi();
const guarded = routeTable(api.app).filter((r) => r.access !== undefined && r.access !== 'public');
const label = (r: RouteAccess) => `${r.method} ${r.url}`;
const maxFailures = loadConfig({ TEND_DEMO: 'off' }).loginMaxFailures;

let org: Staffed;
let revoked: string;
let expiring: string;
let extra: Record<'locked' | 'deactivated' | 'demoted', UserRow>;

beforeAll(async () => {
  const db = api.database.db;
  org = await staffedOrg(api.database);
  const admin = systemActor(org.org.id);
  const issued = await issueToken(db, api.clock, admin, { userId: org.users.admin.id, name: 'to revoke' });
  await revokeApiToken(db, api.clock, admin, issued.row.id);
  revoked = issued.token;
  expiring = (await issueToken(db, api.clock, admin, { userId: org.users.admin.id, name: 'short', expiresInDays: 1 })).token;
  extra = {
    locked: await buildUser(db, org.org, 'agent'),
    deactivated: await buildUser(db, org.org, 'agent'),
    demoted: await buildUser(db, org.org, 'admin'),
  };
});
afterAll(() => api.close());

type Headers = Record<string, string>;
const send = (method: string, url: string, headers: Headers = {}, payload?: object) =>
  api.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload || ['POST', 'PATCH', 'PUT'].includes(method) ? { payload: payload ?? {} } : {}),
  });

const expectError = (res: Response, status: number, code: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
};

/** Signs in over HTTP, each time from its own address so the sign-in rate limit stays out of the way. */
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

/** A fresh credential of a user: a new API token or a new session (stored directly, no password hashing). */
async function credential(user: UserRow, via: 'token' | 'session'): Promise<Headers> {
  if (via === 'token') return bearer(await buildToken(api.database.db, user));
  const secret = newSecret('tend_ses');
  const expiresAt = new Date(api.clock.now().getTime() + 3_600_000);
  await insertSession(api.database.db, { orgId: user.orgId, userId: user.id, tokenHash: hashSecret(secret), expiresAt });
  return { cookie: `tend_session=${secret}` };
}

/** Fills `:id` and `:relationshipId` with fresh rows of the caller's organization (a random uuid when unknown). */
async function fillPath(url: string, role: StaffRole): Promise<string> {
  const db = api.database.db;
  const actor = systemActor(org.org.id);
  const resource = /^\/api\/v1\/([^/]+)\/:id/.exec(url)?.[1];
  let id: string = randomUUID();
  let relationshipId: string = randomUUID();
  if (resource === 'contacts') {
    const [from, to] = [await buildContact(db, org.org), await buildContact(db, org.org)];
    id = from.id;
    relationshipId = (await addRelationship(db, actor, from.id, { type: 'friend', toContactId: to.id })).id;
  } else if (resource === 'households') {
    id = (await createHousehold(db, api.clock, actor, 'Matrix household')).id;
  } else if (resource === 'users') {
    id = org.users[role].id;
  } else if (resource === 'tokens') {
    id = (await issueToken(db, api.clock, actor, { userId: org.users[role].id, name: 'matrix' })).row.id;
  }
  return url.replace(':relationshipId', relationshipId).replace(':id', id);
}

const uuidPath = (url: string) => url.replace(/:\w+/g, () => randomUUID());

describe('every guarded route refuses callers it cannot identify', () => {
  it('has guarded routes to check', () => {
    expect(guarded.length).toBeGreaterThan(10);
    expect(guarded.every((r) => r.url.startsWith('/api/v1/'))).toBe(true);
  });

  const badCredentials: [string, () => Headers][] = [
    ['no credentials', () => ({})],
    ['a garbage bearer token', () => bearer('tend_pat_not-a-real-token')],
    ['a malformed authorization header', () => ({ authorization: 'Basic YWRtaW46YWRtaW4=' })],
    ['a garbage session cookie', () => ({ cookie: 'tend_session=tend_ses_forged' })],
    ['a revoked token', () => bearer(revoked)],
  ];
  for (const [what, headers] of badCredentials) {
    it.each(guarded.map((r) => [label(r), r] as const))(`${what} → %s is 401`, async (_name, r) => {
      expectError(await send(r.method, uuidPath(r.url), headers()), 401, 'unauthenticated');
    });
  }

  describe('an expired token', () => {
    let start: Date;
    beforeAll(async () => {
      expect((await send('GET', '/api/v1/auth/me', bearer(expiring))).statusCode).toBe(200);
      start = api.clock.now();
      api.clock.advance(2 * 86_400_000);
    });
    afterAll(() => api.clock.set(start));
    it.each(guarded.map((r) => [label(r), r] as const))('after expiry → %s is 401', async (_name, r) => {
      expectError(await send(r.method, uuidPath(r.url), bearer(expiring)), 401, 'unauthenticated');
    });
  });
});

describe('the role matrix: each role is allowed exactly what the permission table grants', () => {
  const cases = guarded.flatMap((r) =>
    staffRoles.flatMap((role) =>
      (['token', 'session'] as const).map((via) => {
        const allowed = r.access === 'signed_in' || can(role, r.access as Parameters<typeof can>[1]);
        return [`${role} (${via}) → ${label(r)} is ${allowed ? 'allowed' : '403'}`, r, role, via, allowed] as const;
      }),
    ),
  );
  it.each(cases)('%s', async (_name, r, role, via, allowed) => {
    const res = await send(r.method, await fillPath(r.url, role), await credential(org.users[role], via));
    if (allowed) {
      expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
      expect(res.statusCode, res.body).toBeLessThan(500);
    } else {
      expectError(res, 403, 'forbidden');
    }
  });
});

describe('tokens never do more than they were given', () => {
  it('a token with a lesser role than its user acts with the token’s role', async () => {
    const session = cookieFrom(await signIn(org.users.admin.email));
    const created = await send('POST', '/api/v1/tokens', session, { name: 'agent-scoped', role: 'agent' });
    expect(created.statusCode, created.body).toBe(201);
    const token = bearer(created.json<{ token: string }>().token);
    expectError(await send('GET', '/api/v1/audit', token), 403, 'forbidden');
    expect((await send('GET', '/api/v1/contacts', token)).statusCode).toBe(200);
    expect((await send('GET', '/api/v1/auth/me', token)).json()).toMatchObject({ via: 'token', role: 'agent' });
  });

  it('a non-admin cannot create a token with a role above theirs', async () => {
    const session = cookieFrom(await signIn(org.users.agent.email));
    expectError(await send('POST', '/api/v1/tokens', session, { name: 'escalate', role: 'admin' }), 422, 'rule_violated');
  });

  it('a non-admin cannot create a token for someone else', async () => {
    const session = cookieFrom(await signIn(org.users.agent.email));
    const res = await send('POST', '/api/v1/tokens', session, { name: 'theirs', userId: org.users.admin.id });
    expectError(res, 404, 'not_found');
  });

  it('an API token cannot create tokens', async () => {
    expectError(await send('POST', '/api/v1/tokens', bearer(org.tokens.admin), { name: 'child' }), 403, 'forbidden');
  });

  it('an API token is refused token creation before its body is validated', async () => {
    expectError(await send('POST', '/api/v1/tokens', bearer(org.tokens.admin), {}), 403, 'forbidden');
  });

  it('a deactivated user’s token, session and password stop working', async () => {
    const user = extra.deactivated;
    const token = bearer(await buildToken(api.database.db, user));
    const session = cookieFrom(await signIn(user.email));
    const off = await send('PATCH', `/api/v1/users/${user.id}`, bearer(org.tokens.admin), { active: false });
    expect(off.statusCode, off.body).toBe(200);
    expectError(await send('GET', '/api/v1/auth/me', token), 401, 'unauthenticated');
    expectError(await send('GET', '/api/v1/auth/me', session), 401, 'unauthenticated');
    expectError(await signIn(user.email), 401, 'unauthenticated');
  });

  it('a demoted user’s older token loses the rights the user lost', async () => {
    const user = extra.demoted;
    const token = bearer(await buildToken(api.database.db, user));
    expect((await send('GET', '/api/v1/audit', token)).statusCode).toBe(200);
    const down = await send('PATCH', `/api/v1/users/${user.id}`, bearer(org.tokens.admin), { role: 'agent' });
    expect(down.statusCode, down.body).toBe(200);
    expectError(await send('GET', '/api/v1/audit', token), 403, 'forbidden');
  });
});

describe('sign-in and sessions', () => {
  it('refuses a wrong password and an unknown email alike with 401', async () => {
    expectError(await signIn(org.users.manager.email, 'not the password'), 401, 'unauthenticated');
    expectError(await signIn(`nobody-${randomUUID()}@example.org`), 401, 'unauthenticated');
  });

  it(`locks the account after ${maxFailures} wrong passwords, even for the right one, until the lock ends`, async () => {
    const email = extra.locked.email;
    for (let i = 0; i < maxFailures; i++) expectError(await signIn(email, `wrong-${i}`), 401, 'unauthenticated');
    const locked = await signIn(email);
    expectError(locked, 429, 'rate_limited');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const start = api.clock.now();
    try {
      api.clock.advance((retryAfter + 1) * 1000);
      expect((await signIn(email)).statusCode).toBe(200);
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
    expect((await send('GET', '/api/v1/auth/me', cookieFrom(res))).json()).toMatchObject({ via: 'session', role: 'fundraiser' });
  });

  it('ends the session on sign-out: the cookie is refused afterwards', async () => {
    const session = cookieFrom(await signIn(org.users.volunteer_coordinator.email));
    expect((await send('POST', '/api/v1/auth/sign-out', session)).statusCode).toBe(204);
    expectError(await send('GET', '/api/v1/auth/me', session), 401, 'unauthenticated');
  });

  describe('cross-site requests with the session cookie', () => {
    let session: Headers;
    beforeAll(async () => {
      session = { ...cookieFrom(await signIn(org.users.admin.email)), host: 'tend.example' };
    });
    const contact = { kind: 'person', givenName: 'Csrf', familyName: 'Probe' };

    it('refuses a write from another origin with 403', async () => {
      const res = await send('POST', '/api/v1/contacts', { ...session, origin: 'https://evil.example' }, contact);
      expectError(res, 403, 'forbidden');
    });

    it('refuses a write from an opaque origin ("null") with 403', async () => {
      expectError(await send('POST', '/api/v1/contacts', { ...session, origin: 'null' }, contact), 403, 'forbidden');
    });

    it('accepts the same write from its own origin', async () => {
      const res = await send('POST', '/api/v1/contacts', { ...session, origin: 'https://tend.example' }, contact);
      expect(res.statusCode, res.body).toBe(201);
    });
  });
});
