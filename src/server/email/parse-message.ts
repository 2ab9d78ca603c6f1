import { simpleParser } from 'mailparser';
import { visibleReply } from '../../core/email/visible-reply';
import { automaticReason, bounceDetails } from './automatic';
import type { AutoReason, Bounce } from './automatic';
import { htmlToText } from './html-to-text';
import { addresses, headerText, isStructured, messageIds } from './mail-headers';
import type { MailAddress } from './mail-headers';
import { cleanText, salvage } from './salvage';
import { sanitizeEmailHtml } from './sanitize';

/** A decoded attachment; `inline` for parts shown in the body (embedded images). */
export type ParsedAttachment = {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
  contentId: string | null;
  inline: boolean;
};

/** An incoming email as plain data. Message ids keep their angle brackets, as headers write them. */
export type ParsedEmail = {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress | null;
  subject: string;
  date: Date | null;
  text: string;
  html: string | null;
  visibleText: string;
  attachments: ParsedAttachment[];
  autoSubmitted: boolean;
  autoReason: AutoReason | null;
  bounce: Bounce | null;
  malformed: boolean;
};

const options = { keepDeliveryStatus: true, skipHtmlToText: true, skipTextToHtml: true };

/**
 * Parses a raw RFC 822 message. Never throws: what mailparser cannot read is salvaged from the raw
 * bytes and the result is marked `malformed`. `text` is the plain-text part, or the HTML converted
 * when there is none; `html` is sanitized; `visibleText` is the text without quotes and signature.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, options).catch(() => undefined);
  const rescued = await salvage(raw, mail);
  const parsed = rescued.mail;
  const header = (name: string) => headerText(parsed.headers.get(name));
  const contentType = parsed.headers.get('content-type');
  const from = addresses(parsed.from)[0] ?? null;
  const subject = parsed.subject ?? '';
  const text =
    cleanText(parsed.text ?? '') || (parsed.html ? htmlToText(parsed.html) : rescued.bodyText);
  const autoReason = automaticReason({
    header,
    contentType: headerText(contentType) ?? 'text/plain',
    reportType: isStructured(contentType) ? contentType.params['report-type'] : undefined,
    fromAddress: from?.address,
    subject,
  });
  const status = parsed.attachments.find((a) => /delivery-status$/i.test(a.contentType));
  return {
    messageId: messageIds(parsed.messageId)[0] ?? null,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references),
    from,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    replyTo: addresses(parsed.replyTo)[0] ?? null,
    subject,
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text,
    html: parsed.html ? sanitizeEmailHtml(parsed.html) : null,
    visibleText: visibleReply(text).visible,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
      contentId: a.cid ?? null,
      inline: a.contentDisposition === 'inline' || a.related === true,
    })),
    autoSubmitted: autoReason !== null,
    autoReason,
    bounce:
      autoReason === 'bounce'
        ? bounceDetails(status?.content.toString('utf8'), header('x-failed-recipients'), text)
        : null,
    malformed: rescued.malformed,
  };
}
