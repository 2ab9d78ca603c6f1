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
let requesterId: string;
const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  api.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: bearer(org.tokens.manager),
    payload,
  });

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  requesterId = (await buildContact(api.database.db, org.org)).id;
});
afterAll(() => api.close());

const fields = [
  { key: 'household_size', label: 'Household size', type: 'number', requiredToSolve: true },
  { key: 'referred_by', label: 'Referred by', type: 'choice', choices: ['school', 'clinic'] },
  { key: 'visit_on', label: 'Visit on', type: 'date' },
  { key: 'has_children', label: 'Children', type: 'boolean' },
];

describe('custom fields', () => {
  it('accepts any typed values until the organization defines its fields', async () => {
    const res = await call('POST', '/requests', {
      subject: 'Free',
      requesterId,
      customFields: { anything: 'goes', n: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('are defined in the desk settings and read back', async () => {
    const res = await call('PATCH', '/desk-settings', { customFields: fields });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().customFields).toEqual([
      { ...fields[0] },
      { ...fields[1], requiredToSolve: false },
      { ...fields[2], requiredToSolve: false },
      { ...fields[3], requiredToSolve: false },
    ]);
    expect((await call('GET', '/desk-settings')).json().customFields).toHaveLength(4);
  });

  it('refuses a choice field without choices and duplicate keys, with the field path', async () => {
    const noChoices = await call('PATCH', '/desk-settings', {
      customFields: [{ key: 'x', label: 'X', type: 'choice' }],
    });
    expect(noChoices.statusCode).toBe(400);
    expect(JSON.stringify(noChoices.json().error.details)).toContain('choices');
    const twice = await call('PATCH', '/desk-settings', {
      customFields: [fields[2], fields[2]],
    });
    expect(twice.statusCode).toBe(400);
  });

  it('checks each value against its definition, naming every wrong field, and stores nothing', async () => {
    const res = await call('POST', '/requests', {
      subject: 'Typed',
      requesterId,
      customFields: {
        household_size: 'four',
        referred_by: 'church',
        visit_on: '2026-02-30',
        unknown: 1,
        has_children: true,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual([
      'customFields.household_size',
      'customFields.referred_by',
      'customFields.unknown',
      'customFields.visit_on',
    ]);
    const list = await call('GET', `/requests?view=all&requesterId=${requesterId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().data.length).toBeGreaterThan(0); // the earlier free-form request
    expect(list.json().data.map((r: { subject: string }) => r.subject)).not.toContain('Typed');
  });

  it('merges a change into the stored values and asks for required fields before solving', async () => {
    const created = await call('POST', '/requests', {
      subject: 'Food parcel',
      requesterId,
      customFields: { referred_by: 'school', visit_on: '2026-12-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const solve = await call('PATCH', `/requests/${id}`, { status: 'solved' });
    expect(solve.statusCode).toBe(422);
    expect(solve.json().error.details).toEqual([
      { path: 'customFields.household_size', message: 'Household size is required to solve' },
    ]);
    const filled = await call('PATCH', `/requests/${id}`, {
      customFields: { household_size: 4, visit_on: null },
    });
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json().customFields).toEqual({
      referred_by: 'school',
      visit_on: null,
      household_size: 4,
    });
    expect((await call('PATCH', `/requests/${id}`, { status: 'solved' })).statusCode).toBe(200);
  });
});
