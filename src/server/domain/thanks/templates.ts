import type { Clock } from '../../../core/clock';
import { thanksLanguages } from '../../../shared/gifts';
import type { ThanksTemplateInput, ThanksTemplateUpdate } from '../../../shared/schemas/thanks';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  deleteThanksTemplateRow,
  findThanksTemplate,
  insertThanksTemplate,
  listThanksTemplates,
  thanksTemplatesNamed,
  updateThanksTemplateRow,
} from '../../db/repositories/thanks';
import { emailLanguage, type EmailLanguage } from '../../email/templates';
import { thanksTexts } from '../../email/templates/thanks';
import { AppError, notFound } from '../../errors';
import { presentThanksTemplate, type ThanksTemplateView } from '../../presenters/thanks';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';
import { unknownMergeFields } from './merge';

/** The name of the template used when none is asked for; built in when the organization has none. */
export const defaultTemplateName = 'default';

/** Refuses (422, naming the field) a subject or body that uses a merge field nobody fills in. */
export function checkMergeFields(text: { subject?: string; body?: string }): void {
  const details = (['subject', 'body'] as const).flatMap((path) =>
    unknownMergeFields(text[path] ?? '').map((f) => ({
      path,
      message: `unknown merge field {{${f}}}`,
    })),
  );
  if (details.length)
    throw new AppError(
      'rule_violated',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
}

const taken = (name: string, language: string) =>
  new AppError('conflict', `a template "${name}" in ${language} exists already`, [
    { path: 'language', message: 'taken for this name' },
  ]);

/** The organization's templates, by name then language. */
export async function thanksTemplateList(db: Executor, actor: Actor) {
  return {
    data: (await listThanksTemplates(db, actor.orgId)).map(presentThanksTemplate),
    nextCursor: null,
  };
}

/** The built-in `default` texts, per language and method: a starting point for one's own. */
export function builtInThanksTemplates() {
  return {
    data: thanksLanguages.flatMap((language) =>
      (['email', 'letter'] as const).map((method) => ({
        name: defaultTemplateName,
        language,
        method,
        ...thanksTexts[language].defaults[method],
      })),
    ),
    nextCursor: null,
  };
}

/** One template; 404 when not the organization's. */
export async function readThanksTemplate(db: Executor, actor: Actor, id: string) {
  const row = await findThanksTemplate(db, actor.orgId, id);
  if (!row) throw notFound('thanks template');
  return presentThanksTemplate(row);
}

/** Creates a template (one per name and language; 409 for a second). */
export async function createThanksTemplate(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  input: ThanksTemplateInput,
): Promise<ThanksTemplateView> {
  checkMergeFields(input);
  const now = clock.now();
  const row = await insertThanksTemplate(tx, {
    orgId: actor.orgId,
    ...input,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) throw taken(input.name, input.language);
  const view = presentThanksTemplate(row);
  await appendAudit(tx, actor, {
    action: 'create',
    entityType: 'thanks_template',
    entityId: row.id,
    after: view,
  });
  return view;
}

/** Changes a template on top of the version the caller saw (If-Match). */
export async function updateThanksTemplate(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  input: ThanksTemplateUpdate,
  expectedVersion?: number,
): Promise<ThanksTemplateView> {
  return db.transaction(async (tx) => {
    const before = await findThanksTemplate(tx, actor.orgId, id);
    if (!before) throw notFound('thanks template');
    checkVersion('thanks template', before.version, expectedVersion);
    checkMergeFields(input);
    const name = input.name ?? before.name;
    const language = input.language ?? before.language;
    const rival = (await thanksTemplatesNamed(tx, actor.orgId, name)).find(
      (t) => t.language === language && t.id !== id,
    );
    if (rival) throw taken(name, language);
    const after = await updateThanksTemplateRow(tx, actor.orgId, id, {
      ...input,
      updatedAt: clock.now(),
    });
    const view = presentThanksTemplate(after!);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'thanks_template',
      entityId: id,
      before: presentThanksTemplate(before),
      after: view,
    });
    return view;
  });
}

/** Deletes a template (thank-yous already sent keep their text in the outbox). */
export async function deleteThanksTemplate(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findThanksTemplate(tx, actor.orgId, id);
    if (!before) throw notFound('thanks template');
    await deleteThanksTemplateRow(tx, actor.orgId, id);
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'thanks_template',
      entityId: id,
      before: presentThanksTemplate(before),
    });
  });
}

/** A template's text chosen for a thank-you, and where it came from. */
export type ChosenText = {
  template: string;
  language: EmailLanguage;
  builtIn: boolean;
  subject: string;
  body: string;
};

/**
 * The text of a template for a language: the organization's own in that language, else its own
 * in the organization's language, else (for `default`) the built-in one in the asked language.
 * An unknown name is a 422 on `template`.
 */
export async function chooseThanksText(
  db: Executor,
  orgId: string,
  name: string,
  language: EmailLanguage,
  orgLanguage: string,
  method: 'email' | 'letter',
): Promise<ChosenText> {
  const own = await thanksTemplatesNamed(db, orgId, name);
  const found =
    own.find((t) => t.language === language) ??
    (name === defaultTemplateName
      ? undefined
      : own.find((t) => t.language === emailLanguage(orgLanguage)));
  if (found)
    return {
      template: name,
      language: emailLanguage(found.language),
      builtIn: false,
      subject: found.subject,
      body: found.body,
    };
  if (name !== defaultTemplateName)
    throw new AppError('rule_violated', `template: no template "${name}"`, [
      { path: 'template', message: `no template "${name}" in ${thanksLanguages.join(', ')}` },
    ]);
  return { template: name, language, builtIn: true, ...thanksTexts[language].defaults[method] };
}
