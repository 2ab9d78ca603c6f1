/**
 * The lines mail clients put above quoted history and under replies, in the languages Tend's
 * requesters write in (English, Spanish, Lithuanian, Ukrainian, Russian) plus a few neighbours.
 * `visible-reply.ts` decides what to cut; this file only recognizes lines.
 */

// "wrote:" as Gmail, Apple Mail, Thunderbird and Outlook.com write it, by language.
const wroteVerb = [
  'wrote',
  'writes',
  'escribió',
  'rašė',
  'пише',
  'написав(?:\\(?ла\\)?)?',
  'написала',
  'пишет',
  'написал(?:\\(?а\\)?)?',
  'a écrit',
  'schrieb',
  'napisał(?:\\(?a\\)?)?',
].join('|');
const endsWithWrote = new RegExp(`(?:^|[\\s>)"'»])(?:${wroteVerb})\\s*:\\s*$`, 'iu');
// Russian Gmail has no verb: "вт, 3 нояб. 2026 г. в 10:00, Иван <ivan@example.org>:".
const endsWithAddressColon = /<[^<>\s]+@[^<>\s]+>\s*:\s*$/u;
// How a wrapped attribution line starts: "On …", "El …", a date, or a weekday like "вт, ".
const attributionStart = /^(?:on|el|le|am|w dniu|\d|\p{L}{2,4}\.?,\s)/iu;

/** Whether a (possibly two-line, joined) line introduces quoted history: "On …, X <x@y> wrote:". */
export function isAttribution(line: string): boolean {
  const text = line.trim();
  if (text.length > 300 || text.startsWith('>')) return false;
  const dated = /\d/.test(text) || text.includes('@');
  return dated && (endsWithWrote.test(text) || endsWithAddressColon.test(text));
}

// How a complete attribution line starts: a word like "On", a weekday, or a full date.
const strongStart =
  /^(?:(?:on|el|le|am|w dniu)\s|\p{L}{2,4}\.?,\s|\d{1,4}[-./]\d{1,2}[-./]\d{1,4})/iu;

/** Whether a line is a whole attribution by itself, not the tail of a wrapped one. */
export function isCompleteAttribution(line: string): boolean {
  return strongStart.test(line.trim()) && isAttribution(line);
}

/** Whether a line may begin an attribution that the client wrapped onto the next line. */
export function mayStartAttribution(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length < 200 && attributionStart.test(text) && /\d/.test(text);
}

const originalMessage = [
  'original message',
  'mensaje original',
  'pradinis laiškas',
  'originalus laiškas',
  'оригінальне повідомлення',
  'вихідне повідомлення',
  'исходное сообщение',
  'message d.origine',
  'ursprüngliche nachricht',
].join('|');
const originalSeparator = new RegExp(`^\\s*-{2,}\\s*(?:${originalMessage})\\s*-{2,}\\s*$`, 'iu');

/** Whether a line is Outlook's "-----Original Message-----" (or its translation). */
export function isOriginalMessageSeparator(line: string): boolean {
  return originalSeparator.test(line);
}

/** Whether a line is the long underscore rule Outlook puts above the quoted header block. */
export function isUnderscoreRule(line: string): boolean {
  return /^\s*_{20,}\s*$/.test(line);
}

// Outlook header names; plain-text Outlook sometimes bolds them as "*From:*".
const fromKeys = 'from|de|nuo|від|от|von|expéditeur|od';
const otherKeys = [
  'sent|date|to|cc|subject',
  'enviado(?: el)?|enviada|fecha|para|asunto|cc',
  'išsiųsta|data|kam|tema|kopija',
  'надіслано|відправлено|дата|кому|тема|копія',
  'отправлено|дата|кому|тема|копия',
  'gesendet|an|betreff|envoyé|à|objet',
].join('|');
const fromHeader = new RegExp(`^\\s*\\*?(?:${fromKeys})\\s*:\\*?\\s*\\S`, 'iu');
const otherHeader = new RegExp(`^\\s*\\*?(?:${otherKeys})\\s*:\\*?(?:\\s|$)`, 'iu');

/** Whether a line is the "From:" line of a quoted header block, in any supported language. */
export function isFromHeader(line: string): boolean {
  return fromHeader.test(line);
}

/** Whether a line is one of the other header lines (Sent/To/Subject…) of a quoted header block. */
export function isOtherHeader(line: string): boolean {
  return otherHeader.test(line);
}

const mobile = [
  'sent from (?:my )?\\S',
  'sent with \\S',
  'get outlook for \\S',
  'enviado desde (?:mi )?\\S',
  'enviado con \\S',
  'obtener outlook para \\S',
  'išsiųsta iš (?:mano )?\\S',
  'siųsta iš (?:mano )?\\S',
  'надіслано з (?:мого )?\\S',
  'відправлено з (?:мого )?\\S',
  'отправлено с (?:моего )?\\S',
].join('|');
const mobileSignature = new RegExp(`^\\s*(?:${mobile})[^\\n]{0,60}$`, 'iu');

/** Whether a line is a client's "Sent from my iPhone" style signature, in any supported language. */
export function isMobileSignature(line: string): boolean {
  return mobileSignature.test(line);
}

/** Whether a line is the RFC 3676 signature separator "-- " (clients often drop its space). */
export function isSignatureSeparator(line: string): boolean {
  return /^--\s?$/.test(line.replace(/\u00a0/g, ' '));
}

const forwarded = [
  '-{2,}\\s*(?:forwarded message|mensaje reenviado|persiųstas laiškas|пересланий лист|пересланное сообщение|пересылаемое сообщение)\\s*-{2,}',
  '(?:begin forwarded message|inicio del mensaje reenviado|persiųsto laiško pradžia|початок пересланого листа|начало переадресованного сообщения)\\s*:',
].join('|');
const forwardMarker = new RegExp(`^\\s*(?:${forwarded})\\s*$`, 'iu');

/** Whether a line opens a forwarded message ("---------- Forwarded message ---------"). */
export function isForwardMarker(line: string): boolean {
  return forwardMarker.test(line);
}
