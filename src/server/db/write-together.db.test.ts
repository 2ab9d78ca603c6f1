import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../tests/support/database';
import { buildContact, buildOrg } from '../../../tests/support/factories';
import type { Database } from './connection';
import { queryRows } from './connection';
import { intakeContext } from './repositories/intake';
import { interactions, jobs, requests } from './schema';
import { insertRows, writeTogether } from './write-together';

let database: Database;
let orgId: string;
let contactId: string;
beforeAll(async () => {
  database = await testDatabase();
  const org = await buildOrg(database.db);
  orgId = org.id;
  contactId = (await buildContact(database.db, org)).id;
});
afterAll(() => database.close());

const requestRow = (number: number) => ({
  id: randomUUID(),
  orgId,
  number,
  subject: `Subject ${number}`,
  channel: 'api' as const,
  requesterId: contactId,
  tags: ['urgent', 'two words'],
  customFields: { household: 4, note: 'ä "quoted"' },
  createdAt: new Date('2026-11-24T10:00:00.000Z'),
});

describe('writeTogether and insertRows', () => {
  it('writes a parent and the children that name it in one statement, values intact', async () => {
    const r = requestRow(900_001);
    await writeTogether(database.db, [
      insertRows(requests, [r]),
      insertRows(interactions, [
        {
          orgId,
          contactId,
          kind: 'request',
          channel: 'api',
          direction: 'inbound',
          summary: 'one',
          sourceType: 'request',
          sourceId: r.id,
          occurredAt: r.createdAt,
        },
      ]),
    ]);
    const [row] = await database.db.select().from(requests).where(eq(requests.id, r.id));
    expect(row).toMatchObject({
      tags: ['urgent', 'two words'],
      customFields: { household: 4, note: 'ä "quoted"' },
      createdAt: r.createdAt,
      status: 'new', // left out: the column default applies
      description: '',
      version: 1,
    });
    const children = await database.db
      .select()
      .from(interactions)
      .where(and(eq(interactions.orgId, orgId), eq(interactions.sourceId, r.id)));
    expect(children).toHaveLength(1);
  });

  it('writes nothing at all when one part fails', async () => {
    const r = requestRow(900_002);
    await expect(
      writeTogether(database.db, [
        insertRows(requests, [r]),
        insertRows(requests, [{ ...requestRow(900_002) }]), // same number: unique violation
      ]),
    ).rejects.toThrow();
    expect(await database.db.select().from(requests).where(eq(requests.id, r.id))).toHaveLength(0);
  });

  it('applies an ON CONFLICT clause to every row', async () => {
    const key = `test:${randomUUID()}`;
    const upsert = (runAt: Date) =>
      insertRows(
        jobs,
        [{ orgId, name: 'test.noop', key, payload: { n: 1 }, runAt }],
        sql`on conflict (key) do update set run_at = excluded.run_at`,
      );
    await writeTogether(database.db, [upsert(new Date('2030-01-01T00:00:00Z'))]);
    await writeTogether(database.db, [upsert(new Date('2030-01-02T00:00:00Z'))]);
    const rows = await database.db.select().from(jobs).where(eq(jobs.key, key));
    expect(rows.map((j) => j.runAt.toISOString())).toEqual(['2030-01-02T00:00:00.000Z']);
  });

  it('sends its notices on commit', async () => {
    const heard: (string | undefined)[] = [];
    const stop = await database.listen('tend_test_notice', (p) => heard.push(p));
    try {
      await writeTogether(database.db, [], [{ channel: 'tend_test_notice', payload: 'hello' }]);
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual(['hello']);
    } finally {
      await stop();
    }
  });

  it('sends the notices of writes outside a transaction after their commit, every one of many at once, none of a failed write', async () => {
    const heard: string[] = [];
    const stop = await database.listen('tend_test_after', (p) => heard.push(p ?? ''));
    try {
      const rows = Array.from({ length: 12 }, (_, i) => requestRow(9100 + i));
      await Promise.all(
        rows.map((row) =>
          writeTogether(
            database.db,
            [insertRows(requests, [row])],
            [{ channel: 'tend_test_after', payload: row.id }],
          ),
        ),
      );
      await expect.poll(() => heard.length, { timeout: 5_000 }).toBe(12);
      expect(new Set(heard)).toEqual(new Set(rows.map((r) => r.id)));
      const failed = writeTogether(
        database.db,
        [insertRows(requests, [requestRow(9100)])], // the number is taken: unique violation
        [{ channel: 'tend_test_after', payload: 'failed' }],
      );
      await expect(failed).rejects.toThrow();
      await writeTogether(database.db, [], [{ channel: 'tend_test_after', payload: 'last' }]);
      await expect.poll(() => heard.at(-1), { timeout: 5_000 }).toBe('last');
      expect(heard).not.toContain('failed');
    } finally {
      await stop();
    }
  });

  it('sends the notices of writes inside a transaction only when it commits', async () => {
    const heard: string[] = [];
    const stop = await database.listen('tend_test_tx', (p) => heard.push(p ?? ''));
    try {
      await expect(
        database.db.transaction(async (tx) => {
          await writeTogether(
            tx,
            [insertRows(requests, [requestRow(9200)])],
            [{ channel: 'tend_test_tx', payload: 'rolled back' }],
          );
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      await database.db.transaction((tx) =>
        writeTogether(
          tx,
          [insertRows(requests, [requestRow(9201)])],
          [{ channel: 'tend_test_tx', payload: 'committed' }],
        ),
      );
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual(['committed']);
    } finally {
      await stop();
    }
  });
});

describe('ids', () => {
  it('are time-ordered UUIDs (version 7) by default, in creation order', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [row] = await database.db
        .insert(interactions)
        .values({
          orgId,
          contactId,
          kind: 'note',
          channel: 'system',
          direction: 'internal',
          summary: `Ordered ${i}`,
          occurredAt: new Date(),
        })
        .returning({ id: interactions.id });
      made.push(row!.id);
      await new Promise((r) => setTimeout(r, 2)); // the next millisecond
    }
    expect(made.every((id) => id[14] === '7')).toBe(true);
    expect([...made].sort()).toEqual(made);
  });
});

describe('round-robin tickets', () => {
  it('come from a sequence per team: every concurrent take gets its own, from 0', async () => {
    const [team] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into teams (org_id, name, strategy) values (${orgId}, 'Tickets', 'round_robin')
        returning id`,
    );
    const tickets = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const [row] = await queryRows<{ t: string }>(
          database.db,
          sql`select tend_next_team_ticket(${team!.id}) as t`,
        );
        return Number(row!.t);
      }),
    );
    expect([...tickets].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

/** A request number as intake takes it (its context query draws the next from the sequence). */
const takeRequestNumber = async (db: Database['db'], orgId: string) =>
  (await intakeContext(db, orgId, { requesterIds: [randomUUID()], count: 1 })).numbers[0]!;

describe('request numbers', () => {
  it('are unique and increasing under concurrent takes, and an organization starts at 1001', async () => {
    const fresh = (await buildOrg(database.db)).id;
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () => takeRequestNumber(database.db, fresh)),
    );
    expect(new Set(numbers).size).toBe(20);
    expect(Math.min(...numbers)).toBe(1001);
    expect(Math.max(...numbers)).toBe(1020);
  });

  it('are counted per organization', async () => {
    const [a, b] = [(await buildOrg(database.db)).id, (await buildOrg(database.db)).id];
    await takeRequestNumber(database.db, a);
    expect(await takeRequestNumber(database.db, a)).toBe(1002);
    expect(await takeRequestNumber(database.db, b)).toBe(1001);
    const [seq] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from pg_class where relkind = 'S' and relname = ${`request_number_${a.replace(/-/g, '')}`}`,
    );
    expect(seq!.n).toBe(1);
  });
});
