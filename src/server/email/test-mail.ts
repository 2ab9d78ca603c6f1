import iconv from 'iconv-lite';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailComposerOptions } from 'nodemailer/lib/mail-composer';

/**
 * Builders of raw messages for the parser's tests: hand-written RFC 822 text (to control every
 * byte, legacy charsets included) and real MIME from nodemailer's composer.
 */

/** A raw message from header lines and a body, with CRLF line ends as on the wire. */
export function rawMessage(headers: string[], body: string | Buffer = ''): Buffer {
  const head = Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'utf8');
  const text = typeof body === 'string' ? Buffer.from(body.replace(/\r?\n/g, '\r\n')) : body;
  return Buffer.concat([head, text]);
}

/** An RFC 2047 encoded word of a text in a legacy (or UTF-8) charset. */
export function encodedWord(charset: string, encoding: 'B' | 'Q', text: string): string {
  const bytes = iconv.encode(text, charset);
  const payload =
    encoding === 'B'
      ? bytes.toString('base64')
      : [...bytes]
          .map((b) =>
            b === 0x20
              ? '_'
              : b > 0x20 && b < 0x7f && !'=?_'.includes(String.fromCharCode(b))
                ? String.fromCharCode(b)
                : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
          )
          .join('');
  return `=?${charset}?${encoding}?${payload}?=`;
}

/** A text encoded in a charset and then in quoted-printable (soft line breaks at 76). */
export function quotedPrintable(charset: string, text: string): string {
  const bytes = iconv.encode(text.replace(/\r?\n/g, '\r\n'), charset);
  let out = '';
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      out += `${line}\r\n`;
      line = '';
      i++;
      continue;
    }
    const literal = b >= 0x21 && b <= 0x7e && b !== 0x3d;
    const piece =
      literal || b === 0x20
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

/** A text encoded in a charset and then in base64, 76 characters a line. */
export function base64Body(charset: string, text: string): string {
  const encoded = iconv.encode(text.replace(/\r?\n/g, '\r\n'), charset).toString('base64');
  return encoded.replace(/.{1,76}/g, '$&\r\n');
}

/** A real MIME message from nodemailer's composer (multipart/alternative, attachments, …). */
export function composeMessage(mail: MailComposerOptions): Promise<Buffer> {
  return new MailComposer(mail).compile().build();
}
