/**
 * The baseline the API is measured against: a bare Fastify route with a zod schema and one INSERT,
 * on the same kind of database (node-postgres when BENCH_DATABASE_URL is set, else PGlite).
 * Prints "listening <url>" on stdout when ready.
 */
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pg from 'pg';
import { z } from 'zod';

const url = process.env.BENCH_DATABASE_URL;
const table = `bench_baseline_${process.pid}`;
const ddl = `create table ${table} (id uuid primary key default gen_random_uuid(), org_id uuid not null, given_name text, family_name text, email text, created_at timestamptz not null default now())`;
const insert = `insert into ${table} (org_id, given_name, family_name, email) values ($1, $2, $3, $4) returning id`;

let query: (sql: string, params?: unknown[]) => Promise<{ rows: { id: string }[] }>;
let close: () => Promise<void>;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  query = (sql, params) => pool.query(sql, params);
  close = async () => {
    await pool.query(`drop table if exists ${table}`);
    await pool.end();
  };
} else {
  const lite = await PGlite.create(process.env.BENCH_BASELINE_DIR);
  query = (sql, params) => lite.query<{ id: string }>(sql, params);
  close = () => lite.close();
}
await query(ddl);

const app = Fastify().withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
const body = z.strictObject({
  kind: z.literal('person'),
  givenName: z.string().max(200),
  familyName: z.string().max(200),
  emails: z.array(z.strictObject({ address: z.email() })).max(10),
});
app.post(
  '/contacts',
  { schema: { body, response: { 201: z.object({ id: z.string() }) } } },
  async (req, reply) => {
    const { rows } = await query(insert, [
      '00000000-0000-4000-8000-000000000000',
      req.body.givenName,
      req.body.familyName,
      req.body.emails[0]?.address ?? null,
    ]);
    return reply.status(201).send({ id: rows[0]!.id });
  },
);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
const stop = () =>
  void app
    .close()
    .then(close)
    .then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
