import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { buildOrg } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { systemActor, type Actor } from '../actor';
import { createPerson } from './create-contact';

let database: Database;
let actor: Actor;
const clock = fixedClock(new Date('2026-11-30T08:00:00Z'));

beforeAll(async () => {
  database = await testDatabase();
  actor = systemActor((await buildOrg(database.db)).id);
});
afterAll(() => database.close());

describe('a person known only by the name they typed', () => {
  it('gets the first word as given name and the rest as family name', async () => {
    const person = await database.db.transaction((tx) =>
      createPerson(tx, clock, actor, ' Ana María  López ', {
        roles: ['donor'],
        emails: [{ address: 'ana.lopez@example.org' }],
      }),
    );
    expect(person).toMatchObject({
      kind: 'person',
      name: 'Ana María  López',
      givenName: 'Ana',
      familyName: 'María López',
      roles: ['donor'],
    });
    const single = await database.db.transaction((tx) =>
      createPerson(tx, clock, actor, 'Cher', { roles: ['client'] }),
    );
    expect(single).toMatchObject({ name: 'Cher', givenName: 'Cher', familyName: null });
  });
});
