import type { Command } from 'commander';
import { say, withDatabase } from '../io';

/** `tend serve` and `tend migrate`. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description(
      'Start Tend: HTTP API and docs (creates the demo organization on an empty database)',
    )
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const { loadConfig } = await import('../../server/config');
      const { startServer } = await import('../../server/serve');
      const config = loadConfig({
        ...process.env,
        ...(opts.port ? { PORT: opts.port } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
      });
      const server = await startServer(config, say);
      const stop = () => {
        say('Stopping…');
        void server.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply database migrations (tend serve also does this at start)')
    .action(async () => {
      await withDatabase('tend migrate', async (database) => {
        const state = await database.migrationState();
        say(`${database.kind}: ${state.applied} of ${state.expected} migrations applied`);
      });
    });
}
