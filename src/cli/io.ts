import { createInterface } from 'node:readline';
import type { Config } from '../server/config';
import type { Database } from '../server/db/connection';

/** Progress and hints: stderr, so stdout carries only the result a script captures. */
export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The result of a command: alone on the last line of stdout. */
export function result(value: string): void {
  process.stdout.write(`${value}\n`);
}

/** A usage or input error: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** Opens the configured database (migrated) for one command, and always closes it. */
export async function withDatabase<T>(
  command: string,
  work: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  // Loaded on demand so that commands without a database (tend promise …) start quickly.
  const { loadConfig } = await import('../server/config');
  const { openConfiguredDatabase } = await import('../server/serve');
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, command);
  try {
    await database.migrate();
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** Reads a secret: the first line of stdin when piped, or a prompt that does not echo. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}
