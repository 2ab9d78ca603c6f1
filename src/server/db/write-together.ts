import { getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
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
 * `WITH w0 AS (…), w1 AS (…) SELECT pg_notify(…)`. One round trip instead of one per write, and
 * atomic on its own: PostgreSQL runs every part or none, and checks foreign keys at the end of
 * the statement, so a child row may name a parent inserted by a sibling part.
 *
 * The parts see the same snapshot: a part cannot read (or change again) a row another part
 * writes. Callers plan final rows first (ids made here, projections computed), then write.
 * @example await writeTogether(tx, [db.insert(a).values(x), db.insert(b).values(y)])
 */
export async function writeTogether(
  db: Executor,
  parts: readonly Part[],
  notices: readonly Notice[] = [],
): Promise<void> {
  if (parts.length === 0 && notices.length === 0) return;
  const ctes = parts.map((p, i) =>
    'name' in p
      ? sql`${sql.identifier(p.name)} as (${p.query})`
      : sql`${sql.raw(`w${i}`)} as (${p.getSQL()})`,
  );
  const unique = [...new Map(notices.map((n) => [`${n.channel}\u0000${n.payload}`, n])).values()];
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
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  return sql`insert into ${table} (${list}) select ${list}
    from jsonb_populate_recordset(null::${table}, ${json}::jsonb)${onlyIf ? sql` where ${onlyIf}` : sql``}${then ? sql` ${then}` : sql``}`;
}
