import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { isStructured } from './mail-headers';

/** mailparser's reading of a message, the text rescued from the raw bytes, and whether it was broken. */
export type Salvaged = { mail: ParsedMail; bodyText: string; malformed: boolean };

/**
 * Completes what mailparser read (or failed to read) from a raw message. mailparser rarely throws;
 * it rather loses content quietly: a body whose multipart boundary never appears, a message
 * without headers, binary junk. Those are marked malformed and their body is kept as plain text
 * (UTF-8, control characters removed) so a person can still read it. When mailparser throws, the
 * header block alone is parsed again.
 */
export async function salvage(raw: Buffer, mail: ParsedMail | undefined): Promise<Salvaged> {
  const split = headerEnd(raw);
  const parsed = mail ?? (await headersOnly(raw, split)) ?? emptyMail();
  // A line in the header block that is no header: the sender left out the empty line before the
  // body, or sent no headers at all. mailparser drops such lines; the body starts there.
  const stray = parsed.headerLines.find((h) => !h.key);
  const strayAt = stray ? raw.indexOf(stray.line) : -1;
  const malformed =
    !mail ||
    !!stray ||
    raw.subarray(0, split === -1 ? raw.length : split).includes(0) ||
    (parsed.text ?? '').includes('\u0000') ||
    brokenMultipart(raw, parsed) ||
    !!parsed.textConversionError;
  const lost = !parsed.text && !parsed.html && parsed.attachments.length === 0;
  const bodyStart = strayAt !== -1 ? strayAt : split !== -1 ? split : mail ? raw.length : 0;
  const bodyText = malformed && lost ? cleanText(raw.subarray(bodyStart).toString('utf8')) : '';
  return { mail: parsed, bodyText, malformed };
}

/** The header block parsed on its own, after mailparser failed on the whole message. */
async function headersOnly(raw: Buffer, split: number): Promise<ParsedMail | undefined> {
  if (split <= 0) return undefined;
  return simpleParser(raw.subarray(0, split), { skipHtmlToText: true }).catch(() => undefined);
}

/** Where the body starts: after the first empty line; -1 when there is none. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf === -1 && lf === -1) return -1;
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return crlf + 4;
  return lf + 2;
}

/** A multipart message whose boundary is missing or never used. */
function brokenMultipart(raw: Buffer, mail: ParsedMail): boolean {
  const type = mail.headers.get('content-type');
  if (!isStructured(type) || !/^multipart\//i.test(type.value)) return false;
  const boundary = type.params.boundary;
  return !boundary || !raw.includes(`--${boundary}`);
}

/** Text without NULs and other control characters (tabs and line breaks stay), trimmed. */
export function cleanText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/\r\n?/g, '\n')
      .trim()
  );
}

function emptyMail(): ParsedMail {
  return { attachments: [], headers: new Map(), headerLines: [], html: false };
}
