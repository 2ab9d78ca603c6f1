import type { thanksLanguages } from '../../shared/gifts';
import type { ThanksTemplateRow } from '../db/repositories/thanks';

/** A thank-you template as staff see it. */
export function presentThanksTemplate(t: ThanksTemplateRow) {
  return {
    id: t.id,
    name: t.name,
    language: t.language as (typeof thanksLanguages)[number],
    method: t.method as 'email' | 'letter',
    subject: t.subject,
    body: t.body,
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}
/** A presented template. */
export type ThanksTemplateView = ReturnType<typeof presentThanksTemplate>;
