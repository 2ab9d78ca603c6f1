import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { receiveEmail } from '../../domain/email/inbound';
import { AppError } from '../../errors';
import { actorOf } from '../authenticate';
import type { App, AppDeps } from '../types';

/**
 * Incoming mail by webhook, for organizations whose mail provider forwards messages by HTTP:
 * the raw RFC 822 message as the body (`message/rfc822`), stored before the 202 like SMTP mail.
 * Registered in its own scope: only here is a raw message a body.
 */
export function inboundRoutes(app: App, deps: AppDeps): void {
  const maxBytes = deps.config.mail.maxBytes;
  app.addContentTypeParser(
    ['message/rfc822', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.post(
    '/inbound/email',
    {
      config: { access: 'inbound.email' },
      bodyLimit: maxBytes,
      schema: {
        tags: ['email'],
        summary: 'Receive one email (raw RFC 822) forwarded by a mail provider',
        description:
          'The message is stored as it is and processed in the background, exactly like mail to the SMTP listener: it threads into a request or opens one.',
        response: { 202: z.object({ id: uuid(), status: z.literal('received') }) },
      },
    },
    async (req, reply) => {
      const raw = req.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0)
        throw new AppError('validation_failed', 'body: a raw email (message/rfc822)', [
          { path: 'body', message: 'send the raw message with Content-Type: message/rfc822' },
        ]);
      const actor = actorOf(req);
      const { id } = await receiveEmail(
        deps.database.db,
        { source: 'webhook', envelopeFrom: null, envelopeTo: [], raw, orgId: actor.orgId },
        deps.clock.now(),
      );
      return reply.status(202).send({ id, status: 'received' as const });
    },
  );
}
