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
const get = (url: string, token = org.tokens.agent) =>
  api.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: bearer(token) });
const post = (url: string, payload: object) =>
  api.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: bearer(org.tokens.manager),
    payload,
  });
type Item = { id: string; reference: string; requesterName: string; assigneeName: string | null };
const ids = (res: { json(): { data: Item[] } }) => res.json().data.map((r) => r.id);

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('the queue’s search and names', () => {
  it('names each row’s requester and assignee', async () => {
    const contact = await buildContact(api.database.db, org.org, {
      givenName: 'Rūta',
      familyName: 'Kazlauskienė',
    });
    const created = await post('/requests', {
      subject: 'Names in the queue',
      requesterId: contact.id,
      assigneeId: org.users.agent.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const unassigned = await post('/requests', {
      subject: 'Nobody yet',
      requesterId: contact.id,
      assigneeId: null,
    });
    const rows = (await get('/requests?view=all')).json().data as Item[];
    expect(rows.find((r) => r.id === created.json().id)).toMatchObject({
      requesterName: 'Rūta Kazlauskienė',
      assigneeName: org.users.agent.name,
    });
    expect(rows.find((r) => r.id === unassigned.json().id)).toMatchObject({
      requesterName: 'Rūta Kazlauskienė',
      assigneeName: null,
    });
  });

  it('finds requests by words of the subject in any case, or by reference', async () => {
    const contact = await buildContact(api.database.db, org.org);
    const damp = (
      await post('/requests', { subject: 'Damp in the flat', requesterId: contact.id })
    ).json();
    const parcel = (
      await post('/requests', { subject: 'Food parcel 100% needed', requesterId: contact.id })
    ).json();
    expect(ids(await get('/requests?q=DAMP'))).toEqual([damp.id]);
    expect(ids(await get(`/requests?q=${damp.reference}`))).toEqual([damp.id]);
    expect(ids(await get(`/requests?q=${damp.reference.slice(2)}`))).toEqual([damp.id]);
    // % and _ are letters here, not wildcards.
    expect(ids(await get('/requests?q=100%25'))).toEqual([parcel.id]);
    expect(ids(await get('/requests?q=1_0'))).toEqual([]);
    expect(ids(await get('/requests?q=nothing%20like%20this'))).toEqual([]);
  });

  it('searches only the caller’s organization', async () => {
    const other = await staffedOrg(api.database);
    const contact = await buildContact(api.database.db, other.org);
    const theirs = await api.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: bearer(other.tokens.manager),
      payload: { subject: 'Another organization’s secret', requesterId: contact.id },
    });
    expect(theirs.statusCode).toBe(201);
    expect(ids(await get('/requests?q=secret'))).toEqual([]);
    expect(ids(await get('/requests?q=secret', other.tokens.agent))).toEqual([theirs.json().id]);
  });

  it('refuses an empty or overlong search with 400', async () => {
    expect((await get('/requests?q=')).statusCode).toBe(400);
    expect((await get(`/requests?q=${'x'.repeat(201)}`)).statusCode).toBe(400);
  });
});
