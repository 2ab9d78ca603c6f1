import { getTableColumns, getTableName, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgTransaction, type PgTable } from 'drizzle-orm/pg-core';
import { queryPrepared, type Executor } from './connection';

/**
 * One write of a batch; a named one can be read by the parts after it (`… from name`), e.g. to
 * write a row only when another part's insert took place.
 */
export type Part = SQLWrapper | SQL | { name: string; query: SQL };

/** A NOTIFY to send with a batch of writes (delivered on commit, like any NOTIFY). */
export type Notice = { channel: string; payload: string };

/**
 * Sends several writes as ONE statement: each becomes a data-modifying CTE of
 * `WITH w0 AS (…), w1 AS (…) SELECT …`. One round trip instead of one per write, and atomic on
 * its own: PostgreSQL runs every part or none, and checks foreign keys at the end of the
 * statement, so a child row may name a parent inserted by a sibling part.
 *
 * The parts see the same snapshot: a part cannot read (or change again) a row another part
 * writes. Callers plan final rows first (ids made here, projections computed), then write.
 *
 * Notices: inside a transaction they are NOTIFYs of the statement, delivered on its commit. A
 * statement outside any transaction commits by itself, and its notices follow right after the
 * commit (see notifyAfterCommit): PostgreSQL serializes every committing transaction that
 * notifies — holding a global lock through the commit's disk flush — so a NOTIFY in each create
 * made concurrent creates queue one flush at a time. The caller does not wait for them: they
 * are wake-ups, not data, and waiting would add a round trip to every write.
 * @example await writeTogether(tx, [db.insert(a).values(x), db.insert(b).values(y)])
 */
export async function writeTogether(
  db: Executor,
  parts: readonly Part[],
  notices: readonly Notice[] = [],
): Promise<void> {
  const own = !(db instanceof PgTransaction);
  const inline = own ? [] : notices;
  if (parts.length === 0 && inline.length === 0) {
    if (own && notices.length) void notifyAfterCommit(db, notices);
    return;
  }
  const ctes = parts.map((p, i) =>
    'name' in p
      ? sql`${sql.identifier(p.name)} as (${p.query})`
      : sql`${sql.raw(`w${i}`)} as (${p.getSQL()})`,
  );
  const unique = distinct(inline);
  const select = unique.length
    ? sql.join(
        unique.map((n) => sql`pg_notify(${n.channel}, ${n.payload})`),
        sql`, `,
      )
    : sql`1`;
  await queryPrepared(
    db,
    ctes.length ? sql`with ${sql.join(ctes, sql`, `)} select ${select}` : sql`select ${select}`,
  );
  if (own && notices.length) void notifyAfterCommit(db, notices);
}

const distinct = (notices: readonly Notice[]) => [
  ...new Map(notices.map((n) => [`${n.channel}\u0000${n.payload}`, n])).values(),
];

type NoticeBatch = { notices: Notice[]; sent: Promise<void> };
const gathering = new WeakMap<object, NoticeBatch>();
const sending = new WeakMap<object, Promise<void>>();

/**
 * Sends notices of committed writes. One NOTIFY statement is in flight per database at a time;
 * notices arriving meanwhile gather into the next one, so a busy server sends a few per
 * round trip instead of one each. Its commit skips the disk flush (synchronous_commit off for
 * that transaction alone: a notice is a wake-up, not data), so the global notify lock is held
 * for microseconds. A process that dies between a commit and its notice loses only the wake-up:
 * workers resync on their own timer and browsers on their next refetch.
 */
export function notifyAfterCommit(db: Executor, notices: readonly Notice[]): Promise<void> {
  let batch = gathering.get(db);
  if (!batch) {
    const gathered: Notice[] = [];
    const previous = sending.get(db) ?? Promise.resolve();
    const sent = previous
      .catch(() => undefined)
      .then(() => {
        gathering.delete(db);
        const json = JSON.stringify(distinct(gathered));
        return queryPrepared(
          db,
          sql`select set_config('synchronous_commit', 'off', true),
            count(pg_notify(n.channel, n.payload))
            from json_to_recordset(${json}::json) as n(channel text, payload text)`,
        );
      })
      // The writes are committed: a wake-up that cannot be sent must not fail them (workers
      // resync on their own timer, browsers on their next refetch).
      .then(
        () => undefined,
        () => undefined,
      );
    batch = { notices: gathered, sent };
    gathering.set(db, batch);
    sending.set(db, sent);
  }
  batch.notices.push(...notices);
  return batch.sent;
}

const encode = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * An INSERT of many rows that sends them as ONE JSON parameter
 * (`insert … select … from jsonb_populate_recordset(null::table, $1)`): the statement's text is
 * the same for any number of rows, so its prepared plan is reused, and building it costs little.
 * Columns left out of the rows take their defaults; `then` adds e.g. an ON CONFLICT clause.
 * @example await db.execute(insertRows(interactions, [row1, row2]))
 */
export function insertRows<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
  then?: SQL,
  /** Inserts the rows only when this holds (e.g. `exists (select 1 from part)`). */
  onlyIf?: SQL,
): SQL {
  const columns = getTableColumns(table);
  const first = (rows[0] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(first).filter((k) => k in columns && first[k] !== undefined);
  const names = keys.map((k) => columns[k]!.name);
  const json = JSON.stringify(
    rows.map((r) => {
      const row = r as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => (out[names[i]!] = encode(row[k])));
      return out;
    }),
  );
  return sql`${insertHead(table, names)}${json}::jsonb)${onlyIf ? sql` where ${onlyIf}` : sql``}${then ? sql` ${then}` : sql``}`;
}

/**
 * `insert into t (cols) select cols from jsonb_populate_recordset(null::t, ` as one raw chunk,
 * made once per table and column list (a hot path writes the same ones every time, and each
 * chunk of an SQL template costs its own walk when the statement is built).
 */
function insertHead(table: PgTable, names: readonly string[]): SQL {
  let heads = insertHeads.get(table);
  if (!heads) insertHeads.set(table, (heads = new Map<string, SQL>()));
  const list = names.map((n) => `"${n}"`).join(', ');
  let head = heads.get(list);
  if (!head) {
    const name = `"${getTableName(table)}"`;
    head = sql.raw(
      `insert into ${name} (${list}) select ${list}\n    from jsonb_populate_recordset(null::${name}, `,
    );
    heads.set(list, head);
  }
  return head;
}
const insertHeads = new WeakMap<PgTable, Map<string, SQL>>();
