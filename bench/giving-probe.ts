/**
 * `npm run bench:giving-probe` (PostgreSQL only, BENCH_DATABASE_URL = a scratch database): the
 * giving summary's time over HTTP on the quick bench's data (10,000 contacts, 500,000 gifts: the
 * busiest donors have ~470 gifts). The data is loaded once and kept in that database (SEED=1
 * loads it anew); each of ROUNDS rounds prints the summary's p50/p95 as the bench measures it.
 * Not a figure of `npm run bench`: a tool for working on the summary's budget.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/core/clock';
import { openDatabase, queryRows } from '../src/server/db/connection';
import { seedContacts } from '../src/server/demo/seed';
import { benchDeskOrg } from './desk-org';
import { givingFigures, seedGifts } from './gifts';
import { startChild } from './lib';

const pgUrl = process.env.BENCH_DATABASE_URL;
if (!pgUrl) throw new Error('BENCH_DATABASE_URL (a scratch PostgreSQL database) is required');
const root = join(import.meta.dirname, '..');
const database = await openDatabase({ url: pgUrl });
await database.migrate();
await database.db.execute(sql`create table if not exists giving_probe (value jsonb not null)`);
let state = (
  await queryRows<{ value: { token: string; orgId: string; donors: string[] } }>(
    database.db,
    sql`select value from giving_probe`,
  )
)[0]?.value;
if (!state || process.env.SEED) {
  const { org, token } = await benchDeskOrg(database, 'Giving probe');
  await database.db.transaction((tx) => seedContacts(tx, systemClock, org.id, { count: 10_000 }));
  const giving = await seedGifts(
    database,
    org.id,
    Number(process.env.GIFTS ?? 500_000),
    Date.now(),
  );
  state = { token, orgId: org.id, donors: giving.donors };
  await database.db.execute(sql`delete from giving_probe`);
  await database.db.execute(sql`insert into giving_probe values (${JSON.stringify(state)}::jsonb)`);
  await database.db.execute(sql`analyze`);
}
await database.close();

const tend = await startChild(
  'node',
  [join(root, 'bin/tend.js'), 'serve', '--port', '0'],
  { TEND_DEMO: 'off', LOG_LEVEL: 'warn', DATABASE_URL: pgUrl, SMTP_LISTEN: 'off' },
  /Tend listens on (http:\/\/\S+)/,
);
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const f = await givingFigures(tend.url, state.token, state.donors, 5);
  console.log(
    `HTTP giving summary p50 ${f.givingP50} ms, p95 ${f.givingP95} ms (lybunt p95 ${f.lybuntP95} ms)`,
  );
}
await tend.stop();
