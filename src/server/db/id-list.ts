import { sql } from 'drizzle-orm';

/**
 * A list of ids as ONE jsonb parameter, as rows of `id`: a statement's text is the same for any
 * count, and the planner's estimate does not follow the value, so PostgreSQL keeps the
 * statement's generic plan (an array parameter of unknown length made it plan anew every run).
 * @example sql`select … from ${idsOf(donorIds)} d`
 */
export const idsOf = (ids: readonly string[]) =>
  sql`(select value::uuid as id from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

/**
 * `= any(…)` of such a list: a lookup by primary key stays an index scan (an IN over the
 * set-returning function was planned as a scan of the organization's contacts).
 * @example sql`… where c.org_id = ${orgId} and c.id = ${anyOf(ids)}`
 */
export const anyOf = (ids: readonly string[]) => sql`any(array(select id from ${idsOf(ids)} i))`;
