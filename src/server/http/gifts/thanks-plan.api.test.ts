import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact, buildUser } from '../../../../tests/support/factories';
import { updateUser } from '../../db/repositories/users';
import { giftSettings } from '../../db/schema';

let api: TestApi;
let org: Staffed;
const t0 = new Date('2026-12-05T10:00:00Z');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000).toISOString();

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  token = org.tokens.fundraiser,
) => api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });

/** Records a gift (a field given as null is left out). */
async function giftFrom(contactId: string, extra: object = {}) {
  const body = {
    kind: 'one_time',
    contactId,
    amount: 5000,
    currency: 'EUR',
    receivedOn: '2026-12-05',
    ...extra,
  };
  const res = await call(
    'POST',
    '/gifts',
    Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)),
  );
  expect(res.statusCode, res.body).toBe(201);
  const read = await call('GET', `/gifts/${res.json().id}`);
  expect(read.json()).toEqual(res.json());
  return res.json();
}
const policy = async (body: object) => {
  const res = await call(
    'POST',
    '/promise-policies',
    { subjectType: 'gift', ...body },
    org.tokens.manager,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const queue = async (query = '', token = org.tokens.fundraiser) => {
  const res = await call('GET', `/gifts/thanks-queue${query}`, undefined, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    id: string;
    firstGift: boolean;
    majorGift: boolean;
    thanksPlan: object;
  }[];
};

beforeAll(async () => {
  api = await testApi();
  api.clock.set(t0);
  org = await staffedOrg(api.database);
  // Major gifts: from €1,000.00 (the gift settings' API is another resource; the row is enough).
  await api.database.db
    .insert(giftSettings)
    .values({ orgId: org.org.id, currency: 'EUR', majorGiftAmount: 100_000 });
  // Major gifts are thanked within 24 hours by a call from the relationship owner; recurring
  // donors by letter from the manager; everyone else by the built-in 48 hours, by email.
  await policy({
    name: 'Major gifts',
    conditions: { segments: ['major-gift'] },
    targets: [{ target: 'thanks', minutes: 24 * 60 }],
    thanks: { method: 'call', by: 'owner' },
  });
  await policy({
    name: 'Recurring donors',
    conditions: { segments: ['recurring'] },
    targets: [{ target: 'thanks', minutes: 72 * 60 }],
    thanks: { method: 'letter', by: org.users.manager.id },
  });
});
afterAll(() => api.close());

describe('thanks by segment', () => {
  it('gives a major gift the 24-hour call by the owner, and a smaller one the default', async () => {
    const donor = await buildContact(api.database.db, org.org, {
      ownerUserId: org.users.fundraiser.id,
    });
    const major = await giftFrom(donor.id, { amount: 150_000 });
    expect(major.thanksPromise.dueAt).toBe(hours(24));
    expect(major.thanksPlan).toEqual({
      method: 'call',
      user: { id: org.users.fundraiser.id, name: org.users.fundraiser.name },
    });
    const small = await giftFrom(donor.id, { amount: 2500 });
    expect(small.thanksPromise.dueAt).toBe(hours(48));
    expect(small.thanksPlan).toEqual({ method: 'email', user: null });
    // The threshold is in euros: the same figure in another currency is not a major gift.
    const dollars = await giftFrom(donor.id, { amount: 150_000, currency: 'USD' });
    expect(dollars.thanksPromise.dueAt).toBe(hours(48));
  });

  it('leaves the call to nobody in particular when the donor has no active owner', async () => {
    const noOwner = await buildContact(api.database.db, org.org);
    expect((await giftFrom(noOwner.id, { amount: 100_000 })).thanksPlan).toEqual({
      method: 'call',
      user: null,
    });
    const leaver = await buildUser(api.database.db, org.org, 'fundraiser');
    const donor = await buildContact(api.database.db, org.org, { ownerUserId: leaver.id });
    await updateUser(api.database.db, org.org.id, leaver.id, { active: false });
    expect((await giftFrom(donor.id, { amount: 100_000 })).thanksPlan.user).toBeNull();
  });

  it('puts recurring gifts and the later gifts of a recurring donor in the recurring segment', async () => {
    const donor = await buildContact(api.database.db, org.org);
    const first = await giftFrom(donor.id, { kind: 'recurring', frequency: 'monthly' });
    expect(first.thanksPromise.dueAt).toBe(hours(72));
    expect(first.thanksPlan).toEqual({
      method: 'letter',
      user: { id: org.users.manager.id, name: org.users.manager.name },
    });
    const oneOff = await giftFrom(donor.id);
    expect(oneOff.thanksPlan.method).toBe('letter');
    const stranger = await giftFrom((await buildContact(api.database.db, org.org)).id);
    expect(stranger.thanksPlan.method).toBe('email');
  });

  it('refuses a thanks plan on a request policy, for an unknown user, or a deactivated one', async () => {
    const base = { name: 'x', targets: [{ target: 'thanks', minutes: 60 }] };
    const request = await call(
      'POST',
      '/promise-policies',
      {
        subjectType: 'request',
        name: 'x',
        targets: [{ target: 'resolution', minutes: 60 }],
        thanks: { method: 'call', by: null },
      },
      org.tokens.manager,
    );
    expect(request.statusCode).toBe(400);
    expect(request.json().error.details[0].path).toBe('thanks');
    const unknown = await call(
      'POST',
      '/promise-policies',
      {
        subjectType: 'gift',
        ...base,
        thanks: { method: 'call', by: '0190f1f4-0000-7000-8000-000000000000' },
      },
      org.tokens.manager,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('thanks.by');
    const gone = await buildUser(api.database.db, org.org, 'fundraiser');
    await updateUser(api.database.db, org.org.id, gone.id, { active: false });
    const p = await policy({ ...base, active: false });
    expect(p.thanks).toBeNull();
    const patch = await call(
      'PATCH',
      `/promise-policies/${p.id}`,
      { thanks: { method: 'call', by: gone.id } },
      org.tokens.manager,
    );
    expect(patch.statusCode).toBe(422);
    expect(patch.json().error.details[0].path).toBe('thanks.by');
  });
});

describe('the thank-you queue', () => {
  it('filters by method, assignee (me or a user), kind and donor, and flags first and major gifts', async () => {
    const mine = await buildContact(api.database.db, org.org, {
      ownerUserId: org.users.fundraiser.id,
    });
    const theirs = await buildContact(api.database.db, org.org, {
      ownerUserId: org.users.admin.id,
    });
    const myCall = await giftFrom(mine.id, { amount: 200_000 });
    const theirCall = await giftFrom(theirs.id, { amount: 200_000 });
    const theirEmail = await giftFrom(theirs.id, {
      kind: 'in_kind',
      description: 'Winter coats',
      amount: null,
    });
    const ids = (rows: { id: string }[]) =>
      rows.map((r) => r.id).filter((id) => [myCall.id, theirCall.id, theirEmail.id].includes(id));

    expect(ids(await queue('?method=call&assignee=me'))).toEqual([myCall.id]);
    expect(ids(await queue(`?assignee=${org.users.admin.id}`))).toEqual([theirCall.id]);
    expect(ids(await queue('?method=email'))).toEqual([theirEmail.id]);
    expect(ids(await queue('?kind=in_kind'))).toEqual([theirEmail.id]);
    expect(ids(await queue(`?contactId=${theirs.id}`))).toEqual([theirCall.id, theirEmail.id]);
    // Someone else's "me" is their own: the admin has the admin's call.
    expect(ids(await queue('?assignee=me', org.tokens.admin))).toEqual([theirCall.id]);

    const rows = await queue(`?contactId=${theirs.id}`);
    expect(rows.map((r) => [r.firstGift, r.majorGift])).toEqual([
      [true, true],
      [false, false],
    ]);
    const bad = await call('GET', '/gifts/thanks-queue?assignee=someone');
    expect(bad.statusCode).toBe(400);
  });
});
