import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { publicRequestInput } from '../../../shared/schemas/requests';
import {
  publicOrganization,
  submitPublicRequest,
  type PublicReceipt,
} from '../../domain/requests/public-intake';
import {
  acknowledgementTitle,
  formLanguage,
  formTexts,
  type Language,
} from '../../domain/requests/public-texts';
import type { AppError } from '../../errors';
import { toAppError } from '../error-writer';
import { createOnce } from '../idempotency';
import type { App, AppDeps } from '../types';

const languageNames = { en: 'English', es: 'Español', lt: 'Lietuvių', uk: 'Українська' };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (lang: string, title: string, body: string) =>
  `<!doctype html><html lang="${escape(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
  `<style>${plainStyles}</style></head><body>${body}</body></html>`;

const isForm = (req: FastifyRequest) =>
  String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

/**
 * The plain HTML form: works with no JavaScript at all. It is the page at /p/{org}/request, and
 * the portal's pages carry it too, until (and unless) their JavaScript replaces it.
 */
export function plainForm(org: { slug: string; name: string }, lang: Language): string {
  const f = formTexts(lang);
  return (
    `<h1>${escape(f.heading)}</h1><p>${escape(f.intro)}</p>` +
    `<form method="post" action="/api/v1/public/${escape(org.slug)}/requests">` +
    `<input type="hidden" name="language" value="${escape(lang)}">` +
    `<label for="name">${escape(f.name)}</label><input id="name" name="name" required maxlength="200" autocomplete="name">` +
    `<label for="email">${escape(f.email)}</label><input id="email" name="email" type="email" maxlength="254" autocomplete="email" aria-describedby="contact-hint">` +
    `<label for="phone">${escape(f.phone)}</label><input id="phone" name="phone" type="tel" maxlength="40" autocomplete="tel" aria-describedby="contact-hint">` +
    `<p id="contact-hint" class="hint">${escape(f.contactHint)}</p>` +
    `<label for="subject">${escape(f.subject)}</label><input id="subject" name="subject" required maxlength="200">` +
    `<label for="description">${escape(f.description)}</label><textarea id="description" name="description" rows="6" required></textarea>` +
    `<div class="hp" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<button type="submit">${escape(f.send)}</button></form>`
  );
}

/** The styles of the plain pages (and of the portal's no-JavaScript form). */
export const plainStyles =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}label{display:block;margin-top:1rem;font-weight:600}input,textarea{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #555;border-radius:4px}.hint{margin:.25rem 0 0;color:#444;font-size:.9rem}button{margin-top:1.5rem;padding:.6rem 1.2rem;font:inherit;background:#1d4ed8;color:#fff;border:0;border-radius:4px}.hp{position:absolute;left:-10000px}';

/** Links to the same page in each language (no JavaScript needed). */
const languageLinks = (lang: Language) =>
  `<nav aria-label="Language">${Object.entries(languageNames)
    .map(([code, name]) =>
      code === lang
        ? `<strong lang="${code}">${name}</strong>`
        : `<a href="?lang=${code}" lang="${code}" hreflang="${code}">${name}</a>`,
    )
    .join(' · ')}</nav>`;

function formHtml(org: { slug: string; name: string }, lang: Language): string {
  return page(
    lang,
    org.name,
    `${languageLinks(lang)}<p><strong>${escape(org.name)}</strong></p>${plainForm(org, lang)}`,
  );
}

function receiptHtml(receipt: PublicReceipt): string {
  const title = acknowledgementTitle(receipt.language as never);
  return page(
    receipt.language,
    title,
    `<h1>${escape(title)}</h1><p><strong>${escape(receipt.reference)}</strong></p><p>${escape(receipt.message)}</p>`,
  );
}

function errorHtml(req: FastifyRequest, err: AppError, slug: string): string {
  const body = (req.body ?? {}) as { language?: unknown };
  const lang = formLanguage(
    typeof body.language === 'string' ? body.language : req.headers['accept-language'],
    'en',
  );
  const f = formTexts(lang);
  const details = err.details
    .map((d) => `<li>${escape(d.path)}: ${escape(d.message)}</li>`)
    .join('');
  return page(
    lang,
    f.notSent,
    `<h1>${escape(f.notSent)}</h1><p>${escape(err.message)}</p>${details ? `<ul>${details}</ul>` : ''}<p><a href="/p/${escape(slug)}/request">${escape(f.back)}</a> · ${escape(req.id)}</p>`,
  );
}

/** Answers a form post in HTML, anything else in JSON. */
function answer(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  json: unknown,
  html: string,
) {
  if (isForm(req)) return reply.status(status).type('text/html; charset=utf-8').send(html);
  return reply.status(status).send(json);
}

const receiptView = z.object({
  reference: z.string(),
  firstResponseDueAt: z.string().nullable(),
  language: z.string(),
  message: z.string(),
});

/** The public web form: `GET /p/{org}/request` (HTML) and `POST /api/v1/public/{org}/requests` (JSON or form). */
export function requestFormRoutes(app: App, deps: AppDeps, prefix: string): void {
  const db = deps.database.db;
  if (prefix === '') {
    app.get(
      '/p/:org/request',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          hide: true,
          params: z.object({ org: z.string().max(100) }),
          querystring: z.object({ lang: z.string().max(10).optional() }),
        },
      },
      async (req, reply) => {
        const org = await publicOrganization(db, req.params.org);
        const lang = formLanguage(
          req.query.lang ?? req.headers['accept-language'],
          org.defaultLanguage,
        );
        return reply.type('text/html; charset=utf-8').send(formHtml(org, lang));
      },
    );
    return;
  }
  app.post(
    '/public/:org/requests',
    {
      config: { access: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      attachValidation: true,
      schema: {
        tags: ['public'],
        summary:
          'Raise a request without signing in (JSON or an HTML form post); answers with the reference and the promised first-response time',
        security: [],
        params: z.object({ org: z.string().min(1).max(100) }),
        body: publicRequestInput,
        response: { 201: receiptView },
      },
    },
    async (req, reply) => {
      try {
        if (req.validationError) throw toAppError(req.validationError, req);
        const org = await publicOrganization(db, req.params.org);
        const receipt = await createOnce(
          req,
          reply,
          deps,
          (tx) =>
            submitPublicRequest(tx, deps.clock, org, req.body, req.headers['accept-language']),
          201,
          {
            orgId: org.id,
            principal: `public:${req.ip}`,
          },
        );
        return answer(req, reply, 201, receipt, receiptHtml(receipt));
      } catch (error) {
        if (!isForm(req)) throw error;
        const err = toAppError(error, req);
        return answer(req, reply, err.status, null, errorHtml(req, err, req.params.org));
      }
    },
  );
}
