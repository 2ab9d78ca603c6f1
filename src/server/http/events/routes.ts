import { AppError } from '../../errors';
import { actorOf } from '../authenticate';
import type { App, AppDeps } from '../types';
import { RequestEventHub } from './hub';

/**
 * `GET /api/v1/events`: server-sent events for the staff console — `request` with the id of
 * every request of the caller's organization that changed, after the change committed.
 */
export function eventRoutes(app: App, deps: AppDeps): void {
  const hub = new RequestEventHub(deps.database);
  app.addHook('onClose', () => hub.close());
  app.get(
    '/events',
    {
      config: { access: 'requests.read' },
      schema: {
        tags: ['requests'],
        summary:
          'Live updates (text/event-stream): `event: request` with `{"id": …}` when a request changes',
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
        throw new AppError(
          'not_acceptable',
          'this is an event stream: send Accept: text/event-stream',
        );
      }
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-request-id': req.id,
      });
      res.write(': connected\n\n');
      const unsubscribe = await hub.subscribe(actor.orgId, (id) =>
        res.write(`event: request\ndata: ${JSON.stringify({ id })}\n\n`),
      );
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
