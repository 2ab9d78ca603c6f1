import type { Clock } from '../../../core/clock';
import type { BulkThanksInput, SendThanksInput } from '../../../shared/schemas/thanks';
import type { Db, Executor } from '../../db/connection';
import { giftParts, lockGift, type GiftRow } from '../../db/repositories/gifts';
import { findOrganization } from '../../db/repositories/organizations';
import { mailableAddress } from '../../db/repositories/outbox';
import { thankedContact } from '../../db/repositories/thanks';
import { AppError, notFound } from '../../errors';
import type { Actor } from '../actor';
import { donorLanguage } from '../contacts/language';
import { queueEmails } from '../email/outbox';
import { thankGift } from '../gifts/thank-gift';
import { fillThanks, mergeValues } from './merge';
import { chooseThanksText, defaultTemplateName, type ChosenText } from './templates';

/** A thank-you written for one gift: its text filled in, in the language chosen. */
export type WrittenThanks = Omit<ChosenText, 'subject' | 'body'> & {
  method: 'email' | 'letter';
  subject: string;
  text: string;
};

/**
 * Writes a gift's thank-you from a template (or unsaved text) without sending it: the language
 * asked for, else the donor's, else the organization's; merge fields in that language.
 */
export async function writeThanks(
  db: Executor,
  orgId: string,
  gift: GiftRow,
  opts: {
    template?: string;
    language?: string;
    method?: 'email' | 'letter';
    text?: { subject: string; body: string };
  },
): Promise<WrittenThanks> {
  const [org, donor, parts] = await Promise.all([
    findOrganization(db, orgId),
    thankedContact(db, orgId, gift.contactId),
    giftParts(db, orgId, [gift.id]),
  ]);
  const method = opts.method ?? (gift.thanksMethod === 'letter' ? 'letter' : 'email');
  const language = donorLanguage(opts.language, donor, org);
  const chosen: ChosenText = opts.text
    ? { template: opts.template ?? '(unsaved)', language, builtIn: false, ...opts.text }
    : await chooseThanksText(
        db,
        orgId,
        opts.template ?? defaultTemplateName,
        language,
        org?.defaultLanguage ?? 'en',
        method,
      );
  const values = mergeValues(
    {
      donor: { name: donor?.name ?? '', givenName: donor?.givenName ?? null },
      gift,
      funds: parts.allocations.map((a) => a.fundName),
      organization: org?.name ?? '',
    },
    chosen.language,
  );
  const filled = fillThanks(chosen, values);
  return { ...chosen, method, subject: filled.subject, text: filled.body };
}

/**
 * Sends a gift's thank-you: an email goes to the donor's working address through the outbox
 * (422 `no_email` when they have none); a letter is written for the user to print. Either is
 * recorded as a thank-you, which fulfils the gift's thank-you promise (thankGift). A gift already
 * thanked by email answers 409 `conflict` to another email unless `resend` is set.
 * With `onlyFirst`, a gift already thanked is left alone and `undefined` returned (bulk).
 */
export async function sendThanks(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  giftId: string,
  input: SendThanksInput,
  onlyFirst = false,
) {
  // The lock makes two senders of one gift (a double click, two bulk runs) take turns.
  const gift = await lockGift(tx, actor.orgId, giftId);
  if (!gift) throw notFound('gift');
  const { thanks } = await giftParts(tx, actor.orgId, [giftId]);
  if (onlyFirst && thanks.length) return undefined;
  const written = await writeThanks(tx, actor.orgId, gift, input);
  // The lock only makes senders take turns: the second must see the first's email and stop, or
  // a double click sends the donor two thank-yous. Sending again is a deliberate `resend`.
  if (written.method === 'email' && !input.resend && thanks.some((t) => t.method === 'email'))
    throw new AppError(
      'conflict',
      'this gift was already thanked by email; send with resend to email the donor again',
    );
  let recipient: string | null = null;
  if (written.method === 'email') {
    recipient = (await mailableAddress(tx, actor.orgId, gift.contactId)) ?? null;
    if (!recipient)
      throw new AppError('no_email', 'the donor has no email address that works', [
        { path: 'contactId', message: 'no working email address' },
      ]);
    await queueEmails(
      tx,
      [
        {
          orgId: actor.orgId,
          recipient,
          template: 'gift_thanks',
          language: written.language,
          payload: { subject: written.subject, body: written.text },
        },
      ],
      clock.now(),
    );
  }
  const how = written.method === 'email' ? `Email to ${recipient}` : 'Letter';
  const view = await thankGift(tx, clock, actor, giftId, {
    method: written.method,
    note: `${how}: “${written.subject}” (template ${written.template}, ${written.language})`.slice(
      0,
      2000,
    ),
  });
  return { gift: view, thanks: { ...written, recipient } };
}

/** One gift's outcome in a bulk thank-you. */
export type BulkResult = { giftId: string; status: 'sent' | 'skipped' | 'failed'; code?: string };

/**
 * Thanks a batch of gifts by email, each in its own transaction (one gift's failure never undoes
 * another's email): already thanked → skipped; a gift that cannot be thanked → failed with the
 * error's code (`no_email`, `not_found`…). Running it again is safe: what was sent is skipped.
 */
export async function bulkThanks(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: BulkThanksInput,
): Promise<{ data: BulkResult[] }> {
  const data: BulkResult[] = [];
  for (const giftId of [...new Set(input.giftIds)]) {
    try {
      const sent = await db.transaction((tx) =>
        sendThanks(tx, clock, actor, giftId, { template: input.template, method: 'email' }, true),
      );
      data.push({ giftId, status: sent ? 'sent' : 'skipped' });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      data.push({ giftId, status: 'failed', code: err.code });
    }
  }
  return { data };
}
