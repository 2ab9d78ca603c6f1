/** The giving part of the benchmark dataset: gifts loaded with COPY, and the donor-list probes. */
import { sql } from 'drizzle-orm';
import { newId } from '../src/core/ids';
import { seededRandom } from '../src/core/random';
import { queryRows, type Database } from '../src/server/db/connection';
import { percentile, tenth, timedGet } from './lib';

// What a small charity's gift book looks like over six years: mostly one-time gifts and monthly
// installments by bank transfer or card, a few larger ones, about one in a hundred refunded.
const kinds = [
  ...Array<string>(6).fill('one_time'),
  ...Array<string>(3).fill('recurring'),
  'in_kind',
];
const methods = ['bank_transfer', 'card', 'card', 'direct_debit', 'cash', 'cheque'];
const amounts = [500, 1000, 1500, 2000, 2500, 5000, 5000, 10000, 25000, 100000];

/**
 * Loads `count` gifts over the last six years from the donors among an organization's contacts
 * (two in three contacts give; a few give often) with COPY, a refund on ~1 % of them, one fund
 * every gift is designated to, then ANALYZE. Answers the fund and a sample of donors.
 */
export async function seedGifts(
  database: Database,
  orgId: string,
  count: number,
  now: number,
): Promise<{ fundId: string; donors: string[] }> {
  const contacts = (
    await queryRows<{ id: string }>(
      database.db,
      sql`select id from contacts where org_id = ${orgId} order by id`,
    )
  ).map((r) => r.id);
  const r = seededRandom(7);
  const donors = contacts.filter(() => r.chance(2 / 3));
  const fundId = newId();
  await database.db.execute(
    sql`insert into funds (id, org_id, name, restricted) values (${fundId}, ${orgId}, 'General', false)`,
  );
  const giftColumns = [
    'id',
    'org_id',
    'contact_id',
    'kind',
    'amount',
    'currency',
    'received_on',
    'payment_method',
    'details',
    'created_at',
  ];
  const chunk = 50_000;
  for (let start = 0; start < count; start += chunk) {
    const gifts: string[] = [];
    const allocations: string[] = [];
    const refunds: string[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) {
      const id = newId();
      // A skewed choice: the first tenth of the donors give half of the gifts.
      const donor = r.chance(0.5)
        ? donors[r.int(0, Math.max(0, Math.floor(donors.length / 10) - 1))]!
        : r.pick(donors);
      const day = new Date(now - r.int(0, 6 * 365) * 86_400_000);
      const receivedOn = day.toISOString().slice(0, 10);
      const amount = r.pick(amounts);
      gifts.push(
        [
          id,
          orgId,
          donor,
          r.pick(kinds),
          amount,
          'EUR',
          receivedOn,
          r.pick(methods),
          '"{}"',
          day.toISOString(),
        ].join(','),
      );
      allocations.push([newId(), orgId, id, fundId, amount].join(','));
      if (r.chance(0.01))
        refunds.push([newId(), orgId, id, 'refund', -amount, receivedOn].join(','));
    }
    await database.copyCsv('gifts', giftColumns, gifts.join('\n'));
    await database.copyCsv(
      'gift_allocations',
      ['id', 'org_id', 'gift_id', 'fund_id', 'amount'],
      allocations.join('\n'),
    );
    await database.copyCsv(
      'gift_adjustments',
      ['id', 'org_id', 'gift_id', 'kind', 'delta', 'occurred_on'],
      refunds.join('\n'),
    );
  }
  await database.db.execute(sql`analyze gifts`);
  await database.db.execute(sql`analyze gift_allocations`);
  await database.db.execute(sql`analyze gift_adjustments`);
  const sample = Array.from({ length: 50 }, () => r.pick(donors));
  return { fundId, donors: sample };
}

/**
 * p50 and p95 of the LYBUNT and SYBUNT lists' first page (50 donors) and of the giving summary
 * of sampled donors, over HTTP, sequential, after a warm-up round.
 */
export async function givingFigures(url: string, token: string, donors: string[], rounds: number) {
  const lapsed: number[] = [];
  const summaries: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const which of ['lybunt', 'sybunt']) {
      const ms = await timedGet(`${url}/api/v1/gifts/${which}?limit=50`, token);
      if (round > 0 && which === 'lybunt') lapsed.push(ms);
    }
    for (const donor of donors) {
      const ms = await timedGet(`${url}/api/v1/contacts/${donor}/giving`, token);
      if (round > 0) summaries.push(ms);
    }
  }
  return {
    lybuntP50: tenth(percentile(lapsed, 0.5)),
    lybuntP95: tenth(percentile(lapsed, 0.95)),
    givingP50: tenth(percentile(summaries, 0.5)),
    givingP95: tenth(percentile(summaries, 0.95)),
  };
}
