import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when another live process holds the embedded database's data folder. */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `the embedded database in ${dir} is in use by ${holder}; stop that process first, ` +
        'or point DATABASE_URL at PostgreSQL to run several processes',
    );
  }
}

type Holder = { pid: number; command: string; since: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process: PGlite must never be opened by two processes at once.
 * A lock left by a dead process is taken over. Returns the function that releases it.
 */
export function lockDataDir(dir: string, command: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'tend.lock');
  const me: Holder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: Holder | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(
          dir,
          `"${holder.command}" (pid ${holder.pid}, since ${holder.since})`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}
