import { createHash } from 'node:crypto';
import { AppError } from '../errors';

/**
 * Optimistic concurrency: refuses a change made on top of an older version than the stored one
 * (the caller's If-Match), so one person's edit never silently overwrites another's.
 */
export function checkVersion(what: string, stored: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== stored) {
    throw new AppError(
      'precondition_failed',
      `the ${what} changed since you read it; reload and retry`,
    );
  }
}

/**
 * The entity tag of a resource that carries no version number (programs, funds, impact updates):
 * a hash of what it says, so any change to it changes the tag.
 * @example contentTag({ name: 'Food parcels' }) // a quoted 22-character tag
 */
export function contentTag(content: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('base64url');
  return `"${hash.slice(0, 22)}"`;
}

/** A view with its content tag, `etag` (what If-Match must name to change it). */
export const withContentTag = <T extends object>(view: T): T & { etag: string } => ({
  ...view,
  etag: contentTag(view),
});

/**
 * Optimistic concurrency by content: refuses a change when the caller's If-Match (a weak tag
 * compares alike) names other content than the stored one; no If-Match, no check.
 */
export function checkContentTag(what: string, stored: unknown, ifMatch: string | undefined): void {
  if (ifMatch !== undefined && ifMatch.replace(/^W\//, '') !== contentTag(stored))
    throw new AppError('precondition_failed', `the ${what} changed since you read it; reload`);
}
