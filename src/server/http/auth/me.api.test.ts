import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { systemActor } from '../../domain/actor';
import { issueToken } from '../../domain/auth/tokens';

let api: TestApi;
let org: Staffed;
beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('GET /api/v1/auth/me', () => {
  it('lists what a token may really do: its own role, capped by its user’s', async () => {
    const narrow = await issueToken(api.database.db, api.clock, systemActor(org.org.id), {
      userId: org.users.admin.id,
      name: 'agent-only',
      role: 'agent',
    });
    const me = (
      await api.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(narrow.token) })
    ).json();
    expect(me).toMatchObject({ via: 'token', role: 'agent', user: { id: org.users.admin.id } });
    expect(me.permissions).toContain('contacts.write');
    expect(me.permissions).not.toContain('audit.read');
    const admin = (
      await api.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: bearer(org.tokens.admin),
      })
    ).json();
    expect(admin.permissions).toContain('audit.read');
  });
});

describe('PATCH /api/v1/auth/me', () => {
  it('lets any staff member change their own language and time zone, audited, and nothing else', async () => {
    const res = await api.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: bearer(org.tokens.volunteer_coordinator),
      payload: { locale: 'uk', timeZone: 'Europe/Kyiv' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: org.users.volunteer_coordinator.id, locale: 'uk' });
    const audit = await api.app.inject({
      method: 'GET',
      url: `/api/v1/audit?entityType=user&entityId=${org.users.volunteer_coordinator.id}`,
      headers: bearer(org.tokens.admin),
    });
    expect(JSON.stringify(audit.json())).toContain('"locale":"uk"');
    for (const payload of [{ locale: 'fr' }, { timeZone: 'Mars/Olympus' }, { role: 'admin' }]) {
      const bad = await api.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        headers: bearer(org.tokens.volunteer_coordinator),
        payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});
