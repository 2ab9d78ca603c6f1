import type { z } from 'zod';
import { AppError } from '../errors';

/** Encodes a position in a list as an opaque cursor. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor and checks its shape; a bad cursor is a 400. */
export function decodeCursor<T>(cursor: string | undefined, shape: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', 'cursor: not a cursor this list gave out', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  }
}

/** A page of results in the list envelope's shape. */
export type Page<T> = { data: T[]; nextCursor: string | null };
