import { AppError } from '../errors';

/** Reads `If-Match: "3"` (or W/"3") as the version the caller last saw; undefined when absent. */
export function expectedVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"(\d+)"$/.exec(String(header).trim());
  if (!match) {
    throw new AppError('validation_failed', 'If-Match: expected an ETag like "3"', [
      { path: 'If-Match', message: 'invalid' },
    ]);
  }
  return Number(match[1]);
}
