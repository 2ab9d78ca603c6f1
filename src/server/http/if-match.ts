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

/** Sets the ETag of a versioned resource (the version, quoted) and returns the view. */
export function withEtag<T extends { version: number }>(
  reply: { header(name: string, value: string): unknown },
  view: T,
): T {
  reply.header('etag', `"${view.version}"`);
  return view;
}

/** Reads If-Match as the entity tag of a content-tagged resource; undefined when absent. */
export const ifMatchTag = (header: string | string[] | undefined): string | undefined =>
  header === undefined ? undefined : String(header);

/** Sets the ETag of a content-tagged resource (its `etag`, see contentTag) and returns the view. */
export function withTag<T extends { etag: string }>(
  reply: { header(name: string, value: string): unknown },
  view: T,
): T {
  reply.header('etag', view.etag);
  return view;
}
