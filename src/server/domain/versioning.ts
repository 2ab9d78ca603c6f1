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
