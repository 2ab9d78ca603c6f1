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
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  api.app.inject({ method, url: `/api/v1${url}`, headers: bearer(org.tokens.agent), payload });

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
});
afterAll(() => api.close());

describe('households', () => {
  it('groups people: members join by householdId and are listed with the household', async () => {
    const hh = await call('POST', '/households', { name: 'Petrauskai' });
    expect(hh.statusCode).toBe(201);
    const ona = await buildContact(api.database.db, org.org, {
      givenName: 'Ona',
      familyName: 'Petrauskienė',
    });
    const jonas = await buildContact(api.database.db, org.org, {
      givenName: 'Jonas',
      familyName: 'Petrauskas',
    });
    for (const c of [ona, jonas]) {
      expect(
        (await call('PATCH', `/contacts/${c.id}`, { householdId: hh.json().id })).statusCode,
      ).toBe(200);
    }
    const read = await call('GET', `/households/${hh.json().id}`);
    expect(read.json().members.map((m: { name: string }) => m.name)).toEqual([
      'Jonas Petrauskas',
      'Ona Petrauskienė',
    ]);
    const contact = await call('GET', `/contacts/${ona.id}`);
    expect(contact.json().household).toEqual({ id: hh.json().id, name: 'Petrauskai' });
    const renamed = await call('PATCH', `/households/${hh.json().id}`, { name: 'Petrauskų šeima' });
    expect(renamed.json().name).toBe('Petrauskų šeima');
  });

  it('refuses a householdId that does not exist', async () => {
    const c = await buildContact(api.database.db, org.org);
    const res = await call('PATCH', `/contacts/${c.id}`, {
      householdId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('householdId');
  });
});

describe('relationships', () => {
  it('reads each side in its own words: parent on one side, child on the other', async () => {
    const mother = await buildContact(api.database.db, org.org, { givenName: 'Marta' });
    const son = await buildContact(api.database.db, org.org, { givenName: 'Lukas' });
    const res = await call('POST', `/contacts/${mother.id}/relationships`, {
      type: 'parent',
      toContactId: son.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ type: 'parent', contact: { id: son.id } });
    const fromSon = await call('GET', `/contacts/${son.id}/relationships`);
    expect(fromSon.json().data).toEqual([
      expect.objectContaining({ type: 'child', contact: { id: mother.id, name: mother.name } }),
    ]);
  });

  it('stores a symmetric link once, whichever side adds it, and refuses a repeat with 409', async () => {
    const a = await buildContact(api.database.db, org.org);
    const b = await buildContact(api.database.db, org.org);
    expect(
      (await call('POST', `/contacts/${a.id}/relationships`, { type: 'spouse', toContactId: b.id }))
        .statusCode,
    ).toBe(201);
    const repeat = await call('POST', `/contacts/${b.id}/relationships`, {
      type: 'spouse',
      toContactId: a.id,
    });
    expect(repeat.statusCode).toBe(409);
    const fromB = await call('GET', `/contacts/${b.id}/relationships`);
    expect(fromB.json().data).toHaveLength(1);
    expect(fromB.json().data[0].type).toBe('spouse');
  });

  it('links a person to the company they work for, and removes the link', async () => {
    const person = await buildContact(api.database.db, org.org);
    const company = await buildContact(api.database.db, org.org, {
      kind: 'organization',
      organizationType: 'company',
      name: 'UAB Duona',
      givenName: undefined,
      familyName: undefined,
    });
    const rel = await call('POST', `/contacts/${person.id}/relationships`, {
      type: 'employee',
      toContactId: company.id,
      note: 'matches gifts',
    });
    const fromCompany = await call('GET', `/contacts/${company.id}/relationships`);
    expect(fromCompany.json().data[0]).toMatchObject({ type: 'employer', note: 'matches gifts' });
    expect(
      (await call('DELETE', `/contacts/${company.id}/relationships/${rel.json().id}`)).statusCode,
    ).toBe(204);
    expect((await call('GET', `/contacts/${person.id}/relationships`)).json().data).toEqual([]);
  });

  it('refuses relating a contact to itself', async () => {
    const a = await buildContact(api.database.db, org.org);
    const res = await call('POST', `/contacts/${a.id}/relationships`, {
      type: 'friend',
      toContactId: a.id,
    });
    expect(res.statusCode).toBe(400);
  });
});
