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
let other: Staffed;

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
  token = org.tokens.fundraiser,
) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(token), ...headers },
    payload,
  });

const template = (extra: object = {}) => ({
  name: 'major-donors',
  language: 'en',
  method: 'email',
  subject: 'Thank you, {{firstName}}',
  body: 'Dear {{firstName}},\n\nYour {{kind}} of {{amount}} on {{date}} went to {{fund}}.\n\n{{organization}}',
  ...extra,
});

let giftId: string;
/** €1,234.50 as a language writes it (Intl's own spaces: no-break, narrow). */
const euros = (language: string) =>
  new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(1234.5);

beforeAll(async () => {
  api = await testApi();
  api.clock.set(new Date('2026-12-05T10:00:00Z'));
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
  const donor = await buildContact(api.database.db, org.org, {
    givenName: 'Rūta',
    familyName: 'Kazlauskienė',
    preferredLanguage: 'lt',
  });
  const program = await call('POST', '/programs', { name: 'Food' }, {}, org.tokens.manager);
  const fund = await call(
    'POST',
    '/funds',
    { name: 'Maisto paketai', restricted: true, programId: program.json().id },
    {},
    org.tokens.manager,
  );
  const gift = await call('POST', '/gifts', {
    kind: 'one_time',
    contactId: donor.id,
    amount: 123_450,
    currency: 'EUR',
    receivedOn: '2026-12-03',
    allocations: [{ fundId: fund.json().id, amount: 123_450 }],
  });
  expect(gift.statusCode, gift.body).toBe(201);
  giftId = gift.json().id;
});
afterAll(() => api.close());

describe('thank-you templates', () => {
  it('creates (once per Idempotency-Key), lists, reads with an ETag, changes with If-Match and deletes', async () => {
    const key = { 'idempotency-key': 'tpl-1' };
    const created = await call('POST', '/thanks-templates', template(), key);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const replay = await call('POST', '/thanks-templates', template(), key);
    expect(replay.json().id).toBe(created.json().id);
    const id = created.json().id;

    const list = (await call('GET', '/thanks-templates')).json().data;
    expect(list.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await call('GET', `/thanks-templates/${id}`)).headers.etag).toBe('"1"');

    const changed = await call(
      'PATCH',
      `/thanks-templates/${id}`,
      { subject: 'With thanks, {{name}}' },
      { 'if-match': '"1"' },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ subject: 'With thanks, {{name}}', version: 2 });
    const stale = await call(
      'PATCH',
      `/thanks-templates/${id}`,
      { subject: 'Lost update' },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');

    // Another organization cannot see or touch it.
    const theirs = await call('GET', `/thanks-templates/${id}`, undefined, {}, other.tokens.admin);
    expect(theirs.statusCode).toBe(404);
    expect((await call('DELETE', `/thanks-templates/${id}`)).statusCode).toBe(204);
    expect((await call('GET', `/thanks-templates/${id}`)).statusCode).toBe(404);
  });

  it('refuses an unknown merge field with 422 naming the field, and a second template of a name and language with 409', async () => {
    const bad = await call(
      'POST',
      '/thanks-templates',
      template({ name: 'typo', body: 'Dear {{firstname}}, thanks for {{amout}}' }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('rule_violated');
    expect(bad.json().error.details).toEqual([
      { path: 'body', message: 'unknown merge field {{firstname}}' },
      { path: 'body', message: 'unknown merge field {{amout}}' },
    ]);
    const first = await call('POST', '/thanks-templates', template({ name: 'twice' }));
    expect(first.statusCode).toBe(201);
    const second = await call('POST', '/thanks-templates', template({ name: 'twice' }));
    expect(second.statusCode).toBe(409);
    const spanish = await call(
      'POST',
      '/thanks-templates',
      template({ name: 'twice', language: 'es' }),
    );
    expect(spanish.statusCode).toBe(201);
    const clash = await call(
      'PATCH',
      `/thanks-templates/${spanish.json().id}`,
      { language: 'en' },
      { 'if-match': '"1"' },
    );
    expect(clash.statusCode).toBe(409);
    const badPatch = await call('PATCH', `/thanks-templates/${first.json().id}`, {
      subject: '{{nope}}',
    });
    expect(badPatch.statusCode).toBe(422);
    expect(badPatch.json().error.details[0].path).toBe('subject');
  });

  it("previews the built-in default in the donor's language, money and dates written in it", async () => {
    const res = await call('POST', '/thanks-templates/preview', { giftId });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      template: 'default',
      language: 'lt',
      builtIn: true,
      method: 'email',
    });
    expect(p.subject).toBe('Ačiū, Rūta!');
    expect(p.text).toContain(euros('lt'));
    expect(p.text).toContain('2026 m. gruodžio 3 d.');
    expect(p.text).toContain('Paskirtis: Maisto paketai.');
    expect(p.text).not.toMatch(/\{\{/);
    const builtIn = (await call('GET', '/thanks-templates/built-in')).json().data;
    expect(builtIn).toHaveLength(8);
    expect(builtIn).toContainEqual(
      expect.objectContaining({
        name: 'default',
        language: 'lt',
        method: 'email',
        subject: 'Ačiū, {{firstName}}!',
      }),
    );
    const en = (await call('POST', '/thanks-templates/preview', { giftId, language: 'en' })).json();
    expect(en.text).toContain('Thank you for your gift of €1,234.50, received on December 3, 2026');
  });

  it('previews unsaved text as plain text, and refuses unknown fields in it', async () => {
    const res = await call('POST', '/thanks-templates/preview', {
      giftId,
      language: 'uk',
      subject: '<b>{{name}}</b>',
      body: '{{firstName}}: {{amount}}',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      subject: '<b>Rūta Kazlauskienė</b>',
      text: `Rūta: ${euros('uk')}`,
    });
    const bad = await call('POST', '/thanks-templates/preview', {
      giftId,
      subject: 'x',
      body: '{{total}}',
    });
    expect(bad.statusCode).toBe(422);
    const missing = await call('POST', '/thanks-templates/preview', {
      giftId: '0190f1f4-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets fundraisers and managers write templates, and agents only read them', async () => {
    const agent = await call(
      'POST',
      '/thanks-templates',
      template({ name: 'agent' }),
      {},
      org.tokens.agent,
    );
    expect(agent.statusCode).toBe(403);
    expect(
      (await call('GET', '/thanks-templates', undefined, {}, org.tokens.agent)).statusCode,
    ).toBe(200);
  });

  it('are described in the OpenAPI document, with the routes that send thank-yous', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys(res.json<{ paths: object }>().paths);
    for (const p of [
      '/thanks-templates',
      '/thanks-templates/{id}',
      '/thanks-templates/preview',
      '/gifts/{id}/thanks/send',
      '/gifts/thanks/bulk',
      '/gifts/{id}/deliverables/{index}/delivered',
    ])
      expect(paths).toContain(`/api/v1${p}`);
  });
});
