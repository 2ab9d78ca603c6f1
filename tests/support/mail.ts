import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { folderMailer, smtpMailer } from '../../src/server/email/mailer';
import type { MailDeps } from '../../src/server/email/settings';

/** Mail settings for tests: reply addresses on a test domain, mail saved to a temporary folder. */
export function testMailDeps(overrides: Partial<MailDeps> = {}): MailDeps {
  return {
    mailer: folderMailer(mkdtempSync(join(tmpdir(), 'tend-mail-'))),
    domain: 'reply.tend.test',
    fromAddress: 'desk@tend.test',
    secret: 'test-secret-that-is-long-enough-for-hmac-0123456789',
    publicUrl: 'http://127.0.0.1:3000',
    maxBytes: 2 * 1024 * 1024,
    ...overrides,
  };
}

/** A received message at the far end, parsed, with its raw source. */
export type FarEndMail = ParsedMail & { raw: Buffer; envelopeTo: string[] };

/**
 * The far end of outbound delivery: a real SMTP server on 127.0.0.1 that keeps what it receives,
 * and refuses recipients whose address starts with "reject" (550) or "later" (451).
 */
export async function farEndSmtp() {
  const received: FarEndMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('reject'))
        return cb(Object.assign(new Error('no such user'), { responseCode: 550 }));
      if (address.address.startsWith('later'))
        return cb(Object.assign(new Error('try later'), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((m) => {
          received.push(
            Object.assign(m, { raw, envelopeTo: session.envelope.rcptTo.map((r) => r.address) }),
          );
          cb();
        });
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    mailer: () => smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
