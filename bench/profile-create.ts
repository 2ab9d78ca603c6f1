/**
 * `npm run bench:create-profile` (PostgreSQL only): where the time of POST /api/v1/requests (or,
 * with WHAT=gift, POST /api/v1/gifts) goes.
 * Not a figure of `npm run bench`; a tool for working on its create budget. It sets up an
 * organization with the demo desk in BENCH_DATABASE_URL (use a scratch database), starts
 * `tend serve` as a child, warms it for 2 s, then loads it and prints, per request, the CPU of
 * the Node process and of every PostgreSQL process, and the WAL written.
 *
 *   ANALYZE=1        analyze after the warm-up (plans as they are once autovacuum caught up)
 *   CPU_PROF=1       write a V8 CPU profile of the server into ./bench/results/profile
 *   BASE=1           also load the bare-route baseline the same way
 *   LOAD_SECONDS=8   length of the timed load
 *   PREP_SQL='…'     run this SQL after the warm-up (experiments: drop an index, disable a trigger)
 *   PERF=file.data   record the whole machine with Linux perf (-a -g) during the timed load
 *   WHAT=gift        record gifts (from 200 donors, designated to a fund) instead of requests
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/core/clock';
import { openDatabase, queryRows } from '../src/server/db/connection';
import { seedContacts } from '../src/server/demo/seed';
import { benchDeskOrg } from './desk-org';
import { postLoad, startChild } from './lib';

const pgUrl = process.env.BENCH_DATABASE_URL;
if (!pgUrl) throw new Error('BENCH_DATABASE_URL (a scratch PostgreSQL database) is required');
const root = join(import.meta.dirname, '..');
const seconds = Number(process.env.LOAD_SECONDS ?? 8);
const psql = (query: string) =>
  execFileSync('psql', [pgUrl, '-Atc', query], { encoding: 'utf8' }).trim();

const database = await openDatabase({ url: pgUrl });
await database.migrate();
const { org, token } = await benchDeskOrg(database, 'Profile');
await database.db.transaction((tx) => seedContacts(tx, systemClock, org.id, { count: 2000 }));
await database.db.execute(sql`analyze`);
const people = (
  await queryRows<{ id: string }>(
    database.db,
    sql`select id from contacts where org_id = ${org.id} limit 200`,
  )
).map((r) => r.id);
const requester = people[0]!;
const fundId = (
  await queryRows<{ id: string }>(
    database.db,
    sql`insert into funds (org_id, name, restricted) values (${org.id}, 'General', false) returning id`,
  )
)[0]!.id;
await database.close();
const gifts = process.env.WHAT === 'gift';
let next = 0;
const body = gifts
  ? () => ({
      kind: 'one_time',
      contactId: people[next++ % people.length],
      amount: 2500,
      currency: 'EUR',
      receivedOn: new Date().toISOString().slice(0, 10),
      allocations: [{ fundId, amount: 2500 }],
    })
  : () => ({ subject: 'Profile', requesterId: requester });

const benchDb = new URL(pgUrl).pathname.slice(1);
/**
 * CPU milliseconds (user + system) of PostgreSQL working for this profile: the backends connected
 * to its database and the server's own processes (WAL writer, checkpointer…) — not the backends
 * of other databases, so other work on the machine does not count.
 */
function postgresCpuMs(): { all: number; backends: number } {
  let ticks = 0;
  let backendTicks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const backend = /: \S+ \S+ [\d.]+\(\d+\)/.exec(title);
      if (backend && !title.includes(` ${benchDb} `)) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
      if (backend) backendTicks += Number(f[11]) + Number(f[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return { all: ticks * 10, backends: backendTicks * 10 };
}
/** The machine's CPU ticks (all cores): in all, and idle (idle + iowait). */
const machineCpu = () => {
  const f = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { total: f.reduce((a, b) => a + b, 0), idle: f[3]! + f[4]! };
};
/** CPU milliseconds of a process: user and system (the kernel's side of its socket I/O). */
const processCpuMs = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(f[11]) * 10, system: Number(f[12]) * 10 };
};

/** Loads `url` and prints the rate and each side's CPU per request. */
async function measure(
  name: string,
  pid: number,
  url: string,
  body: object | (() => object),
  auth: boolean,
) {
  psql("select pg_stat_reset_shared('wal')");
  const machine0 = machineCpu();
  const self0 = process.cpuUsage();
  const pg0 = postgresCpuMs();
  const node0 = processCpuMs(pid);
  const nodeMs = (now: { user: number; system: number }) =>
    now.user + now.system - node0.user - node0.system;
  const perf = process.env.PERF
    ? spawn(
        'perf',
        ['record', '-F', '997', '-a', '-g', '-o', process.env.PERF, '--', 'sleep', String(seconds)],
        { stdio: 'ignore' },
      )
    : undefined;
  const load = await postLoad(url, body, auth ? { authorization: `Bearer ${token}` } : {}, seconds);
  const count = load.requestsPerSecond * seconds;
  const pg = postgresCpuMs();
  if (perf) await new Promise((done) => perf.once('exit', done));
  const self = process.cpuUsage(self0);
  const machine = machineCpu();
  const [records, , bytes] = psql('select wal_records, wal_fpi, wal_bytes from pg_stat_wal')
    .split('|')
    .map(Number);
  console.log(
    `${name}: ${load.requestsPerSecond} req/s (p50 ${load.p50Ms} ms, non-2xx ${load.non2xx})` +
      ` · per request: Node ${(nodeMs(processCpuMs(pid)) / count).toFixed(3)} ms` +
      ` (${((processCpuMs(pid).system - node0.system) / count).toFixed(3)} in the kernel),` +
      ` PostgreSQL ${((pg.all - pg0.all) / count).toFixed(3)} ms` +
      ` (${((pg.backends - pg0.backends) / count).toFixed(3)} in backends),` +
      ` WAL ${Math.round(records! / count)} records / ${Math.round(bytes! / count)} bytes` +
      ` · load generator ${((self.user + self.system) / 1000 / count).toFixed(3)} ms,` +
      ` machine busy ${(100 - (100 * (machine.idle - machine0.idle)) / (machine.total - machine0.total)).toFixed(0)} %`,
  );
}

const profile = process.env.CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/results/profile')}`]
  : [];
const tend = await startChild(
  'node',
  [...profile, join(root, 'bin/tend.js'), 'serve', '--port', '0'],
  { TEND_DEMO: 'off', LOG_LEVEL: 'warn', DATABASE_URL: pgUrl, SMTP_LISTEN: 'off' },
  /Tend listens on (http:\/\/\S+)/,
);
const createUrl = `${tend.url}/api/v1/${gifts ? 'gifts' : 'requests'}`;
await postLoad(createUrl, body, { authorization: `Bearer ${token}` }, 2);
if (process.env.ANALYZE) psql('analyze');
if (process.env.PREP_SQL) psql(process.env.PREP_SQL);
await measure(gifts ? 'record gift' : 'create request', tend.child.pid!, createUrl, body, true);
await tend.stop();

if (process.env.BASE) {
  const base = await startChild(
    'node',
    ['--import', 'tsx', join(root, 'bench/baseline-server.ts')],
    { BENCH_DATABASE_URL: pgUrl },
    /listening (http:\/\/\S+)/,
  );
  await measure(
    'bare route',
    base.child.pid!,
    `${base.url}/contacts`,
    {
      kind: 'person',
      givenName: 'Bench',
      familyName: 'Person',
      emails: [{ address: 'bench.person@example.org' }],
    },
    false,
  );
  await base.stop();
}
