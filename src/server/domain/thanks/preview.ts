import type { ThanksPreviewInput } from '../../../shared/schemas/thanks';
import type { Executor } from '../../db/connection';
import { findGift } from '../../db/repositories/gifts';
import { invalid, notFound } from '../../errors';
import type { Actor } from '../actor';
import { writeThanks } from './send';
import { checkMergeFields } from './templates';

/**
 * A gift's thank-you written from a saved template or from unsaved text (the editor's live
 * preview), in the language asked or the donor's; nothing is sent or recorded.
 */
export async function previewThanks(db: Executor, actor: Actor, input: ThanksPreviewInput) {
  const gift = await findGift(db, actor.orgId, input.giftId);
  if (!gift) throw notFound('gift');
  if ((input.subject === undefined) !== (input.body === undefined))
    throw invalid(
      input.subject === undefined ? 'subject' : 'body',
      'send subject and body together',
    );
  const text =
    input.subject !== undefined ? { subject: input.subject, body: input.body! } : undefined;
  if (text) checkMergeFields(text);
  const w = await writeThanks(db, actor.orgId, gift, { ...input, text });
  return {
    template: w.template,
    language: w.language,
    builtIn: w.builtIn,
    method: w.method,
    subject: w.subject,
    text: w.text,
  };
}
