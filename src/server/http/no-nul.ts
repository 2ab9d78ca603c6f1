import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * The path of the first string in `value` (a parsed body, query or params) that holds a NUL
 * character, or undefined. PostgreSQL cannot store U+0000 in text or jsonb, so such input must be
 * refused as bad input (400) before it reaches a statement and fails there (500). Runs on every
 * request: it allocates nothing until it finds one (the path is built on the way back).
 */
export function nulPath(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? [] : undefined;
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (key.includes('\u0000')) return [key];
    const found = nulPath(record[key]);
    if (found) {
      found.unshift(key);
      return found;
    }
  }
  return undefined;
}

/** A preValidation hook: refuses a request whose body, query or params carry a NUL character. */
export function refuseNul(
  req: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const path = nulPath(req.body) ?? nulPath(req.query) ?? nulPath(req.params);
  if (!path) return done();
  done(
    new AppError('validation_failed', 'text cannot contain the NUL character (U+0000)', [
      { path: path.join('.'), message: 'contains the NUL character' },
    ]),
  );
}
