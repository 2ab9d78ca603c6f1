import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { call, f, gift, record, useGiftApi } from '../../../../tests/support/gifts';
import { outbox } from '../../db/schema';
import { renderEmail, type TemplateData } from '../../email/templates';

useGiftApi();

/** Any method, as the fundraiser unless told. */
const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
  token = f.org.tokens.fundraiser,
) =>
  f.api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...bearer(token), ...headers },
    payload,
  });

const update = (extra: object = {}) => ({
  title: 'Parcels for the winter',
  story: 'We packed parcels every day.\n\nVolunteers delivered them.',
  figures: [
    { label: 'families fed', value: 42 },
    { label: 'food', value: 3.5, unit: 't' },
  ],
  periodFrom: '2026-10-01',
  periodTo: '2026-10-31',
  language: 'en',
  ...extra,
});

let foodBank: string;
let shelter: string;
let beds: string;

beforeAll(async () => {
  foodBank = (await call('GET', '/programs')).json().data[0].id;
  const p = await call('POST', '/programs', { name: 'Shelter' }, f.org.tokens.manager);
  shelter = p.json().id;
  const fund = await call(
    'POST',
    '/funds',
    { name: 'Beds', restricted: true, programId: shelter },
    f.org.tokens.manager,
  );
  beds = fund.json().id;
});

describe('impact updates', () => {
  it('are posted, listed, changed under If-Match and deleted', async () => {
    const created = await send('POST', `/programs/${foodBank}/impact-updates`, update());
    expect(created.statusCode, created.body).toBe(201);
    const u = created.json();
    expect(u).toMatchObject({
      programId: foodBank,
      programName: 'Food bank',
      title: 'Parcels for the winter',
    });
    expect(u.figures).toEqual([
      { label: 'families fed', value: 42 },
      { label: 'food', value: 3.5, unit: 't' },
    ]);
    expect(created.headers.etag).toBe(u.etag);
    const list = (await send('GET', `/programs/${foodBank}/impact-updates`)).json().data;
    expect(list.map((x: { id: string }) => x.id)).toContain(u.id);
    const inOct = (await send('GET', '/impact-updates?from=2026-10-15&to=2026-10-20')).json().data;
    expect(inOct.map((x: { id: string }) => x.id)).toContain(u.id);
    const inMay = (await send('GET', '/impact-updates?from=2026-05-01&to=2026-05-31')).json().data;
    expect(inMay.map((x: { id: string }) => x.id)).not.toContain(u.id);

    const stale = await send(
      'PATCH',
      `/impact-updates/${u.id}`,
      { title: 'Old' },
      { 'if-match': '"stale"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe('precondition_failed');
    const changed = await send(
      'PATCH',
      `/impact-updates/${u.id}`,
      { title: 'Warm parcels' },
      { 'if-match': u.etag },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Warm parcels', story: u.story });
    expect(changed.json().etag).not.toBe(u.etag);
    const again = await send(
      'PATCH',
      `/impact-updates/${u.id}`,
      { title: 'Lost' },
      { 'if-match': u.etag },
    );
    expect(again.statusCode).toBe(412);

    expect((await send('DELETE', `/impact-updates/${u.id}`)).statusCode).toBe(204);
    expect((await send('GET', `/impact-updates/${u.id}`)).statusCode).toBe(404);
  });

  it.each([
    ['a story over 5000 characters', { story: 'x'.repeat(5001) }, 'story'],
    [
      'more than 20 figures',
      { figures: Array.from({ length: 21 }, (_, i) => ({ label: `f${i}`, value: i })) },
      'figures',
    ],
    [
      'a figure value given as text',
      { figures: [{ label: 'families', value: '42' }] },
      'figures.0.value',
    ],
    [
      'a period that ends before it starts',
      { periodFrom: '2026-10-31', periodTo: '2026-10-01' },
      'periodTo',
    ],
    ['an unknown language', { language: 'fr' }, 'language'],
  ])('refuses %s with 400 and the field', async (_what, extra, path) => {
    const res = await send('POST', `/programs/${foodBank}/impact-updates`, update(extra));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('answers 404 for another organization’s program and update', async () => {
    const res = await send(
      'POST',
      `/programs/${foodBank}/impact-updates`,
      update(),
      {},
      f.other.tokens.admin,
    );
    expect(res.statusCode).toBe(404);
    const mine = (await send('POST', `/programs/${foodBank}/impact-updates`, update())).json();
    expect(
      (await send('PATCH', `/impact-updates/${mine.id}`, { title: 'x' }, {}, f.other.tokens.admin))
        .statusCode,
    ).toBe(404);
    expect(
      (await send('DELETE', `/impact-updates/${mine.id}`, undefined, {}, f.other.tokens.admin))
        .statusCode,
    ).toBe(404);
  });
});

describe('a donor’s impact report', () => {
  let donorId: string;
  beforeAll(async () => {
    const donor = await buildContact(f.api.database.db, f.org.org, {
      givenName: 'Rūta',
      familyName: 'Kazlauskienė',
      preferredLanguage: 'lt',
      roles: ['donor'],
      emails: [{ address: 'ruta.impact@example.org' }],
    });
    donorId = donor.id;
    await record(
      gift({
        contactId: donorId,
        amount: 10000,
        receivedOn: '2026-10-03',
        allocations: [
          { fundId: f.food, amount: 6000 },
          { fundId: beds, amount: 4000 },
        ],
      }),
    );
    await record(gift({ contactId: donorId, amount: 2500, receivedOn: '2026-11-01' }));
    await record(gift({ contactId: donorId, amount: 999, receivedOn: '2024-01-01' }));
    const post = (program: string, body: object) =>
      send('POST', `/programs/${program}/impact-updates`, body).then((r) => {
        expect(r.statusCode, r.body).toBe(201);
      });
    await post(
      foodBank,
      update({
        title: 'Report title EN',
        translations: {
          lt: {
            title: 'Žiemos siuntiniai',
            story: 'Kasdien pakavome siuntinius.',
            figureLabels: ['pamaitintos šeimos', ''],
          },
        },
      }),
    );
    await post(
      shelter,
      update({
        title: 'Nakvynės namai',
        story: 'Suteikėme 120 nakvynių.',
        language: 'lt',
        periodFrom: '2026-09-01',
        periodTo: '2026-10-31',
        figures: [{ label: 'nakvynės', value: 120 }],
      }),
    );
    await post(
      foodBank,
      update({ title: 'Long ago', periodFrom: '2024-01-01', periodTo: '2024-01-31' }),
    );
  });

  it('shows each gift’s split with both programs’ updates, translated into the donor’s language', async () => {
    const res = await send('GET', `/contacts/${donorId}/impact`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ from: '2025-12-01', to: '2026-11-30', language: 'lt' });
    expect(r.gifts).toHaveLength(2);
    expect(r.gifts[0].allocations).toEqual([
      {
        fundId: f.food,
        fundName: 'Food parcels',
        programId: foodBank,
        programName: 'Food bank',
        amount: 6000,
      },
      { fundId: beds, fundName: 'Beds', programId: shelter, programName: 'Shelter', amount: 4000 },
    ]);
    expect(r.gifts[1]).toMatchObject({ amount: 2500, whereMostNeeded: true, allocations: [] });
    expect(r.totals).toEqual([{ currency: 'EUR', amount: 12500 }]);
    const byName = Object.fromEntries(r.programs.map((p: { name: string }) => [p.name, p]));
    const food = byName['Food bank'].updates;
    const titles = food.map((u: { title: string }) => u.title);
    expect(titles).not.toContain('Long ago'); // the 2024 update is outside the period
    const winter = food.find((u: { title: string }) => u.title === 'Žiemos siuntiniai');
    expect(winter).toMatchObject({
      title: 'Žiemos siuntiniai',
      story: 'Kasdien pakavome siuntinius.',
      language: 'lt',
      originalLanguage: 'en',
      translated: true,
    });
    expect(winter.figures).toEqual([
      { label: 'pamaitintos šeimos', value: 42, unit: null },
      { label: 'food', value: 3.5, unit: 't' },
    ]);
    expect(byName.Shelter.updates[0]).toMatchObject({
      title: 'Nakvynės namai',
      language: 'lt',
      translated: false,
    });

    const en = (await send('GET', `/contacts/${donorId}/impact?language=en`)).json();
    const foodEn = en.programs.find((p: { name: string }) => p.name === 'Food bank').updates;
    expect(foodEn.find((u: { id: string }) => u.id === winter.id)).toMatchObject({
      title: 'Report title EN',
      language: 'en',
      translated: false,
    });
    const shelterEn = en.programs.find((p: { name: string }) => p.name === 'Shelter').updates[0];
    expect(shelterEn).toMatchObject({ title: 'Nakvynės namai', language: 'lt' }); // no English: as written

    const old = (
      await send('GET', `/contacts/${donorId}/impact?from=2024-01-01&to=2024-12-31`)
    ).json();
    expect(old.gifts.map((g: { amount: number }) => g.amount)).toEqual([999]);
  });

  it('is emailed through the outbox in the donor’s language, and put on the timeline', async () => {
    const res = await send('POST', `/contacts/${donorId}/impact/email`, {});
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().recipient).toBe('ruta.impact@example.org');
    const [row] = await f.api.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, f.org.org.id), eq(outbox.template, 'impact_report')));
    expect(row).toMatchObject({ recipient: 'ruta.impact@example.org', language: 'lt' });
    const email = renderEmail(
      'impact_report',
      row!.language,
      row!.payload as TemplateData['impact_report'],
    );
    expect(email.subject).toContain('Ką Jūsų parama įgalino nuveikti');
    expect(email.text).toContain('Gerb. Rūta Kazlauskienė,');
    expect(email.text).toContain('Žiemos siuntiniai');
    expect(email.text).toContain('Suteikėme 120 nakvynių.');
    expect(email.text).toContain('kur labiausiai reikia');
    expect(email.html).toContain('<html lang="lt">');
    const timeline = (await send('GET', `/contacts/${donorId}/timeline`)).json().data;
    expect(timeline.map((e: { summary: string }) => e.summary)).toContain(
      'Impact report 2025-12-01 – 2026-11-30 emailed to ruta.impact@example.org',
    );
    // What a donor gave is fundraising data: a role that may not read gifts does not see it.
    const theirs = await send(
      'GET',
      `/contacts/${donorId}/timeline`,
      undefined,
      {},
      f.org.tokens.volunteer_coordinator,
    );
    expect(theirs.statusCode).toBe(200);
    const summaries = theirs.json().data.map((e: { summary: string }) => e.summary);
    expect(summaries.filter((s: string) => s.startsWith('Impact report'))).toEqual([]);
  });

  it('shares what is left of a partly refunded gift across its split, in the report and the email', async () => {
    const donor = await buildContact(f.api.database.db, f.org.org, {
      preferredLanguage: 'en',
      emails: [{ address: 'refunded.impact@example.org' }],
    });
    const g = await record(
      gift({
        contactId: donor.id,
        amount: 10000,
        receivedOn: '2026-10-05',
        allocations: [
          { fundId: f.food, amount: 5000 },
          { fundId: beds, amount: 5000 },
        ],
      }),
    );
    const refund = await send('POST', `/gifts/${g.id}/refunds`, { amount: 4000 });
    expect(refund.statusCode, refund.body).toBe(201);
    const r = (await send('GET', `/contacts/${donor.id}/impact`)).json();
    expect(r.gifts[0].amount).toBe(6000);
    expect(r.gifts[0].allocations.map((a: { amount: number }) => a.amount)).toEqual([3000, 3000]);
    const sent = await send('POST', `/contacts/${donor.id}/impact/email`, {});
    expect(sent.statusCode, sent.body).toBe(202);
    const [row] = await f.api.database.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.orgId, f.org.org.id), eq(outbox.recipient, 'refunded.impact@example.org')),
      );
    const email = renderEmail('impact_report', 'en', row!.payload as TemplateData['impact_report']);
    expect(email.text).toContain('€30.00');
    expect(email.text).not.toContain('€50.00');
  });

  it('refuses to email a donor without an address (422 no_email)', async () => {
    const res = await send('POST', `/contacts/${f.donor.id}/impact/email`, {});
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('no_email');
  });
});

describe('programs and funds', () => {
  it('reads a program with its funds and changes programs and funds under If-Match', async () => {
    const res = await send('GET', `/programs/${shelter}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ name: 'Shelter', funds: [{ id: beds, name: 'Beds' }] });
    expect(res.headers.etag).toBe(p.etag);
    const manager = f.org.tokens.manager;
    const stale = await send(
      'PATCH',
      `/programs/${shelter}`,
      { name: 'X' },
      { 'if-match': '"old"' },
      manager,
    );
    expect(stale.statusCode).toBe(412);
    const renamed = await send(
      'PATCH',
      `/programs/${shelter}`,
      { name: 'Night shelter', description: 'Beds for the night' },
      { 'if-match': p.etag },
      manager,
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Night shelter',
      description: 'Beds for the night',
    });
    expect(
      (await send('PATCH', `/programs/${shelter}`, { name: 'Y' }, {}, f.org.tokens.fundraiser))
        .statusCode,
    ).toBe(403);

    const moved = await send(
      'PATCH',
      `/funds/${beds}`,
      { programId: foodBank, restricted: false },
      {},
      manager,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ programId: foodBank, restricted: false });
    const back = await send(
      'PATCH',
      `/funds/${beds}`,
      { programId: shelter },
      { 'if-match': moved.json().etag },
      manager,
    );
    expect(back.statusCode, back.body).toBe(200);
    const foreign = await send('PATCH', `/funds/${beds}`, { name: 'x' }, {}, f.other.tokens.admin);
    expect(foreign.statusCode).toBe(404);
    const badProgram = await send(
      'PATCH',
      `/funds/${beds}`,
      { programId: '0193a4b2-0000-7000-8000-000000000999' },
      {},
      manager,
    );
    expect(badProgram.statusCode).toBe(400);
  });

  it('tags programs and funds in their lists and as created, so an edit sends the tag it read', async () => {
    const manager = f.org.tokens.manager;
    const made = await send('POST', '/funds', { name: 'Tagged', restricted: false }, {}, manager);
    expect(made.statusCode, made.body).toBe(201);
    const funds = (await send('GET', '/funds?limit=100')).json().data;
    const listed = funds.find((x: { id: string }) => x.id === made.json().id);
    expect(listed.etag).toMatch(/^"[\w-]{22}"$/);
    expect(listed.etag).toBe(made.json().etag);
    const programs = (await send('GET', '/programs?limit=100')).json().data;
    const program = programs.find((x: { id: string }) => x.id === shelter);
    const read = await send('GET', `/programs/${shelter}`);
    expect(program.etag).toBe(read.json().etag);
    expect(read.json().funds.every((x: { etag?: string }) => !!x.etag)).toBe(true);
    const renamed = await send(
      'PATCH',
      `/funds/${listed.id}`,
      { name: 'Tagged again' },
      { 'if-match': listed.etag },
      manager,
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const again = await send(
      'PATCH',
      `/programs/${shelter}`,
      { description: 'From the list' },
      { 'if-match': program.etag },
      manager,
    );
    expect(again.statusCode, again.body).toBe(200);
  });
});
