import { PGlite, protocol, types, type Transaction } from '@electric-sql/pglite';
import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * Named prepared statements on PGlite. PGlite's own query() sends every statement unnamed —
 * parsed and planned again on each run — in five separate calls into the database. For a
 * hot path's large statement the planning is most of its cost: the giving summary planned in
 * 5–7 ms on the embedded database and runs in ~0.5 ms. Here a statement is parsed and described
 * once per database, then each run is ONE call: Bind, Execute, Sync. PostgreSQL's plan cache
 * then treats it as it treats node-postgres's named statements (custom plans first, then the
 * generic plan when it is as good).
 *
 * Rows come back as drizzle's PGlite driver returns them (its parsers: dates and timestamps
 * left as text), and errors as drizzle wraps them (DrizzleQueryError, the database's error as
 * its cause), so callers see no difference but the time.
 */

type DataRow = InstanceType<typeof protocol.messages.DataRowMessage>;
type ParameterDescription = InstanceType<typeof protocol.messages.ParameterDescriptionMessage>;
type RowDescription = InstanceType<typeof protocol.messages.RowDescriptionMessage>;

type Statement = { params: number[]; fields: { name: string; dataTypeID: number }[] };

/** The statements prepared on each database, by name. */
const prepared = new WeakMap<PGlite, Map<string, Statement>>();
/** The database of each open transaction handle (PGlite's Transaction does not name it). */
const databaseOf = new WeakMap<object, PGlite>();
/** Each database's value parsers: its own, with drizzle's (dates and timestamps kept as text). */
const parsersOf = new WeakMap<
  PGlite,
  Record<number, (value: string, typeId?: number) => unknown>
>();

/** A bound on the statements kept per database: texts built from data would grow it forever. */
const maxStatements = 2000;

const asText = (value: string) => value;
/** drizzle-orm/pglite's raw query parsers (its session.js): these types stay text. */
const drizzleParsers = {
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.INTERVAL]: asText,
  [types.DATE]: asText,
  1231: asText, // numeric[]
  1115: asText, // timestamp[]
  1185: asText, // timestamptz[]
  1187: asText, // interval[]
  1182: asText, // date[]
};

/**
 * Lets queryOnPglite find the database behind a transaction handle: wraps the client's
 * transaction() to note each handle it opens. Call once per client, before any transaction.
 */
export function trackTransactions(client: PGlite): void {
  const transaction = client.transaction.bind(client);
  client.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      databaseOf.set(tx, client);
      return callback(tx);
    });
}

/** The PGlite database a drizzle session's client is (or is a transaction of); else undefined. */
export function pgliteOf(client: unknown): PGlite | undefined {
  if (client instanceof PGlite) return client;
  return typeof client === 'object' && client !== null ? databaseOf.get(client) : undefined;
}

/**
 * Runs `text` with `params` as the named statement `name` on `client` (the database, or one of
 * its transactions), preparing it on first use; returns its rows as objects.
 */
export async function queryOnPglite<T>(
  client: unknown,
  text: string,
  params: readonly unknown[],
  name: string,
): Promise<T[]> {
  const lite = pgliteOf(client)!;
  const inTransaction = client !== lite;
  // As PGlite's own transaction handle: a finished transaction runs nothing more.
  if (inTransaction && (client as Transaction).closed) throw new Error('Transaction is closed');
  const run = async () => {
    const statement = await prepare(lite, text, name);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = lite.serializers[statement.params[i]!];
      return serialize ? serialize(value) : (value as { toString(): string }).toString();
    });
    const messages = await lite.execProtocolStream(
      join(
        protocol.serialize.bind({ statement: name, values }),
        protocol.serialize.execute({}),
        protocol.serialize.sync(),
      ),
      { syncToFs: false },
    );
    const parsers = parsersFor(lite);
    const rows: T[] = [];
    for (const message of messages) {
      if (message.name !== 'dataRow') continue;
      const row: Record<string, unknown> = {};
      (message as DataRow).fields.forEach((value, i) => {
        const field = statement.fields[i]!;
        row[field.name] = types.parseType(value, field.dataTypeID, parsers);
      });
      rows.push(row as T);
    }
    if (!inTransaction) await lite.syncToFs();
    return rows;
  };
  try {
    // As PGlite's own query(): a transaction's statements take the query lock; a statement
    // outside any transaction also waits for an open transaction to end.
    return await (inTransaction
      ? lite.runExclusive(run)
      : lite._runExclusiveTransaction(() => lite.runExclusive(run)));
  } catch (error) {
    throw new DrizzleQueryError(text, params as unknown[], error as Error);
  }
}

/** The statement `name`, parsed and described on `lite` the first time it is asked for. */
async function prepare(lite: PGlite, text: string, name: string): Promise<Statement> {
  let statements = prepared.get(lite);
  if (!statements) prepared.set(lite, (statements = new Map<string, Statement>()));
  const known = statements.get(name);
  if (known) return known;
  if (statements.size >= maxStatements) {
    await lite.execProtocolStream(protocol.serialize.query('deallocate all'), { syncToFs: false });
    statements.clear();
  }
  const described = await lite.execProtocolStream(
    join(
      protocol.serialize.parse({ name, text }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    ),
    { syncToFs: false },
  );
  const params = described.find((m) => m.name === 'parameterDescription') as
    ParameterDescription | undefined;
  const row = described.find((m) => m.name === 'rowDescription') as RowDescription | undefined;
  const statement: Statement = {
    params: params?.dataTypeIDs ?? [],
    fields: (row?.fields ?? []).map((f) => ({ name: f.name, dataTypeID: f.dataTypeID })),
  };
  statements.set(name, statement);
  return statement;
}

function parsersFor(lite: PGlite) {
  let parsers = parsersOf.get(lite);
  if (!parsers) parsersOf.set(lite, (parsers = { ...lite.parsers, ...drizzleParsers }));
  return parsers;
}

/** The protocol messages as one buffer: one call into the database for all of them. */
function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
