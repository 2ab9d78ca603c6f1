import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { files } from '../db/schema';

/** Where attachment bytes live. Swappable (object storage later); the default needs nothing. */
export interface FileStore {
  /** Stores bytes for an organization; returns the key to fetch them by. */
  put(db: Executor, orgId: string, bytes: Buffer): Promise<string>;
  /** The bytes under a key, or undefined. */
  get(db: Executor, orgId: string, key: string): Promise<Buffer | undefined>;
}

/** The default store: a table in the same database, so every process sees every file. */
export const databaseFileStore: FileStore = {
  async put(db, orgId, bytes) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const [row] = await db
      .insert(files)
      .values({ orgId, sha256, size: bytes.length, bytes })
      .returning({ id: files.id });
    return row!.id;
  },
  async get(db, orgId, key) {
    const [row] = await db
      .select({ bytes: files.bytes })
      .from(files)
      .where(and(eq(files.orgId, orgId), eq(files.id, key)));
    return row?.bytes;
  },
};
