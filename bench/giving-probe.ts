/**
 * `npm run bench:giving-probe`: the giving summary's time over HTTP on the quick bench's data
 * (10,000 contacts, 500,000 gifts: the busiest donors have ~470 gifts), on PostgreSQL when
 * BENCH_DATABASE_URL names a scratch database, else on PGlite in PROBE_DIR (default: a folder
 * in the system's temporary folder). The data is loaded once and kept there (SEED=1 loads it
 * anew); each of ROUNDS rounds prints the summary's p50/p95 as the bench measures it. CPU_PROF=1
 * writes a V8 CPU profile of the server into ./bench/results/profile.
 * Not a figure of `npm run bench`: a tool for working on the summary's budget.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/core/clock';
import { openDatabase, queryRows } from '../src/server/db/connection';
import { seedContacts } from '../src/server/demo/seed';
import { benchDeskOrg } from './desk-org';
import { givingFigures, seedGifts } from './gifts';
import { percentile, startChild, tenth, timedGet } from './lib';

const pgUrl = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.PROBE_DIR ?? join(tmpdir(), 'tend-giving-probe');
const root = join(import.meta.dirname, '..');
const database = await openDatabase(
  pgUrl ? { url: pgUrl } : { dataDir, command: 'npm run bench:giving-probe' },
);
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
  if (!pgUrl) await database.db.execute(sql`vacuum`); // what the nightly housekeeping does
}
await database.close();

const tend = await startChild(
  'node',
  [
    ...(process.env.CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/profile')}`]
      : []),
    join(root, 'bin/tend.js'),
    'serve',
    '--port',
    '0',
  ],
  {
    TEND_DEMO: 'off',
    LOG_LEVEL: 'warn',
    SMTP_LISTEN: 'off',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : { TEND_DATA_DIR: dataDir }),
  },
  /Tend listens on (http:\/\/\S+)/,
);
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const f = await givingFigures(tend.url, state.token, state.donors, 5);
  console.log(
    `HTTP giving summary p50 ${f.givingP50} ms, p95 ${f.givingP95} ms (lybunt p95 ${f.lybuntP95} ms)`,
  );
  const page = await contactPages(tend.url, state.token, state.donors);
  console.log(`HTTP contact page (GET /contacts/{id}) p50 ${page.p50} ms, p95 ${page.p95} ms`);
}
await tend.stop();

/** GET /api/v1/contacts/{id} of the sampled donors, five times each after a warm-up round. */
async function contactPages(url: string, token: string, donors: string[]) {
  const times: number[] = [];
  for (let round = 0; round <= 5; round++) {
    for (const donor of donors) {
      const ms = await timedGet(`${url}/api/v1/contacts/${donor}`, token);
      if (round > 0) times.push(ms);
    }
  }
  return { p50: tenth(percentile(times, 0.5)), p95: tenth(percentile(times, 0.95)) };
}
