import { Command, CommanderError } from 'commander';
import { DataDirLockedError } from '../server/db/data-dir-lock';
import { AppError } from '../server/errors';
import { registerAdminCommands } from './commands/admin';
import { registerDemoCommands } from './commands/demo';
import { registerPromiseCommands } from './commands/promise';
import { registerServerCommands } from './commands/server';
import { UsageError } from './io';

/** Builds the `tend` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('tend')
    .description('Tend: customer service for nonprofits — clients, volunteers and donors')
    .showHelpAfterError();
  registerServerCommands(program);
  registerAdminCommands(program);
  registerDemoCommands(program);
  registerPromiseCommands(program);
  return program;
}

/** Entry point used by bin/tend.js. Exit code 2 for bad usage or input, 1 for failures. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.commands.forEach(function override(c: Command) {
    c.exitOverride();
    c.commands.forEach(override);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        err.code,
      );
      process.exitCode = ok ? 0 : 2;
      return;
    }
    if (err instanceof UsageError || (err instanceof AppError && err.status < 500)) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(
      `error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
