/**
 * `npm run bench [-- --quick]`: Tend measured against baselines run in the same process and
 * moment, reported as ratios. Writes bench/results/latest.json and the figures in bench/README.md.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { calendarFromInput, due, naiveDue } from '../src/core/business-time';
import { seededRandom } from '../src/core/random';
import { systemClock } from '../src/core/clock';
import { openDatabase, queryRows, type Database } from '../src/server/db/connection';
import { contacts } from '../src/server/db/schema';
import { buildSeedRows, insertInBatches, seedContacts } from '../src/server/demo/seed';
import { createOrganization } from '../src/server/domain/orgs/create-organization';
import { benchDeskOrg } from './desk-org';
import { peakRssMiB, percentile, postLoad, rate, startChild } from './lib';
import { ensureWebBuild } from '../src/server/web-build';
import { givingFigures, seedGifts } from './gifts';
import { queueFigures, seedRequests } from './requests';

const quick = process.argv.includes('--quick');
const size = Number(process.env.BENCH_CONTACTS ?? (quick ? 10_000 : 100_000));
const requestCount = Number(process.env.BENCH_REQUESTS ?? (quick ? 100_000 : 1_000_000));
const giftCount = Number(process.env.BENCH_GIFTS ?? 500_000);
const loadSeconds = quick ? 8 : 20;
const pgUrl = process.env.BENCH_DATABASE_URL;
const root = join(import.meta.dirname, '..');
const log = (line: string) => process.stderr.write(`${line}\n`);
const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

type Figure = {
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  budget?: string;
  met?: boolean;
};
const figures: Record<string, Figure> = {};

async function prepare(database: Database) {
  await database.migrate();
  const { org, token } = await benchDeskOrg(database, 'Bench');
  log(`seeding ${size} contacts…`);
  const t0 = performance.now();
  await database.db.transaction((tx) => seedContacts(tx, systemClock, org.id, { count: size }));
  await database.db.execute(sql`analyze`);
  log(`  seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  log(`loading ${requestCount} requests (COPY)…`);
  const t1 = performance.now();
  await seedRequests(database, org.id, requestCount, Date.now());
  log(`  loaded in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  log(`loading ${giftCount} gifts (COPY)…`);
  const t2 = performance.now();
  const giving = await seedGifts(database, org.id, giftCount, Date.now());
  log(`  loaded in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  // Vacuumed, with statistics of everything the loads filled (giving_years, kept by triggers,
  // among them): what a real installation has after a night (the embedded database's nightly
  // VACUUM ANALYZE job; PostgreSQL's autovacuum).
  await database.db.execute(sql`vacuum analyze`);
  const requester = (
    await queryRows<{ id: string }>(
      database.db,
      sql`select id from contacts where org_id = ${org.id} limit 1`,
    )
  )[0]!.id;
  return { org, token, requester, giving };
}

const copyColumns = [
  'id',
  'org_id',
  'kind',
  'name',
  'given_name',
  'family_name',
  'roles',
  'tags',
  'preferred_language',
  'time_zone',
  'search_text',
  'created_at',
  'updated_at',
];
const csvField = (v: string | null | undefined) =>
  v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`;
const pgArray = (xs: readonly string[]) => `{${xs.join(',')}}`;

/** Tend's bulk insert of contact rows against COPY of the very same rows. */
async function importVersusCopy(database: Database) {
  const n = Math.min(size, 20_000);
  const org = await createOrganization(database.db, { name: `Bench import ${Date.now()}` });
  const rows = buildSeedRows(org.id, n, 7, Date.now()).contacts.map((r) => ({
    ...r,
    householdId: null,
  }));
  await database.db.execute(
    sql.raw('create table if not exists bench_copy (like contacts including defaults)'),
  );
  const t0 = performance.now();
  await database.db.transaction((tx) =>
    insertInBatches(rows, (b) => tx.insert(contacts).values(b)),
  );
  const tend = n / ((performance.now() - t0) / 1000);
  const csv = rows
    .map((r) =>
      [
        r.id,
        r.orgId,
        r.kind,
        r.name,
        r.givenName,
        r.familyName,
        pgArray(r.roles),
        pgArray(r.tags),
        r.preferredLanguage,
        r.timeZone,
        r.searchText,
        r.createdAt.toISOString(),
        r.updatedAt.toISOString(),
      ]
        .map(csvField)
        .join(','),
    )
    .join('\n');
  const t1 = performance.now();
  await database.copyCsv('bench_copy', copyColumns, csv);
  const copy = n / ((performance.now() - t1) / 1000);
  await database.db.execute(sql.raw('drop table bench_copy'));
  figures.contactImport = {
    value: Math.round(tend),
    unit: 'rows/s',
    baseline: { name: 'COPY of the same rows', value: Math.round(copy) },
    ratio: ratio(tend, copy),
  };
}

function clockFigures() {
  const hours = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [
      d,
      [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ] as [string, string][],
    ]),
  );
  const calendar = calendarFromInput({
    timezone: 'Europe/Vilnius',
    hours,
    holidays: ['2026-12-24', '2026-12-25', '2027-01-01'],
  });
  const r = seededRandom(1);
  const starts = Array.from(
    { length: 4096 },
    () => new Date(Date.UTC(2026, 0, 1) + r.int(0, 364 * 86_400) * 1000),
  );
  const spans = Array.from({ length: 4096 }, () => r.int(0, 10 * 7 * 60)); // up to 10 business days
  due(calendar, starts[0]!, 60); // warm the day cache
  const fast = rate(quick ? 1500 : 4000, (i) => due(calendar, starts[i & 4095]!, spans[i & 4095]!));
  const naive = rate(quick ? 1500 : 4000, (i) =>
    naiveDue(calendar, starts[i & 4095]!, spans[i & 4095]!),
  );
  figures.clockDue = {
    value: Math.round(fast),
    unit: 'due()/s',
    baseline: { name: 'naive minute-by-minute due()', value: Math.round(naive * 10) / 10 },
    ratio: ratio(fast, naive),
    budget: '≥ 500,000/s on one core',
    met: fast >= 500_000,
  };
}

/**
 * What the staff console's first page load transfers: the JS and CSS its index.html loads, plus
 * the catalogues of one language (each language is its own chunk, loaded at start; the largest
 * counts), gzipped.
 */
async function webFigures() {
  const dist = await ensureWebBuild(log);
  if (!dist) return;
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!,
  );
  const gz = async (file: string) => gzipSync(await readFile(join(dist, file))).length;
  let bytes = 0;
  for (const a of assets) bytes += await gz(a);
  const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const languages = Object.entries(manifest).filter(([src]) => /i18n\/staff\/\w+\.ts$/.test(src));
  let language = 0;
  for (const [, chunk] of languages) language = Math.max(language, await gz(chunk.file));
  bytes += language;
  const kib = Math.round(bytes / 1024);
  figures.webFirstLoad = {
    value: kib,
    unit: `KiB gzipped (${assets.length} files and the largest of ${languages.length} language chunks)`,
    budget: '< 300 kB JS+CSS gzipped',
    met: bytes < 300_000,
  };
}

async function searchFigures(url: string, token: string) {
  const queries = [
    'sarunas',
    'Kovalenko',
    'grigorenko',
    'José Muñoz',
    'garcia',
    'smith',
    'Олександр',
    'petr',
    '+37061',
    'example.org',
    'kazlauskas rūta',
    'a',
    'zz',
    'shevchenko oksana',
    'sarunas.',
    '8 612',
  ];
  const times: number[] = [];
  const rounds = quick ? 6 : 15;
  for (let round = 0; round <= rounds; round++) {
    for (const q of queries) {
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/contacts?limit=20&q=${encodeURIComponent(q)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status}`);
      if (round > 0) times.push(performance.now() - t); // round 0 warms the caches
    }
  }
  figures.searchP50 = {
    value: Math.round(percentile(times, 0.5) * 10) / 10,
    unit: `ms at ${size} contacts`,
  };
  figures.searchP95 = {
    value: Math.round(percentile(times, 0.95) * 10) / 10,
    unit: `ms at ${size} contacts`,
  };
}

const contactBody = {
  kind: 'person',
  givenName: 'Bench',
  familyName: 'Person',
  emails: [{ address: 'bench.person@example.org' }],
};

/**
 * Before each timed load on PostgreSQL: VACUUM and CHECKPOINT, so that the dataset's bulk load
 * (its write-back, autovacuum, the first writes after a checkpoint logging whole pages) does not
 * land in one contender's timed window and not in another's. Each load then starts alike.
 */
async function settle() {
  if (!pgUrl) return;
  const database = await openDatabase({ url: pgUrl });
  try {
    await database.db.execute(sql`vacuum analyze`);
    await database.db.execute(sql`checkpoint`);
  } finally {
    await database.close();
  }
}

/**
 * A timed load after a 2-second warm-up of the same load and settle(): the tables a create
 * fills (clocks, their events, jobs…) are empty when the dataset is analyzed, and plans made for
 * an empty table — foreign-key checks among them — walk the whole organization once it holds
 * thousands of rows. Autovacuum re-analyzes a table once 50 rows + 10 % changed (within its
 * one-minute naptime); the warm-up and settle() stand for that, so each contender, the bare route
 * too, is timed in the steady state its users see rather than in its first seconds.
 */
async function timedLoad(
  url: string,
  body: object | (() => object),
  headers: Record<string, string>,
): Promise<Awaited<ReturnType<typeof postLoad>>> {
  await postLoad(url, body, headers, 2);
  await settle();
  return postLoad(url, body, headers, loadSeconds);
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'tend-bench-'));
  const started = Date.now();
  try {
    const database = pgUrl
      ? await openDatabase({ url: pgUrl })
      : await openDatabase({ dataDir: join(dir, 'data'), command: 'npm run bench' });
    const { token, requester, giving } = await prepare(database);
    await importVersusCopy(database);
    await database.close();
    // The reads are timed after the bulk load's vacuum too, not while autovacuum works through it.
    await settle();

    log('server: search and create under load…');
    const env = {
      TEND_DEMO: 'off',
      LOG_LEVEL: 'warn',
      ...(pgUrl ? { DATABASE_URL: pgUrl } : { TEND_DATA_DIR: join(dir, 'data') }),
    };
    const tend = await startChild(
      'node',
      [join(root, 'bin/tend.js'), 'serve', '--port', '0'],
      env,
      /Tend listens on (http:\/\/\S+)/,
    );
    await searchFigures(tend.url, token);
    const queue = await queueFigures(tend.url, token, quick ? 8 : 20);
    figures.queueP50 = { value: queue.p50, unit: `ms at ${requestCount} requests` };
    figures.queueP95 = {
      value: queue.p95,
      unit: `ms at ${requestCount} requests`,
      budget: '< 25 ms (at 1M requests / 100k contacts)',
      met: queue.p95 < 25,
    };
    figures.queueCountsP95 = { value: queue.countsP95, unit: 'ms' };
    const lists = await givingFigures(tend.url, token, giving.donors, quick ? 5 : 10);
    figures.lybuntP50 = { value: lists.lybuntP50, unit: `ms at ${giftCount} gifts` };
    figures.lybuntP95 = {
      value: lists.lybuntP95,
      unit: `ms at ${giftCount} gifts`,
      budget: '< 200 ms at 500k gifts',
      met: lists.lybuntP95 < 200,
    };
    figures.givingSummaryP50 = { value: lists.givingP50, unit: 'ms' };
    figures.givingSummaryP95 = {
      value: lists.givingP95,
      unit: 'ms (HTTP included)',
      budget: '< 5 ms',
      met: lists.givingP95 < 5,
    };
    let nextDonor = 0;
    const giftLoad = await timedLoad(
      `${tend.url}/api/v1/gifts`,
      () => ({
        kind: 'one_time',
        contactId: giving.donors[nextDonor++ % giving.donors.length],
        amount: 2500,
        currency: 'EUR',
        receivedOn: new Date().toISOString().slice(0, 10),
        paymentMethod: 'card',
        allocations: [{ fundId: giving.fundId, amount: 2500 }],
      }),
      { authorization: `Bearer ${token}` },
    );
    const requestLoad = await timedLoad(
      `${tend.url}/api/v1/requests`,
      { subject: 'Bench request', requesterId: requester },
      { authorization: `Bearer ${token}` },
    );
    const tendLoad = await timedLoad(`${tend.url}/api/v1/contacts`, contactBody, {
      authorization: `Bearer ${token}`,
    });
    const tendRss = peakRssMiB(tend.child.pid!);
    await tend.stop();

    log('baseline: bare Fastify + zod + one INSERT…');
    const baseEnv = pgUrl
      ? { BENCH_DATABASE_URL: pgUrl }
      : { BENCH_BASELINE_DIR: join(dir, 'baseline') };
    const base = await startChild(
      'node',
      ['--import', 'tsx', join(root, 'bench/baseline-server.ts')],
      baseEnv,
      /listening (http:\/\/\S+)/,
    );
    const baseLoad = await timedLoad(`${base.url}/contacts`, contactBody, {});
    const baseRss = peakRssMiB(base.child.pid!);
    await base.stop();
    if (tendLoad.non2xx + tendLoad.errors > 0 || baseLoad.non2xx + baseLoad.errors > 0)
      throw new Error(`load errors: ${JSON.stringify({ tendLoad, baseLoad })}`);
    if (requestLoad.non2xx + requestLoad.errors > 0)
      throw new Error(`request load errors: ${JSON.stringify(requestLoad)}`);
    if (giftLoad.non2xx + giftLoad.errors > 0)
      throw new Error(`gift load errors: ${JSON.stringify(giftLoad)}`);
    figures.createGiftRate = {
      value: giftLoad.requestsPerSecond,
      unit: 'req/s (10 connections)',
      baseline: { name: 'bare Fastify + zod + 1 INSERT', value: baseLoad.requestsPerSecond },
      ratio: ratio(giftLoad.requestsPerSecond, baseLoad.requestsPerSecond),
      budget: '≥ 0.5 × baseline',
      met: giftLoad.requestsPerSecond >= 0.5 * baseLoad.requestsPerSecond,
    };
    figures.createRequestRate = {
      value: requestLoad.requestsPerSecond,
      unit: 'req/s (10 connections)',
      baseline: { name: 'bare Fastify + zod + 1 INSERT', value: baseLoad.requestsPerSecond },
      ratio: ratio(requestLoad.requestsPerSecond, baseLoad.requestsPerSecond),
      budget: '≥ 0.5 × baseline on PostgreSQL',
      met: pgUrl ? requestLoad.requestsPerSecond >= 0.5 * baseLoad.requestsPerSecond : undefined,
    };
    figures.createContactRate = {
      value: tendLoad.requestsPerSecond,
      unit: 'req/s (10 connections)',
      baseline: { name: 'bare Fastify + zod + 1 INSERT', value: baseLoad.requestsPerSecond },
      ratio: ratio(tendLoad.requestsPerSecond, baseLoad.requestsPerSecond),
    };
    figures.createContactP50 = {
      value: tendLoad.p50Ms,
      unit: 'ms',
      baseline: { name: 'bare route p50', value: baseLoad.p50Ms },
      ratio: ratio(tendLoad.p50Ms, Math.max(baseLoad.p50Ms, 0.1)),
    };
    figures.createContactP99 = {
      value: tendLoad.p99Ms,
      unit: 'ms',
      baseline: { name: 'bare route p99', value: baseLoad.p99Ms },
      ratio: ratio(tendLoad.p99Ms, Math.max(baseLoad.p99Ms, 0.1)),
    };
    figures.serverPeakRss = {
      value: tendRss,
      unit: 'MiB (after load)',
      baseline: { name: 'bare route process', value: baseRss },
      ratio: ratio(tendRss, baseRss),
    };

    log('promise clock…');
    clockFigures();
    log('web app first load…');
    await webFigures();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const result = {
    when: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    database: pgUrl ? 'postgres' : 'pglite',
    contacts: size,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    figures,
  };
  const json = `${JSON.stringify(result, null, 2)}\n`;
  await writeFile(join(root, 'bench/results/latest.json'), json);
  await writeFile(join(root, `bench/results/latest-${result.database}.json`), json);
  await updateReadme(result);
  printTable(result);
}

function printTable(result: { figures: Record<string, Figure> }) {
  const rows = Object.entries(result.figures).map(([name, f]) => [
    name,
    `${f.value} ${f.unit}`,
    f.baseline ? `${f.baseline.value} (${f.baseline.name})` : '—',
    f.ratio === undefined ? '—' : `×${f.ratio}`,
    f.budget
      ? `${f.budget}: ${f.met === undefined ? 'judged on PostgreSQL only' : f.met ? 'met' : 'NOT MET'}`
      : '',
  ]);
  for (const r of rows) console.log(r.join(' | '));
}

async function updateReadme(result: {
  when: string;
  mode: string;
  database: string;
  contacts: number;
  machine: { cpus: number; cpu: string; node: string };
  figures: Record<string, Figure>;
}) {
  const file = join(root, 'bench/README.md');
  const text = await readFile(file, 'utf8');
  const lines = [
    `Run ${result.when} · ${result.mode} · ${result.database} · ${result.contacts} contacts · ${result.machine.cpus} × ${result.machine.cpu} · Node ${result.machine.node}`,
    '',
    '| figure | Tend | baseline | ratio | budget |',
    '|---|---|---|---|---|',
    ...Object.entries(result.figures).map(
      ([name, f]) =>
        `| ${name} | ${f.value} ${f.unit} | ${f.baseline ? `${f.baseline.value} (${f.baseline.name})` : '—'} | ${f.ratio === undefined ? '—' : `×${f.ratio}`} | ${f.budget ? `${f.budget}: **${f.met === undefined ? 'judged on PostgreSQL only' : f.met ? 'met' : 'not met'}**` : '—'} |`,
    ),
  ];
  const tag = `results:${result.database}`;
  const marker = new RegExp(`<!-- ${tag}:start -->[\\s\\S]*<!-- ${tag}:end -->`);
  await writeFile(
    file,
    text.replace(marker, `<!-- ${tag}:start -->\n${lines.join('\n')}\n<!-- ${tag}:end -->`),
  );
}

await main();
