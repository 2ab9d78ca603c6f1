import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock';
import { testDatabase } from '../../../../tests/support/database';
import { buildContact, buildOrg } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { insertInboundAddress } from '../../db/repositories/organizations';
import { systemActor } from '../actor';
import { createRequest } from '../requests/create-request';
import { destinationOf } from './inbound';
import { replyAddressOf } from './outbox';

const deps = { secret: 'a-secret-long-enough-for-the-reply-tokens-000', domain: 'reply.tend.test' };
let database: Database;
let requestId: string;
let orgId: string;
let own: string;

beforeAll(async () => {
  database = await testDatabase();
  const org = await buildOrg(database.db);
  orgId = org.id;
  own = `help${org.slug.replace(/[^a-z0-9]/g, '').slice(-8)}@foodbank.test`;
  await insertInboundAddress(database.db, org.id, own);
  const contact = await buildContact(database.db, org);
  requestId = (
    await createRequest(database.db, fixedClock(new Date()), systemActor(org.id), {
      subject: 'Coat',
      description: '',
      requesterId: contact.id,
      priority: 'normal',
      channel: 'api',
      tags: [],
      customFields: {},
    })
  ).id;
});
afterAll(() => database.close());

describe('reply addresses', () => {
  it('use the organization’s own inbound address, with the signed token after a plus', async () => {
    const address = replyAddressOf(deps, requestId, [own]);
    const [local, domain] = own.split('@');
    expect(address).toMatch(new RegExp(`^${local}\\+[a-z2-7]{42}@${domain!.replace('.', '\\.')}$`));
    expect(await destinationOf(database.db, deps, address)).toEqual({
      orgId,
      requestId,
      verifiedToken: true,
      staffUserId: null,
    });
  });

  it('fall back to the installation’s reply domain when the organization has no usable address', async () => {
    const address = replyAddressOf(deps, requestId, []);
    expect(address).toMatch(/^reply\+[a-z2-7]{42}@reply\.tend\.test$/);
    expect((await destinationOf(database.db, deps, address))?.requestId).toBe(requestId);
    expect(replyAddressOf(deps, requestId, ['a.very.long.mailbox.name.indeed@x.test'])).toMatch(
      /@reply\.tend\.test$/,
    );
  });

  it('are refused with a token moved onto an address the request’s organization does not own', async () => {
    const token = replyAddressOf(deps, requestId, [own]).split('+')[1]!.split('@')[0]!;
    expect(await destinationOf(database.db, deps, `help+${token}@elsewhere.test`)).toBeUndefined();
  });

  it('are refused when the token is altered or signed with another secret', async () => {
    const address = replyAddressOf(deps, requestId, [own]);
    const altered = address.replace(/\+(.)/, (_m, c: string) => `+${c === 'a' ? 'b' : 'a'}`);
    expect(await destinationOf(database.db, deps, altered)).toBeUndefined();
    const other = { ...deps, secret: 'another-secret-long-enough-for-reply-tokens-1' };
    expect(await destinationOf(database.db, other, address)).toBeUndefined();
  });
});
