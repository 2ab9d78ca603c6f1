/** The service-desk part of the benchmark dataset: requests loaded with COPY, and the queue probe. */
import { newId } from '../src/core/ids';
import { sql } from 'drizzle-orm';
import { seededRandom } from '../src/core/random';
import { queryRows, type Database } from '../src/server/db/connection';
import { percentile, tenth, timedGet } from './lib';

// A year of a desk: most requests are long closed; a few per cent are still open.
const statuses = [
  ...Array<string>(2).fill('new'),
  ...Array<string>(4).fill('open'),
  ...Array<string>(2).fill('waiting_on_requester'),
  'on_hold',
  ...Array<string>(8).fill('solved'),
  ...Array<string>(83).fill('closed'),
];
const categories = [
  'food',
  'food',
  'food',
  'housing',
  'housing',
  'benefits',
  'volunteering',
  'donation',
  'legal',
  'other',
];
const channels = ['web', 'email', 'email', 'phone', 'walk_in', 'portal'];
const priorities = ['normal', 'normal', 'normal', 'low', 'high', 'urgent'];

/**
 * Loads `count` requests over a year for an organization's contacts with COPY (skewed statuses,
 * categories and channels; open ones carry a next due time), then ANALYZE.
 */
export async function seedRequests(
  database: Database,
  orgId: string,
  count: number,
  now: number,
): Promise<void> {
  const contacts = (
    await queryRows<{ id: string }>(
      database.db,
      sql`select id from contacts where org_id = ${orgId}`,
    )
  ).map((r) => r.id);
  const r = seededRandom(99);
  const columns = [
    'id',
    'org_id',
    'number',
    'subject',
    'description',
    'category',
    'priority',
    'status',
    'channel',
    'requester_id',
    'next_due_at',
    'breached',
    'created_at',
    'updated_at',
  ];
  const clockColumns = [
    'org_id',
    'subject_type',
    'subject_id',
    'target',
    'minutes',
    'state',
    'due_at',
    'started_at',
    'fulfilled_at',
    'kept',
  ];
  const chunk = 50_000;
  for (let start = 0; start < count; start += chunk) {
    const lines: string[] = [];
    // Every request of a real desk has its promise clocks: one first-response clock each.
    const clocks: string[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const status = r.pick(statuses);
      const created = new Date(now - r.int(0, 365 * 86_400) * 1000).toISOString();
      const open = status !== 'solved' && status !== 'closed';
      const due = open ? new Date(now + r.int(-3 * 86_400, 5 * 86_400) * 1000).toISOString() : '';
      const id = newId();
      const answered = new Date(Date.parse(created) + r.int(600, 86_400) * 1000).toISOString();
      clocks.push(
        [
          orgId,
          'request',
          id,
          'first_response',
          480,
          open ? 'running' : 'fulfilled',
          open ? due : '',
          created,
          open ? '' : answered,
          open ? '' : r.chance(0.85) ? 't' : 'f',
        ].join(','),
      );
      lines.push(
        [
          id,
          orgId,
          100_000 + i,
          `Request ${i}`,
          'Generated for the benchmark',
          r.pick(categories),
          r.pick(priorities),
          status,
          r.pick(channels),
          r.pick(contacts),
          due,
          open && r.chance(0.1) ? 't' : 'f',
          created,
          created,
        ].join(','),
      );
    }
    await database.copyCsv('requests', columns, lines.join('\n'));
    await database.copyCsv('promise_clocks', clockColumns, clocks.join('\n'));
  }
  await database.db.execute(
    sql`select setval(tend_request_sequence(${orgId})::regclass, ${100_000 + count})`,
  );
  await database.db.execute(sql`analyze requests`);
  await database.db.execute(sql`analyze promise_clocks`);
}

/** p50 and p95 of the queue views (first page, 50 rows) and of the counts. */
export async function queueFigures(url: string, token: string, rounds: number) {
  const views = [
    'all',
    'unassigned',
    'due_soon',
    'breached',
    'waiting',
    'all&category=housing',
    'all&priority=urgent',
  ];
  const times: number[] = [];
  const countTimes: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const view of views) {
      const ms = await timedGet(`${url}/api/v1/requests?limit=50&view=${view}`, token);
      if (round > 0) times.push(ms);
    }
    const ms = await timedGet(`${url}/api/v1/requests/counts`, token);
    if (round > 0) countTimes.push(ms);
  }
  return {
    p50: tenth(percentile(times, 0.5)),
    p95: tenth(percentile(times, 0.95)),
    countsP95: tenth(percentile(countTimes, 0.95)),
  };
}
