import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';
import { outbox, portalSessions, portalSignIns } from '../../db/schema';
import { runAnalyze } from '../../domain/maintenance/analyze';
import { jobRegistry } from '../../jobs/registry';
import { JobWorker } from '../../jobs/worker';
import { farEndSmtp, testMailDeps } from '../../../../tests/support/mail';
import { portalSignInJob, signInLinkMinutes, signInLinksPerHour } from '../../domain/portal/portal';

let api: TestApi;
let org: Staffed;
let other: Staffed;
let addresses = 0;

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  other = await staffedOrg(api.database);
  // Round the clock: answer within four hours.
  const policy = await api.app.inject({
    method: 'POST',
    url: '/api/v1/promise-policies',
    headers: bearer(org.tokens.admin),
    payload: {
      subjectType: 'request',
      name: 'Everyone',
      targets: [{ target: 'first_response', minutes: 240, calendarId: null }],
    },
  });
  expect(policy.statusCode, policy.body).toBe(201);
});
afterAll(() => api.close());

type Headers = Record<string, string>;
/** Each call from its own address, so the per-address rate limits stay out of the way. */
const send = (method: 'GET' | 'POST', url: string, payload?: object, headers: Headers = {}) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    payload,
    remoteAddress: `10.9.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`,
  });
const staff = (method: 'GET' | 'POST', url: string, payload?: object, of: Staffed = org) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(of.tokens.agent), payload });

/** The sign-in links emailed to an address, newest last. */
async function linksTo(address: string, of: Staffed = org): Promise<string[]> {
  const rows = await api.database.db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, of.org.id),
        eq(outbox.recipient, address),
        eq(outbox.template, 'portal_sign_in'),
      ),
    );
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((r) => (r.payload as { link: string }).link);
}
const secretOf = (link: string) => link.slice(link.indexOf('#') + 1);

/** Runs the sign-in jobs only (the links stay readable in the outbox: nothing is delivered). */
const signInJobs = () =>
  new JobWorker(
    api.database,
    api.clock,
    { [portalSignInJob]: jobRegistry({ mail: testMailDeps() })[portalSignInJob]! },
    undefined,
    [org.org.id, other.org.id],
  ).runDue();

/** Asks for a sign-in link; the job behind the answer runs unless told not to. */
async function askLink(address: string, of: Staffed = org, runJobs = true) {
  const res = await send('POST', `/public/${of.org.slug}/portal/sign-in`, { email: address });
  expect(res.statusCode, res.body).toBe(202);
  if (runJobs) await signInJobs();
  return res;
}
async function exchange(secret: string, of: Staffed = org): Promise<Response> {
  return send('POST', `/public/${of.org.slug}/portal/session`, { token: secret });
}
const cookieOf = (res: Response): Headers => {
  const c = res.cookies.find((x) => x.name === 'tend_portal');
  if (!c) throw new Error(`no portal cookie: ${res.statusCode} ${res.body}`);
  return { cookie: `tend_portal=${c.value}` };
};

/** A contact with an address, a request of theirs, and a portal session. */
async function signedInRequester(of: Staffed = org) {
  const address = `portal.${++addresses}@example.org`;
  const contact = await buildContact(api.database.db, of.org, {
    emails: [{ address }],
    preferredLanguage: 'uk',
  });
  const created = await staff(
    'POST',
    '/requests',
    { subject: 'Зимовий одяг', requesterId: contact.id },
    of,
  );
  expect(created.statusCode, created.body).toBe(201);
  await askLink(address, of);
  const [link] = await linksTo(address, of);
  const session = await exchange(secretOf(link!), of);
  expect(session.statusCode, session.body).toBe(200);
  return {
    address,
    contact,
    request: created.json<{ id: string; reference: string }>(),
    cookie: cookieOf(session),
  };
}

describe('signing in with an emailed link', () => {
  it('emails a single-use link in the contact’s language to a known address, and answers alike for an unknown one', async () => {
    const address = 'known.portal@example.org';
    await buildContact(api.database.db, org.org, {
      emails: [{ address }],
      preferredLanguage: 'lt',
    });
    const known = await askLink(address);
    const unknown = await askLink('nobody.here@example.org');
    expect(unknown.json()).toEqual(known.json());
    expect(await linksTo('nobody.here@example.org')).toEqual([]);
    const [link] = await linksTo(address);
    expect(link).toMatch(new RegExp(`/p/${org.org.slug}/sign-in#tend_portal_`));
    const [row] = await api.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, org.org.id), eq(outbox.recipient, address)));
    expect(row).toMatchObject({ language: 'lt', template: 'portal_sign_in' });

    const first = await exchange(secretOf(link!));
    expect(first.statusCode, first.body).toBe(200);
    const me = await send('GET', '/portal/me', undefined, cookieOf(first));
    expect(me.json()).toMatchObject({
      organization: { slug: org.org.slug },
      preferredLanguage: 'lt',
    });
    const again = await exchange(secretOf(link!));
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('unauthenticated');
  });

  it('sends the link over SMTP and keeps no usable copy of it once sent', async () => {
    const farEnd = await farEndSmtp();
    try {
      const address = 'mailed.portal@example.org';
      await buildContact(api.database.db, org.org, {
        emails: [{ address }],
        preferredLanguage: 'uk',
      });
      await askLink(address, org, false);
      const worker = new JobWorker(
        api.database,
        api.clock,
        jobRegistry({ mail: testMailDeps({ mailer: farEnd.mailer() }) }),
        undefined,
        [org.org.id],
      );
      await worker.runDue(); // the sign-in job, then the delivery it queued
      const mail = farEnd.received.find((m) => m.envelopeTo.includes(address));
      const link = /(http\S+#tend_portal_[\w-]+)/.exec(mail?.text ?? '')?.[1];
      expect(link).toMatch(new RegExp(`/p/${org.org.slug}/sign-in#`));
      expect(mail?.subject).toMatch(/[А-Яа-яІіЇїЄєҐґ]/); // in Ukrainian
      expect(await linksTo(address)).toEqual([link!.replace(/#.*$/, '#(sent)')]);
      expect((await exchange(secretOf(link!))).statusCode).toBe(200); // the emailed link works
    } finally {
      await farEnd.close();
    }
  });

  it('refuses an expired link, a link of another organization and a made-up one', async () => {
    const address = 'late.portal@example.org';
    await buildContact(api.database.db, org.org, { emails: [{ address }] });
    await askLink(address);
    const [link] = await linksTo(address);
    expect((await exchange(secretOf(link!), other)).statusCode).toBe(401);
    expect((await exchange('tend_portal_made-up-secret-of-enough-length')).statusCode).toBe(401);
    const start = api.clock.now();
    api.clock.advance((signInLinkMinutes + 1) * 60_000);
    try {
      expect((await exchange(secretOf(link!))).statusCode).toBe(401);
    } finally {
      api.clock.set(start);
    }
  });

  it(`sends at most ${signInLinksPerHour} links an hour to one contact, answering alike`, async () => {
    const address = 'eager.portal@example.org';
    await buildContact(api.database.db, org.org, { emails: [{ address }] });
    for (let i = 0; i < signInLinksPerHour + 2; i++) await askLink(address);
    expect(await linksTo(address)).toHaveLength(signInLinksPerHour);
  });

  it('forgets expired links and sessions in the nightly housekeeping', async () => {
    const me = await signedInRequester();
    const start = api.clock.now();
    api.clock.advance(15 * 86_400_000);
    try {
      await runAnalyze(api.database.db, api.clock);
      const left = await api.database.db
        .select()
        .from(portalSessions)
        .where(eq(portalSessions.contactId, me.contact.id));
      expect(left).toEqual([]);
      const links = await api.database.db
        .select()
        .from(portalSignIns)
        .where(eq(portalSignIns.contactId, me.contact.id));
      expect(links).toEqual([]);
    } finally {
      api.clock.set(start);
    }
  });

  it('rejects bad input with the field named', async () => {
    const res = await send('POST', `/public/${org.org.slug}/portal/sign-in`, {
      email: 'not-an-email',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('email');
    const away = await send('POST', `/public/${org.org.slug}/portal/sign-in`, {
      email: 'a@example.org',
      next: 'https://evil.example/',
    });
    expect(away.statusCode).toBe(400);
    expect(
      (await send('POST', '/public/no-such-charity/portal/sign-in', { email: 'a@example.org' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('following my requests', () => {
  it('lists my requests and shows their public conversation, never an internal note', async () => {
    const me = await signedInRequester();
    await staff('POST', `/requests/${me.request.id}/messages`, {
      body: 'Staff only: check stock',
      visibility: 'internal',
    });
    await staff('POST', `/requests/${me.request.id}/messages`, {
      body: 'We have coats for you.',
      visibility: 'public',
    });
    const list = await send('GET', '/portal/requests', undefined, me.cookie);
    expect(list.json().data.map((r: { id: string }) => r.id)).toEqual([me.request.id]);
    const one = await send('GET', `/portal/requests/${me.request.id}`, undefined, me.cookie);
    expect(one.statusCode, one.body).toBe(200);
    const body = one.json();
    expect(body.reference).toBe(me.request.reference);
    expect(body.messages.map((m: { body: string }) => m.body)).toEqual(['We have coats for you.']);
    expect(body.messages[0]).toMatchObject({ author: 'staff' });
    expect(body.firstResponse).toMatchObject({ state: 'fulfilled', kept: true });
    expect(one.body).not.toContain('Staff only');
  });

  it('does not show another contact’s request, nor one of another organization', async () => {
    const me = await signedInRequester();
    const someoneElse = await signedInRequester();
    const elsewhere = await signedInRequester(other);
    for (const id of [someoneElse.request.id, elsewhere.request.id]) {
      const res = await send('GET', `/portal/requests/${id}`, undefined, me.cookie);
      expect(res.statusCode).toBe(404);
      const reply = await send(
        'POST',
        `/portal/requests/${id}/messages`,
        { body: 'Hi' },
        me.cookie,
      );
      expect(reply.statusCode).toBe(404);
    }
    const list = await send('GET', '/portal/requests', undefined, me.cookie);
    expect(list.json().data).toHaveLength(1);
  });

  it('never shows one person what another wrote or was told, even after staff merge their requests', async () => {
    const x = await signedInRequester();
    const y = await signedInRequester();
    const wrote = await send(
      'POST',
      `/portal/requests/${x.request.id}/messages`,
      { body: 'My address is 1 Secret St' },
      x.cookie,
    );
    expect(wrote.statusCode).toBe(201);
    await staff('POST', `/requests/${x.request.id}/messages`, {
      body: 'We will bring it to 1 Secret St',
      visibility: 'public',
    });
    const merged = await staff('POST', `/requests/${x.request.id}/merge`, { intoId: y.request.id });
    expect(merged.statusCode, merged.body).toBe(200);
    const seen = await send('GET', `/portal/requests/${y.request.id}`, undefined, y.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Secret St');
    const staffView = (await staff('GET', `/requests/${y.request.id}/messages`)).json().data;
    expect(
      staffView
        .filter((m: { body: string }) => m.body.includes('Secret St'))
        .map((m: { visibility: string }) => m.visibility),
    ).toEqual(['internal', 'internal']);
  });

  it('takes my reply: it joins the conversation and the staff see it as the requester’s', async () => {
    const me = await signedInRequester();
    const res = await send(
      'POST',
      `/portal/requests/${me.request.id}/messages`,
      { body: 'Дякую! Коли можна прийти?' },
      me.cookie,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ requestId: me.request.id, followUp: false });
    const seen = await staff('GET', `/requests/${me.request.id}/messages`);
    expect(seen.json().data.at(-1)).toMatchObject({
      author: 'requester',
      channel: 'portal',
      body: 'Дякую! Коли можна прийти?',
    });
    const empty = await send(
      'POST',
      `/portal/requests/${me.request.id}/messages`,
      { body: '  ' },
      me.cookie,
    );
    expect(empty.statusCode).toBe(400);
  });

  it('opens a linked follow-up when I write on a closed request', async () => {
    const me = await signedInRequester();
    const closed = await api.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${me.request.id}`,
      headers: bearer(org.tokens.manager),
      payload: { status: 'closed' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const res = await send(
      'POST',
      `/portal/requests/${me.request.id}/messages`,
      { body: 'One more thing' },
      me.cookie,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().followUp).toBe(true);
    const followUp = await send(
      'GET',
      `/portal/requests/${res.json().requestId}`,
      undefined,
      me.cookie,
    );
    expect(followUp.json()).toMatchObject({ followUpOfId: me.request.id });
  });

  it('ends the session on sign-out, and a portal cookie opens no staff route', async () => {
    const me = await signedInRequester();
    expect((await send('GET', '/contacts', undefined, me.cookie)).statusCode).toBe(401);
    expect((await send('POST', '/portal/sign-out', {}, me.cookie)).statusCode).toBe(204);
    expect((await send('GET', '/portal/requests', undefined, me.cookie)).statusCode).toBe(401);
  });

  it('refuses a cross-site write with a portal cookie', async () => {
    const me = await signedInRequester();
    const res = await send(
      'POST',
      `/portal/requests/${me.request.id}/messages`,
      { body: 'Hi' },
      { ...me.cookie, origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
  });
});
