import {
  isAttribution,
  isCompleteAttribution,
  isForwardMarker,
  isFromHeader,
  isMobileSignature,
  isOriginalMessageSeparator,
  isOtherHeader,
  isSignatureSeparator,
  isUnderscoreRule,
  mayStartAttribution,
} from './reply-markers';

/** A reply reduced to what its author wrote, and what was taken away. */
export type VisibleReply = { visible: string; quoted: boolean; signatureRemoved: boolean };

type QuoteStart = { at: number; end: number; kind: 'attribution' | 'outlook' };

/**
 * The part of a plain-text reply its author wrote: quoted history (attribution lines, Outlook
 * header blocks, "> " lines) and signatures are removed. A message with content only in quoted
 * form is returned whole (trimmed), never as an empty text.
 * @example visibleReply('Thanks!\n\nOn Tue, 3 Nov 2026 at 10:00, Ana <a@b.org> wrote:\n> Hi')
 * // { visible: 'Thanks!', quoted: true, signatureRemoved: false }
 */
export function visibleReply(text: string): VisibleReply {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const { body, quoted } = authored(lines, 0);
  const { kept, signatureRemoved } = withoutSignature(body);
  const visible = tidy(kept);
  if (!visible) return { visible: text.trim(), quoted: false, signatureRemoved: false };
  return { visible, quoted, signatureRemoved };
}

/** The authored lines: above the first quote, or below it when the author wrote underneath. */
function authored(lines: string[], depth: number): { body: string[]; quoted: boolean } {
  const start = quoteStart(lines);
  const head = start ? lines.slice(0, start.at) : lines;
  const body = head.filter((line) => !isQuotedLine(line));
  const quoted = !!start || body.length < head.length;
  const hasContent = body.some((line) => line.trim() !== '');
  if (!hasContent && start?.kind === 'attribution' && depth < 5) {
    const below = authored(lines.slice(start.end), depth + 1);
    return { body: below.body, quoted: true };
  }
  return { body, quoted };
}

function quoteStart(lines: string[]): QuoteStart | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Forwarded mail is content the author chose to send, not history to hide.
    if (isForwardMarker(line)) return undefined;
    if (isQuotedLine(line)) continue;
    if (isOriginalMessageSeparator(line)) return { at: i, end: i + 1, kind: 'outlook' };
    if (isUnderscoreRule(line) && isFromHeader(nextNonBlank(lines, i + 1))) {
      return { at: i, end: i + 1, kind: 'outlook' };
    }
    if (isHeaderBlock(lines, i)) return { at: i, end: i + 1, kind: 'outlook' };
    if (isAttribution(line)) return { at: i, end: i + 1, kind: 'attribution' };
    const next = lines[i + 1];
    if (
      next !== undefined &&
      mayStartAttribution(line) &&
      !isCompleteAttribution(next) &&
      isAttribution(`${line.trim()} ${next.trim()}`)
    ) {
      return { at: i, end: i + 2, kind: 'attribution' };
    }
  }
  return undefined;
}

/** "From:" followed closely by at least two of Sent/To/Subject (so a sentence "From: me" stays). */
function isHeaderBlock(lines: string[], i: number): boolean {
  if (!isFromHeader(lines[i]!)) return false;
  return lines.slice(i + 1, i + 9).filter(isOtherHeader).length >= 2;
}

function nextNonBlank(lines: string[], from: number): string {
  return lines.slice(from).find((line) => line.trim() !== '') ?? '';
}

function isQuotedLine(line: string): boolean {
  return /^\s*>/.test(line);
}

/** Removes everything from a "-- " line on, then trailing "Sent from my iPhone" lines. */
function withoutSignature(lines: string[]): { kept: string[]; signatureRemoved: boolean } {
  const separator = lines.findIndex(isSignatureSeparator);
  const kept = separator === -1 ? [...lines] : lines.slice(0, separator);
  let signatureRemoved = separator !== -1;
  for (;;) {
    while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop();
    if (kept.length === 0 || !isMobileSignature(kept[kept.length - 1]!)) break;
    kept.pop();
    signatureRemoved = true;
  }
  return { kept, signatureRemoved };
}

/** Trailing spaces and runs of blank lines removed, the whole trimmed. */
function tidy(lines: string[]): string {
  return lines
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
