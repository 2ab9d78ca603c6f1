import fastifyStatic from '@fastify/static';
import type { App } from './types';

/**
 * The web apps, built by Vite into `root`: files under /app/, and for any other /app/ path the
 * app's index.html (the browser router shows the page). `/` leads to the staff console.
 */
export async function webRoutes(app: App, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/app/',
    wildcard: false,
    index: ['index.html'],
    maxAge: '1h',
    dotfiles: 'ignore', // the build's manifest (.vite/) is for the bench, not for browsers
  });
  app.get('/app/*', { schema: { hide: true } }, (_req, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/app/'));
}
