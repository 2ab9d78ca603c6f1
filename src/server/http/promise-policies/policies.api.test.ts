import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { fulfilTarget, startPromises } from '../../domain/promises/clocks';

let api: TestApi;
let org: Staffed;
let calendarId: string;
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, payload?: object) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(org.tokens.admin), payload });
const hours = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
    d,
    [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  ]),
);

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  calendarId = (
    await call('POST', '/calendars', {
      name: 'Office',
      definition: { timezone: 'Europe/Vilnius', hours },
    })
  ).json().id;
});
afterAll(() => api.close());

const policy = (name: string, extra: object = {}) => ({
  subjectType: 'request',
  name,
  targets: [
    { target: 'first_response', minutes: 240, calendarId, warnBeforeMinutes: 30 },
    { target: 'resolution', minutes: 2400, calendarId, pauseStatuses: ['waiting_on_requester'] },
  ],
  ...extra,
});

describe('promise policies', () => {
  it('keeps the order staff give them: appended, inserted at a position, reordered', async () => {
    const a = (await call('POST', '/promise-policies', policy('Zebra — everyone'))).json();
    const b = (
      await call(
        'POST',
        '/promise-policies',
        policy('Alpha — donors', { conditions: { roles: ['donor'] } }),
      )
    ).json();
    const c = (
      await call(
        'POST',
        '/promise-policies',
        policy('Middle — urgent', { conditions: { priorities: ['urgent'] }, position: 1 }),
      )
    ).json();
    const names = async () =>
      (await call('GET', '/promise-policies?subjectType=request'))
        .json()
        .data.map((p: { name: string }) => p.name);
    expect(await names()).toEqual(['Middle — urgent', 'Zebra — everyone', 'Alpha — donors']);
    const order = await call('PUT', '/promise-policies/order', {
      subjectType: 'request',
      ids: [b.id, c.id, a.id],
    });
    expect(order.statusCode).toBe(200);
    expect(await names()).toEqual(['Alpha — donors', 'Middle — urgent', 'Zebra — everyone']);
    const incomplete = await call('PUT', '/promise-policies/order', {
      subjectType: 'request',
      ids: [b.id, c.id],
    });
    expect(incomplete.statusCode).toBe(400);
  });

  it('previews every target for a given arrival time', async () => {
    const p = (await call('POST', '/promise-policies', policy('Preview'))).json();
    const res = await call(
      'GET',
      `/promise-policies/${p.id}/preview?arrivesAt=2026-11-27T17:30:00%2B02:00`,
    );
    expect(res.json().targets).toEqual([
      // 240 min from Monday 09:00: 3 h, lunch, 1 h → 14:00; warned 30 min before.
      {
        target: 'first_response',
        minutes: 240,
        calendarId,
        dueAt: '2026-11-30T12:00:00.000Z',
        warnAt: '2026-11-30T11:30:00.000Z',
      },
      // 2400 min at 7 h a day: five days (2100) and 300 min on the next Monday → 15:00.
      {
        target: 'resolution',
        minutes: 2400,
        calendarId,
        dueAt: '2026-12-07T13:00:00.000Z',
        warnAt: null,
      },
    ]);
  });

  it('rejects bad targets: negative or over a year, wrong target for the subject, unknown calendar', async () => {
    const bad = async (targets: object[], subjectType = 'request') =>
      (await call('POST', '/promise-policies', { subjectType, name: 'Bad', targets })).json().error;
    expect((await bad([{ target: 'first_response', minutes: -5 }])).details[0].path).toBe(
      'targets.0.minutes',
    );
    expect((await bad([{ target: 'first_response', minutes: 525_601 }])).details[0].path).toBe(
      'targets.0.minutes',
    );
    expect((await bad([{ target: 'thanks', minutes: 60 }])).details[0].path).toBe(
      'targets.0.target',
    );
    expect(
      (
        await bad(
          [{ target: 'thanks', minutes: 60, calendarId: '00000000-0000-4000-8000-000000000000' }],
          'gift',
        )
      ).details[0].path,
    ).toBe('targets.0.calendarId');
    expect(
      (
        await bad([
          { target: 'first_response', minutes: 60 },
          { target: 'first_response', minutes: 90 },
        ])
      ).details[0].path,
    ).toBe('targets');
  });

  it('publishes what the organization promises and how often it kept it, without sign-in', async () => {
    await call('POST', '/promise-policies', {
      subjectType: 'gift',
      name: 'Thanks within a day',
      conditions: { segments: ['internal-tier'] },
      targets: [{ target: 'thanks', minutes: 1440 }],
    });
    const db = api.database.db;
    for (const [id, hoursLater] of [
      ['a', 2],
      ['b', 30],
    ] as const) {
      await db.transaction((tx) =>
        startPromises(tx, api.clock, org.org.id, {
          type: 'gift',
          id,
          facts: { roles: ['donor'], segments: ['internal-tier'] },
        }),
      );
      api.clock.advance(hoursLater * 3_600_000);
      await db.transaction((tx) =>
        fulfilTarget(tx, api.clock, org.org.id, { type: 'gift', id }, 'thanks'),
      );
    }
    const res = await api.app.inject({
      method: 'GET',
      url: `/api/v1/public/${org.org.slug}/promises`,
    });
    expect(res.statusCode).toBe(200);
    const gift = res.json().promises.find((p: { subjectType: string }) => p.subjectType === 'gift');
    expect(gift.targets[0]).toMatchObject({
      target: 'thanks',
      minutes: 1440,
      businessHours: null,
      last30Days: { decided: 2, keptRate: 0.5 },
    });
    expect(JSON.stringify(gift.conditions)).not.toContain('internal-tier');
    expect(gift.forEveryone).toBe(false); // a hidden segment is a condition all the same
    const summary = await call('GET', '/promises/summary?subjectType=gift');
    expect(summary.json().data[0]).toMatchObject({
      kept: 1,
      broken: 1,
      keptRate: 0.5,
      policy: { name: 'Thanks within a day' },
    });
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/v1/public/no-such-org/promises' }))
        .statusCode,
    ).toBe(404);
  });

  it('keeps calendars, policies and clocks inside their organization', async () => {
    const other = await staffedOrg(api.database);
    const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      api.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: bearer(other.tokens.admin),
        payload,
      });
    const mine = (await call('POST', '/promise-policies', policy('Mine'))).json();
    expect((await as('GET', `/calendars/${calendarId}`)).statusCode).toBe(404);
    expect((await as('PATCH', `/calendars/${calendarId}`, { name: 'Stolen' })).statusCode).toBe(
      404,
    );
    expect((await as('DELETE', `/calendars/${calendarId}`)).statusCode).toBe(404);
    expect((await as('GET', `/calendars/${calendarId}/preview?minutes=60`)).statusCode).toBe(404);
    expect((await as('GET', `/promise-policies/${mine.id}`)).statusCode).toBe(404);
    expect((await as('PATCH', `/promise-policies/${mine.id}`, { name: 'Stolen' })).statusCode).toBe(
      404,
    );
    expect((await as('DELETE', `/promise-policies/${mine.id}`)).statusCode).toBe(404);
    expect((await as('GET', `/promise-policies/${mine.id}/preview`)).statusCode).toBe(404);
    const borrow = await as('POST', '/promise-policies', {
      subjectType: 'request',
      name: 'Borrow',
      targets: [{ target: 'first_response', minutes: 60, calendarId }],
    });
    expect(borrow.statusCode).toBe(400);
    expect((await as('GET', '/calendars')).json().data).toEqual([]);
    expect((await as('GET', '/promise-policies')).json().data).toEqual([]);
    expect((await as('GET', '/promises/clocks?subjectType=gift&subjectId=a')).json().data).toEqual(
      [],
    );
    expect((await as('GET', '/promises/summary')).json().data).toEqual([]);
    expect((await call('GET', `/promise-policies/${mine.id}`)).json().name).toBe('Mine');
  });
});
