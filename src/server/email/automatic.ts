/**
 * Mail no person wrote: bounces, auto-replies and list traffic. Tend must not answer these (an
 * acknowledgement to an out-of-office reply starts a mail loop) and records bounces against the
 * address they name.
 */

/** Why a message counts as automatic. */
export type AutoReason = 'auto-submitted' | 'auto-reply' | 'bounce';

/** A delivery failure report: who could not be reached, and whether it is permanent (5.x.x). */
export type Bounce = { recipient: string | null; status: string | null; hard: boolean };

/** What the classification reads from a message. */
export type AutomaticInput = {
  header: (name: string) => string | undefined;
  contentType: string;
  reportType: string | undefined;
  fromAddress: string | undefined;
  subject: string;
};

// Start of subjects that auto-responders write (Outlook's "Automatic reply:" and its translations).
const autoSubject = new RegExp(
  `^\\s*(?:${[
    'automatic reply',
    'auto(?:-| )?reply',
    'auto(?:-| )?response',
    'out of (?:the )?office',
    'respuesta automática',
    'fuera de la oficina',
    'automatinis atsakymas',
    'automatinis pranešimas',
    'автоматична відповідь',
    'автовідповідь',
    'автоматический ответ',
    'автоответ',
    'réponse automatique',
    'abwesenheitsnotiz',
    'automatische antwort',
  ].join('|')})`,
  'iu',
);

/** Why a message is automatic, or null when a person (probably) wrote it. Bounces come first. */
export function automaticReason(mail: AutomaticInput): AutoReason | null {
  const isReport =
    mail.contentType.toLowerCase() === 'multipart/report' &&
    mail.reportType?.toLowerCase() === 'delivery-status';
  const local = mail.fromAddress?.split('@')[0]?.toLowerCase();
  if (isReport || local === 'mailer-daemon' || local === 'postmaster') return 'bounce';
  if (mail.header('x-failed-recipients')) return 'bounce';
  const autoSubmitted = mail.header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-submitted';
  if (mail.header('x-autoreply') || mail.header('x-autorespond')) return 'auto-reply';
  if (/^(?:auto_reply|bulk|junk|list)$/i.test(mail.header('precedence')?.trim() ?? '')) {
    return 'auto-reply';
  }
  return autoSubject.test(mail.subject) ? 'auto-reply' : null;
}

/**
 * The failed recipient of a bounce, from its message/delivery-status part (RFC 3464) when there
 * is one; otherwise from X-Failed-Recipients and the first enhanced status code in the text.
 */
export function bounceDetails(
  deliveryStatus: string | undefined,
  failedRecipients: string | undefined,
  text: string,
): Bounce {
  const recipients = deliveryStatus ? perRecipientFields(deliveryStatus) : [];
  const failed =
    recipients.find((r) => r.get('action')?.toLowerCase() === 'failed') ??
    recipients.find((r) => /^[45]/.test(r.get('status') ?? '')) ??
    recipients[0];
  const recipientField = failed?.get('final-recipient') ?? failed?.get('original-recipient');
  const recipient =
    recipientField?.replace(/^[^;]*;/, '').trim() ?? failedRecipients?.split(',')[0]?.trim();
  const status =
    /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(failed?.get('status') ?? (failed ? '' : text))?.[0] ?? null;
  return {
    recipient: recipient ? recipient.replace(/^<|>$/g, '') : null,
    status,
    hard: status?.startsWith('5') ?? false,
  };
}

/** The per-recipient field groups of a delivery-status body (the first group is per-message). */
function perRecipientFields(body: string): Map<string, string>[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((group) => {
      const fields = new Map<string, string>();
      for (const line of group.replace(/\n[ \t]+/g, ' ').split('\n')) {
        const colon = line.indexOf(':');
        if (colon > 0)
          fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.has('final-recipient') || fields.has('original-recipient'));
}
