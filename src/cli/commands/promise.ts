import type { Command } from 'commander';

/** Registers `tend promise due|elapsed` (placeholder until the business-time clock lands). */
export function registerPromiseCommands(program: Command): void {
  program.command('promise').description('Check service-promise settings: due times and elapsed business time');
}
