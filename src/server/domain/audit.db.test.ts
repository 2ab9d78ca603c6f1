import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock';
import { testDatabase } from '../../../tests/support/database';
import { actorFor, buildContact, buildOrg, buildUser } from '../../../tests/support/factories';
import type { Database } from '../db/connection';
import { listAudit } from '../db/repositories/audit';
import { auditLog } from '../db/schema';
import { issueToken, revokeApiToken } from './auth/tokens';
import { deleteContact } from './contacts/delete-contact';
import { createHousehold, updateHousehold } from './contacts/households';
import { addRelationship, removeRelationship } from './contacts/relationships';
import { updateContact } from './contacts/update-contact';
import { logInteraction } from './timeline/timeline';
import { changeUser } from './users/update-user';

let database: Database;
const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('audit log', () => {
  it('records every create, update and delete with the actor, before and after', async () => {
    const db = database.db;
    const org = await buildOrg(db);
    const admin = await buildUser(db, org, 'admin');
    const actor = actorFor(admin);
    const agent = await buildUser(db, org, 'agent');
    const a = await buildContact(db, org);
    const b = await buildContact(db, org);
    await updateContact(db, clock, actor, a.id, { tags: ['vip'] });
    const hh = await createHousehold(db, clock, actor, 'Home');
    await updateHousehold(db, clock, actor, hh.id, 'Home 2');
    const rel = await addRelationship(db, actor, a.id, { type: 'sibling', toContactId: b.id });
    await removeRelationship(db, actor, a.id, rel.id);
    await logInteraction(db, clock, actor, a.id, {
      kind: 'call',
      channel: 'phone',
      direction: 'inbound',
      summary: 'hello',
    });
    await changeUser(db, actor, agent.id, { role: 'manager' });
    const token = await issueToken(db, clock, actor, { userId: admin.id, name: 'ci' });
    await revokeApiToken(db, clock, actor, token.row.id);
    await deleteContact(db, clock, actor, b.id);

    const entries = (await listAudit(db, org.id, { limit: 100 })).reverse();
    const summary = entries.map((e) => `${e.action} ${e.entityType}`);
    expect(summary).toEqual([
      'create organization',
      'create user',
      'create user',
      'create contact',
      'create contact',
      'update contact',
      'create household',
      'update household',
      'create relationship',
      'delete relationship',
      'create interaction',
      'update user',
      'create api_token',
      'update api_token',
      'delete contact',
    ]);
    const update = entries.find((e) => e.action === 'update' && e.entityType === 'contact')!;
    expect(update.actorId).toBe(admin.id);
    expect(update.before).toMatchObject({ tags: [] });
    expect(update.after).toMatchObject({ tags: ['vip'] });
    const roleChange = entries.find((e) => e.entityType === 'user' && e.action === 'update')!;
    expect(roleChange.before).toMatchObject({ role: 'agent' });
    expect(roleChange.after).toMatchObject({ role: 'manager' });
    expect(JSON.stringify(entries)).not.toContain('argon2');
  });

  it('cannot be changed or emptied, not even with SQL', async () => {
    const org = await buildOrg(database.db);
    await expect(
      database.db.update(auditLog).set({ action: 'update' }).where(eq(auditLog.orgId, org.id)),
    ).rejects.toThrow();
    await expect(database.db.delete(auditLog).where(eq(auditLog.orgId, org.id))).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await listAudit(database.db, org.id, { limit: 10 })).toHaveLength(1);
  });
});
