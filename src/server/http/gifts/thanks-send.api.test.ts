import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { testMailDeps } from '../../../../tests/support/mail';
import { outbox } from '../../db/schema';
import { renderEmail, type TemplateName } from '../../email/templates';
import { jobRegistry } from '../../jobs/registry';
import { JobWorker } from '../../jobs/worker';

let api: TestApi;
let org: Staffed;
const t0 = new Date('2026-12-05T10:00:00Z');
const at = (h: number) => new Date(t0.getTime() + h * 3_600_000);

const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(org.tokens.fundraiser),
    payload,
  });
const person = (name: string, extra: object = {}) =>
  buildContact(api.database.db, org.org, {
    givenName: name,
    familyName: 'Test',
    emails: [
      { address: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org` },
    ],
    ...extra,
  });
async function giftFrom(contactId: string, extra: object = {}) {
  const res = await call('POST', '/gifts', {
    kind: 'one_time',
    contactId,
    amount: 2500,
    currency: 'EUR',
    receivedOn: '2026-12-05',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
/** The emails queued to an address, rendered as delivery would (without organization data). */
async function mailTo(recipient: string) {
  const rows = await api.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, org.org.id), eq(outbox.recipient, recipient)))
    .orderBy(asc(outbox.createdAt));
  return rows.map((r) => ({
    row: r,
    email: renderEmail(r.template as TemplateName, r.language, {
      ...(r.payload as object),
      organizationName: org.org.name,
    } as never),
  }));
}
const runJobs = () =>
  new JobWorker(api.database, api.clock, jobRegistry({ mail: testMailDeps() }), undefined, [
    org.org.id,
  ]).runDue();
const clockOf = async (subjectType: string, subjectId: string) =>
  (await call('GET', `/promises/clocks?subjectType=${subjectType}&subjectId=${subjectId}`)).json()
    .data[0];

beforeAll(async () => {
  api = await testApi();
  api.clock.set(t0);
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('sending thank-yous', () => {
  it('emails a Ukrainian donor in Ukrainian through the outbox and fulfils the clock', async () => {
    const donor = await person('Оксана', { preferredLanguage: 'uk' });
    const g = await giftFrom(donor.id);
    api.clock.set(at(3));
    const res = await call('POST', `/gifts/${g.id}/thanks/send`, {});
    expect(res.statusCode, res.body).toBe(201);
    const { gift, thanks } = res.json();
    expect(thanks).toMatchObject({ method: 'email', language: 'uk', template: 'default' });
    expect(gift.thanksPromise).toMatchObject({ state: 'fulfilled', kept: true });
    expect(gift.thanks).toEqual([
      expect.objectContaining({ method: 'email', thankedAt: at(3).toISOString() }),
    ]);
    const [mail] = await mailTo(thanks.recipient);
    expect(mail!.row).toMatchObject({ template: 'gift_thanks', language: 'uk' });
    expect(mail!.email.subject).toBe('Дякуємо, Оксана!');
    expect(mail!.email.text).toContain('Щиро дякуємо за вашу підтримку (разовий внесок,');
    expect(mail!.email.html).toContain('<html lang="uk">');
    expect((await clockOf('gift', g.id)).usedMinutes).toBe(180);
    await runJobs(); // the worker delivers it (to a folder of .eml files here)
    expect((await mailTo(thanks.recipient))[0]!.row.deliveredAt).not.toBeNull();
  });

  it("uses the organization's own template, escapes it in the HTML, and refuses a donor without email", async () => {
    const tpl = await api.app.inject({
      method: 'POST',
      url: '/api/v1/thanks-templates',
      headers: bearer(org.tokens.manager),
      payload: {
        name: 'warm',
        language: 'en',
        method: 'email',
        subject: 'For {{name}}',
        body: 'Hello {{firstName}} <3 & thanks for {{amount}}',
      },
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const donor = await person('<script>alert(1)</script>');
    const g = await giftFrom(donor.id);
    const res = await call('POST', `/gifts/${g.id}/thanks/send`, { template: 'warm' });
    expect(res.statusCode, res.body).toBe(201);
    const [mail] = await mailTo(res.json().thanks.recipient);
    expect(mail!.email.text).toContain('Hello <script>alert(1)</script> <3 & thanks for €25.00');
    expect(mail!.email.html).not.toContain('<script>');
    expect(mail!.email.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; &lt;3 &amp;');

    const unknown = await call('POST', `/gifts/${g.id}/thanks/send`, { template: 'cold' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0].path).toBe('template');

    const silent = await buildContact(api.database.db, org.org);
    const g2 = await giftFrom(silent.id);
    const none = await call('POST', `/gifts/${g2.id}/thanks/send`, {});
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('no_email');
    expect((await clockOf('gift', g2.id)).state).toBe('running');
  });

  it('writes a letter to print in the language asked, records it, and sends nothing', async () => {
    const silent = await buildContact(api.database.db, org.org, { givenName: 'Ana' });
    const g = await giftFrom(silent.id);
    const res = await call('POST', `/gifts/${g.id}/thanks/send`, {
      method: 'letter',
      language: 'es',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().thanks).toMatchObject({
      method: 'letter',
      language: 'es',
      recipient: null,
      subject: 'Gracias por su donación',
    });
    expect(res.json().thanks.text).toContain('Estimado/a Ana:');
    expect(res.json().gift.thanks[0].method).toBe('letter');
    expect(res.json().gift.thanksPromise.state).toBe('fulfilled');
  });

  it('thanks a batch: sent, skipped when already thanked, failed without an email or gift', async () => {
    const a = await person('Bulk');
    const sent = await giftFrom(a.id);
    const thanked = await giftFrom(a.id);
    expect((await call('POST', `/gifts/${thanked.id}/thanks`, { method: 'call' })).statusCode).toBe(
      201,
    );
    const mute = await giftFrom((await buildContact(api.database.db, org.org)).id);
    const ghost = '0190f1f4-0000-7000-8000-000000000000';
    const res = await call('POST', '/gifts/thanks/bulk', {
      giftIds: [sent.id, thanked.id, mute.id, ghost],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toEqual([
      { giftId: sent.id, status: 'sent' },
      { giftId: thanked.id, status: 'skipped' },
      { giftId: mute.id, status: 'failed', code: 'no_email' },
      { giftId: ghost, status: 'failed', code: 'not_found' },
    ]);
    // Again: what was sent is skipped, so a retried batch never thanks twice.
    const again = await call('POST', '/gifts/thanks/bulk', { giftIds: [sent.id] });
    expect(again.json().data).toEqual([{ giftId: sent.id, status: 'skipped' }]);
    expect(await mailTo(a.emails[0]!.address)).toHaveLength(1);
    const tooMany = await call('POST', '/gifts/thanks/bulk', {
      giftIds: Array.from({ length: 201 }, () => ghost),
    });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('tributes', () => {
  it('tells the person to notify of a gift in memory, in their language, without the amount', async () => {
    const donor = await person('Jonas');
    const remembered = await buildContact(api.database.db, org.org, { givenName: 'Petras' });
    const family = await person('Rasa', { preferredLanguage: 'lt' });
    const nobody = await buildContact(api.database.db, org.org);
    const g = await giftFrom(donor.id, {
      amount: 98_765,
      softCredits: [
        { contactId: remembered.id, type: 'in_memory', notifyContactId: family.id },
        { contactId: nobody.id, type: 'in_honour', notifyContactId: nobody.id },
      ],
    });
    const address = family.emails[0]!.address;
    const mails = await mailTo(address);
    expect(mails).toHaveLength(1);
    const { row, email } = mails[0]!;
    expect(row).toMatchObject({ template: 'tribute_notice', language: 'lt' });
    expect(email.subject).toBe(`Parama, skirta atminti: ${remembered.name}`);
    expect(email.text).toContain(`${donor.name} skyrė paramą`);
    expect(email.text).not.toMatch(/987|€/);
    const timeline = (await call('GET', `/contacts/${family.id}/timeline`)).json().data;
    expect(timeline[0]).toMatchObject({
      kind: 'gift',
      summary: `Told of a gift from ${donor.name} in memory of ${remembered.name}`,
      source: { type: 'gift', id: g.id },
    });
    // No address, no email (and no entry saying one was sent).
    const theirs = (await call('GET', `/contacts/${nobody.id}/timeline`)).json().data;
    const told = (e: { summary: string }) => e.summary.startsWith('Told of a gift');
    expect(theirs.filter(told)).toEqual([]);
  });

  it('keeps the tribute notice off the timeline of roles that may not read gifts', async () => {
    const donor = await person('Ona');
    const remembered = await buildContact(api.database.db, org.org, { givenName: 'Antanas' });
    const family = await person('Egle');
    await giftFrom(donor.id, {
      softCredits: [{ contactId: remembered.id, type: 'in_memory', notifyContactId: family.id }],
    });
    const read = (token: string) =>
      api.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${family.id}/timeline`,
        headers: bearer(token),
      });
    const told = (e: { summary: string }) => e.summary.startsWith('Told of a gift');
    const staff = await read(org.tokens.fundraiser);
    expect(staff.json().data.filter(told)).toHaveLength(1);
    const coordinator = await read(org.tokens.volunteer_coordinator);
    expect(coordinator.statusCode).toBe(200);
    expect(coordinator.json().data.filter(told)).toEqual([]);
  });
});
