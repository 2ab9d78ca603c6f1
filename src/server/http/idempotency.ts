import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/connection';
import { idempotencyKeys } from '../db/schema';
import { AppError } from '../errors';
import { actorOf } from './authenticate';
import type { AppDeps } from './types';

const keyPattern = /^[\x21-\x7e]{1,200}$/;
const keepHours = 24;

/**
 * Runs a creating POST once per Idempotency-Key: the first answer is stored in the same
 * transaction as the change and replayed for a retry with the same body; a different body under
 * the same key is a 409. Without the header the create simply runs in a transaction — or, when
 * the create has a way of its own (`alone`: one atomic statement, written in a group with others
 * arriving meanwhile), that way: BEGIN and COMMIT would only add two round trips.
 */
export async function createOnce<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  create: (tx: Tx) => Promise<T>,
  status = 201,
  /** Who the key belongs to when nobody is signed in (public endpoints): org and client address. */
  publicScope?: { orgId: string; principal: string },
  alone?: () => Promise<T>,
): Promise<T> {
  const key = req.headers['idempotency-key'];
  const db = deps.database.db;
  if (key === undefined) {
    const result = alone ? await alone() : await db.transaction(create);
    void reply.status(status);
    return result;
  }
  if (typeof key !== 'string' || !keyPattern.test(key)) {
    throw new AppError('validation_failed', 'Idempotency-Key: 1 to 200 visible ASCII characters', [
      { path: 'Idempotency-Key', message: 'invalid' },
    ]);
  }
  const actor = publicScope ? undefined : actorOf(req);
  const orgId = publicScope?.orgId ?? actor!.orgId;
  const principal = publicScope?.principal ?? actor!.tokenId ?? actor!.userId ?? 'system';
  const route = `${req.method} ${req.routeOptions.url}`;
  const requestHash = createHash('sha256')
    .update(route)
    .update(JSON.stringify(req.body ?? null))
    .digest('hex');
  const scope = and(
    eq(idempotencyKeys.orgId, orgId),
    eq(idempotencyKeys.principal, principal),
    eq(idempotencyKeys.key, key),
  );
  const outcome = await db.transaction(async (tx) => {
    const expiry = new Date(deps.clock.now().getTime() - keepHours * 3_600_000);
    await tx.delete(idempotencyKeys).where(and(scope, lt(idempotencyKeys.createdAt, expiry)));
    const [seen] = await tx.select().from(idempotencyKeys).where(scope);
    if (seen) {
      if (seen.requestHash !== requestHash) {
        throw new AppError(
          'idempotency_key_reused',
          'this Idempotency-Key was used with a different request',
        );
      }
      return { replay: true, status: seen.statusCode, body: seen.responseBody as T };
    }
    const body = await create(tx);
    await tx.insert(idempotencyKeys).values({
      orgId,
      principal,
      key,
      route,
      requestHash,
      statusCode: status,
      responseBody: JSON.parse(JSON.stringify(body)) as unknown,
      createdAt: deps.clock.now(),
    });
    return { replay: false, status, body };
  });
  void reply.status(outcome.status);
  if (outcome.replay) void reply.header('idempotent-replayed', 'true');
  return outcome.body;
}
