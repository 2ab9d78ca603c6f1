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
const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  api.app.inject({
    method: 'POST',
    url: `/api/v1/public/${org.org.slug}/requests`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
const json = (body: object, headers: Record<string, string> = {}, ip = '127.0.0.2') =>
  api.app.inject({
    method: 'POST',
    url: `/api/v1/public/${org.org.slug}/requests`,
    headers,
    payload: body,
    remoteAddress: ip,
  });
const requestsOfOrg = async () =>
  (
    await api.app.inject({
      method: 'GET',
      url: '/api/v1/requests?limit=200',
      headers: bearer(org.tokens.admin),
    })
  ).json().data as { reference: string; requesterId: string; channel: string }[];

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-11-27T15:30:00Z')); // Friday 17:30 in Vilnius
  org = await staffedOrg(api.database);
  const hours = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]]),
  );
  const cal = await api.app.inject({
    method: 'POST',
    url: '/api/v1/calendars',
    headers: bearer(org.tokens.admin),
    payload: { name: 'Office', definition: { timezone: 'Europe/Vilnius', hours } },
  });
  await api.app.inject({
    method: 'POST',
    url: '/api/v1/promise-policies',
    headers: bearer(org.tokens.admin),
    payload: {
      subjectType: 'request',
      name: 'Everyone',
      targets: [{ target: 'first_response', minutes: 90, calendarId: cal.json().id }],
    },
  });
});
afterAll(() => api.close());

describe('the public request form', () => {
  it('serves a plain HTML form that needs no JavaScript', async () => {
    const page = await api.app.inject({
      method: 'GET',
      url: `/p/${org.org.slug}/request`,
      headers: { 'accept-language': 'lt-LT,lt;q=0.9' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(
      `<form method="post" action="/api/v1/public/${org.org.slug}/requests">`,
    );
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('Jūsų vardas'); // in the visitor's language
    const spanish = await api.app.inject({
      method: 'GET',
      url: `/p/${org.org.slug}/request?lang=es`,
    });
    expect(spanish.body).toContain('¿En qué podemos ayudarle?');
  });

  it('takes a form post whose optional fields a browser sent empty', async () => {
    const res = await form({
      name: 'Rūta Kazlauskienė',
      email: 'ruta.form@example.org',
      phone: '',
      category: ' ',
      subject: 'Maisto bankas',
      description: 'Kada dirbate?',
      language: 'lt',
      website: '',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).toContain('Prašymas gautas');
  });

  it('takes an HTML form post and answers with the reference and the promise, in Ukrainian', async () => {
    const res = await form({
      name: 'Оксана Коваленко',
      email: 'oksana@example.org',
      subject: 'Потрібна допомога',
      description: 'Прошу продуктовий набір',
      language: 'uk',
      website: '',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Запит отримано');
    expect(res.body).toMatch(/R-\d+/);
    expect(res.body).toContain('понеділок'); // due Monday 10:30 in Vilnius
    const requests = await requestsOfOrg();
    expect(requests.some((r) => res.body.includes(r.reference) && r.channel === 'web')).toBe(true);
  });

  it('answers JSON with the promised first-response time, and finds the same contact by email again', async () => {
    const body = {
      name: 'José Muñoz',
      email: 'jose@example.org',
      subject: 'Volunteering',
      description: 'Can I help on Saturdays?',
    };
    const first = await json({ ...body, language: 'es' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      language: 'es',
      firstResponseDueAt: '2026-11-30T08:30:00.000Z',
    });
    expect(first.json().message).toContain('Gracias');
    const second = await json({ ...body, email: 'JOSE@example.org', subject: 'And Sundays?' });
    const mine = (await requestsOfOrg()).filter((r) =>
      [first.json().reference, second.json().reference].includes(r.reference),
    );
    expect(new Set(mine.map((r) => r.requesterId)).size).toBe(1);
  });

  it('replays a retry with the same Idempotency-Key instead of opening a second request', async () => {
    const body = {
      name: 'Rūta',
      phone: '8 612 34567',
      subject: 'Bus to the clinic',
      description: 'Tuesday morning',
    };
    const a = await json(body, { 'idempotency-key': 'form-1' });
    const b = await json(body, { 'idempotency-key': 'form-1' });
    expect(b.json().reference).toBe(a.json().reference);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses spam without creating anything: a filled honeypot, too many posts from one email', async () => {
    const before = (await requestsOfOrg()).length;
    const bot = await form({
      name: 'Bot',
      email: 'bot@example.org',
      subject: 'Buy',
      description: 'Cheap',
      website: 'http://spam.example',
    });
    expect(bot.statusCode).toBe(422);
    expect(bot.body).toContain('automated');
    expect(bot.body).toContain(`href="/p/${org.org.slug}/request"`); // a way back that needs no JavaScript
    expect((await requestsOfOrg()).length).toBe(before);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await json(
            { name: 'Eager', email: 'eager@example.org', subject: `Q${i}`, description: 'x' },
            {},
            `127.0.1.${i}`,
          )
        ).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('limits posts per address and checks its input', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await json(
            { name: 'N', email: `n${i}@example.org`, subject: 's', description: 'd' },
            {},
            '127.0.9.9',
          )
        ).statusCode,
      );
    expect(statuses.at(-1)).toBe(429);
    const none = await json(
      { name: 'No contact', subject: 's', description: 'd' },
      {},
      '127.0.8.1',
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].path).toBe('email');
    const unknown = await api.app.inject({
      method: 'POST',
      url: '/api/v1/public/no-such-charity/requests',
      payload: { name: 'x', email: 'x@example.org', subject: 's', description: 'd' },
      remoteAddress: '127.0.8.2',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps form posts away from the staff API', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { ...bearer(org.tokens.admin), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'kind=person&givenName=Eve',
    });
    expect(res.statusCode).toBe(415);
  });
});
