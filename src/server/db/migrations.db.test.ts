import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows, type Database } from './connection';

async function tables(database: Database): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

const expectedTables = [
  'alerts',
  'api_tokens',
  'audit_log',
  'calendars',
  'canned_replies',
  'contact_addresses',
  'contact_emails',
  'contact_levels',
  'contact_phones',
  'contacts',
  'desk_settings',
  'donations',
  'donor_levels',
  'files',
  'funds',
  'gift_adjustments',
  'gift_allocations',
  'gift_settings',
  'gift_soft_credits',
  'gift_thanks',
  'gifts',
  'giving_years',
  'households',
  'idempotency_keys',
  'impact_updates',
  'inbound_emails',
  'interactions',
  'jobs',
  'org_inbound_addresses',
  'organizations',
  'outbox',
  'portal_sessions',
  'portal_sign_ins',
  'programs',
  'promise_clock_events',
  'promise_clocks',
  'promise_policies',
  'receipt_counters',
  'receipts',
  'relationships',
  'request_attachments',
  'request_links',
  'request_messages',
  'requests',
  'routing_rules',
  'server_settings',
  'sessions',
  'team_line_episodes',
  'team_members',
  'teams',
  'thanks_templates',
  'users',
];

describe('migrations', () => {
  it('build the whole schema from an empty PGlite, and running them again changes nothing', async () => {
    const database = await openDatabase({ memory: true });
    expect(await database.migrationState()).toMatchObject({ applied: 0 });
    await database.migrate();
    await database.migrate();
    const state = await database.migrationState();
    expect(state.applied).toBe(state.expected);
    expect(await tables(database)).toEqual(expectedTables);
    await database.close();
  }, 60_000);

  it.runIf(inject('testDatabaseUrl'))(
    'build the same schema from an empty PostgreSQL database',
    async () => {
      const admin = new pg.Client({ connectionString: inject('testDatabaseUrl') });
      await admin.connect();
      const name = `tend_migrate_${randomUUID().slice(0, 8)}`;
      await admin.query(`create database ${name}`);
      try {
        const url = new URL(inject('testDatabaseUrl'));
        url.pathname = `/${name}`;
        const database = await openDatabase({ url: url.toString() });
        await database.migrate();
        expect(await tables(database)).toEqual(expectedTables);
        const state = await database.migrationState();
        expect(state.applied).toBe(state.expected);
        await database.close();
      } finally {
        await admin.query(`drop database ${name}`);
        await admin.end();
      }
    },
    60_000,
  );
});
