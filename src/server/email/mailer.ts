import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';

/** One email ready to go: addresses, thread headers, and both bodies. */
export type OutgoingMail = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Mail Tend writes on its own, RFC 3834: an acknowledgement answers a message, an alert does not. */
  automatic: false | 'auto-replied' | 'auto-generated';
};

/** Delivers outgoing mail; SMTP in production, a folder of .eml files when none is configured. */
export type Mailer = {
  /** Sends one email; resolves with the server's answer, rejects when it was not accepted. */
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
};

function message(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    headers: mail.automatic ? { 'Auto-Submitted': mail.automatic } : {},
  };
}

/** Sends through an SMTP server (`SMTP_URL`, e.g. smtp://user:pass@mail.example.org:587). */
export function smtpMailer(url: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url);
  return {
    send: async (mail) => {
      const info = (await transport.sendMail(message(mail))) as { response?: string };
      return { response: info.response ?? '250 OK' };
    },
    close: () => transport.close(),
  };
}

/**
 * Writes each email as an .eml file into a folder instead of sending it: what a fresh install
 * without a mail server does, so nothing is lost and every mail can be opened and read.
 */
export function folderMailer(dir: string): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  return {
    send: async (mail) => {
      const info = (await transport.sendMail(message(mail))) as { message: Buffer };
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^a-z0-9]/gi, '').slice(0, 40)}.eml`;
      await writeFile(join(dir, name), info.message);
      return { response: `saved ${name}` };
    },
    close: () => transport.close(),
  };
}
