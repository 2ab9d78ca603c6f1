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
const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(org.tokens.manager), ...headers },
    payload,
  });

const weekdays = (intervals: string[][]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, intervals]));
const office = {
  timezone: 'Europe/Vilnius',
  hours: weekdays([['09:00', '17:00']]),
  holidays: ['2026-12-24'],
};

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('calendars', () => {
  it('creates, reads, changes (with If-Match) and previews a calendar', async () => {
    const created = await call('POST', '/calendars', { name: 'Office', definition: office });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Office',
      timezone: 'Europe/Vilnius',
      holidays: ['2026-12-24'],
      version: 1,
    });
    const id = created.json().id as string;
    // "A request arriving Friday 17:30 is due Monday 10:30" with a 90-minute promise.
    const preview = await call(
      'GET',
      `/calendars/${id}/preview?from=2026-11-27T17:30:00%2B02:00&minutes=90`,
    );
    expect(preview.json()).toMatchObject({ dueAt: '2026-11-30T08:30:00.000Z' });
    const changed = await call(
      'PATCH',
      `/calendars/${id}`,
      { definition: { ...office, hours: weekdays([['08:00', '16:00']]) } },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    const after = await call(
      'GET',
      `/calendars/${id}/preview?from=2026-11-27T17:30:00%2B02:00&minutes=90`,
    );
    expect(after.json().dueAt).toBe('2026-11-30T07:30:00.000Z');
    const stale = await call('PATCH', `/calendars/${id}`, { name: 'Old' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
  });

  it('rejects bad calendars with the field path: time zone, overlap, reversed, impossible date', async () => {
    const cases: [object, string][] = [
      [{ ...office, timezone: 'Europe/Atlantis' }, 'definition.timezone'],
      [
        {
          ...office,
          hours: {
            mon: [
              ['09:00', '13:00'],
              ['12:00', '17:00'],
            ],
          },
        },
        'definition.hours.mon.1',
      ],
      [{ ...office, hours: { tue: [['17:00', '09:00']] } }, 'definition.hours.tue.0'],
      [{ ...office, holidays: ['2026-02-30'] }, 'definition.holidays.0'],
      [{ ...office, hours: { funday: [['09:00', '10:00']] } }, 'definition.hours.funday'],
    ];
    for (const [definition, path] of cases) {
      const res = await call('POST', '/calendars', { name: 'Bad', definition });
      expect(res.statusCode, path).toBe(400);
      expect(
        res.json().error.details.map((d: { path: string }) => d.path),
        path,
      ).toContain(path);
    }
  });

  it('previews a calendar not saved yet, following its hours, and stores nothing', async () => {
    const before = (await call('GET', '/calendars')).json().data.length;
    const from = '2026-11-27T17:30:00+02:00'; // a Friday, after closing
    const preview = (definition: object, minutes = 90) =>
      call('POST', '/calendars/preview', { definition, from, minutes });
    const office9to5 = await preview(office);
    expect(office9to5.statusCode).toBe(200);
    expect(office9to5.json()).toEqual({
      from: '2026-11-27T15:30:00.000Z',
      minutes: 90,
      dueAt: '2026-11-30T08:30:00.000Z',
    });
    // Open on Friday until 18:00: half an hour that evening, the rest on Monday from 09:00.
    const lateFriday = await preview({
      ...office,
      hours: { ...office.hours, fri: [['09:00', '18:00']] },
    });
    expect(lateFriday.json().dueAt).toBe('2026-11-30T08:00:00.000Z');
    // Monday a holiday: Tuesday.
    const holiday = await preview({ ...office, holidays: ['2026-11-30'] });
    expect(holiday.json().dueAt).toBe('2026-12-01T08:30:00.000Z');
    expect((await call('GET', '/calendars')).json().data.length).toBe(before);
  });

  it('refuses a bad proposed calendar in a preview with the field path', async () => {
    const res = await call('POST', '/calendars/preview', {
      definition: { ...office, hours: { tue: [['17:00', '09:00']] } },
      minutes: 60,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(
      'definition.hours.tue.0',
    );
    const tooLong = await call('POST', '/calendars/preview', {
      definition: office,
      minutes: 525_601,
    });
    expect(tooLong.statusCode).toBe(400);
  });

  it('refuses more than a year of business minutes in a preview', async () => {
    const id = (await call('POST', '/calendars', { name: 'Preview', definition: office })).json()
      .id;
    expect((await call('GET', `/calendars/${id}/preview?minutes=525601`)).statusCode).toBe(400);
    expect((await call('GET', `/calendars/${id}/preview?minutes=-1`)).statusCode).toBe(400);
  });

  it('will not delete a calendar a policy uses (409), and deletes it once free', async () => {
    const id = (await call('POST', '/calendars', { name: 'Used', definition: office })).json().id;
    const policy = await call('POST', '/promise-policies', {
      subjectType: 'request',
      name: 'Uses it',
      targets: [{ target: 'first_response', minutes: 60, calendarId: id }],
    });
    expect(policy.statusCode).toBe(201);
    expect((await call('DELETE', `/calendars/${id}`)).statusCode).toBe(409);
    expect((await call('DELETE', `/promise-policies/${policy.json().id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/calendars/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/calendars/${id}`)).statusCode).toBe(404);
  });

  it('lets agents read calendars but not change them', async () => {
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/v1/calendars',
      headers: bearer(org.tokens.agent),
    });
    expect(list.statusCode).toBe(200);
    const create = await api.app.inject({
      method: 'POST',
      url: '/api/v1/calendars',
      headers: bearer(org.tokens.agent),
      payload: { name: 'X', definition: office },
    });
    expect(create.statusCode).toBe(403);
  });
});
