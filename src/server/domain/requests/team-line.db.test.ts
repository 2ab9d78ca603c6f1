import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../../tests/support/database';
import { buildOrg } from '../../../../tests/support/factories';
import type { Database } from '../../db/connection';
import { alerts, outbox, teamLineEpisodes } from '../../db/schema';
import { writeTogether } from '../../db/write-together';
import { systemActor } from '../actor';
import { lineChange, lineChangeWrites } from './team-line';
import { createTeam } from './teams';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe('a team line crossing its threshold', () => {
  it('starts one episode, one alert and one email per backup address, even when two writers race', async () => {
    const org = await buildOrg(database.db);
    const team = await createTeam(database.db, systemActor(org.id), {
      name: 'Front desk',
      strategy: 'manual',
      calendarId: null,
      waitingThreshold: 3,
      backupEmails: ['backup@example.org'],
    });
    const row = { ...team, backupEmails: ['backup@example.org'], waitingThreshold: 3 };
    // Both writers read "no episode yet" before either wrote: the stale view of a race.
    const change = lineChange(row, 3, null);
    expect(change).toEqual({ kind: 'start', waiting: 3 });
    const now = new Date('2026-11-24T10:00:00Z');
    for (let i = 0; i < 2; i++)
      await writeTogether(database.db, lineChangeWrites(database.db, org.id, row, change, now));
    const mine = <T extends { orgId: unknown }>(t: T) => eq(t.orgId as never, org.id);
    expect(
      await database.db.select().from(teamLineEpisodes).where(mine(teamLineEpisodes)),
    ).toHaveLength(1);
    expect(
      await database.db
        .select()
        .from(alerts)
        .where(and(mine(alerts), eq(alerts.kind, 'team_line'))),
    ).toHaveLength(1);
    expect(await database.db.select().from(outbox).where(mine(outbox))).toHaveLength(1);
  });
});
