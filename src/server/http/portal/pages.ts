import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { publicOrganization } from '../../domain/requests/public-intake';
import { formLanguage } from '../../domain/requests/public-texts';
import { plainForm, plainStyles } from '../public/request-form';
import type { App, AppDeps } from '../types';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The portal's pages, /p/{org} and everything under it: the portal app's HTML (its script shows
 * the page the address names), with the plain request form inside its root element, in the
 * visitor's language, so that a browser without JavaScript can still ask for help. The form
 * page /p/{org}/request keeps its own route.
 */
export async function portalPages(app: App, deps: AppDeps, webRoot: string): Promise<void> {
  const shell = await readFile(join(webRoot, 'portal.html'), 'utf8');
  const page = async (slug: string, acceptLanguage: string | undefined) => {
    const org = await publicOrganization(deps.database.db, slug);
    const lang = formLanguage(acceptLanguage, org.defaultLanguage);
    const noScript = `<div class="plain-form"><style>${plainStyles}</style><p><strong>${escapeHtml(org.name)}</strong></p>${plainForm(org, lang)}</div>`;
    // Replacer functions: a `$` in an organization's name is text, not a replacement pattern.
    return shell
      .replace('<html lang="en">', () => `<html lang="${lang}">`)
      .replace('<!--plain-form-->', () => noScript);
  };
  const options = {
    config: { access: 'public' as const, rateLimit: { max: 120, timeWindow: '1 minute' } },
    schema: { hide: true, params: z.object({ org: z.string().min(1).max(100) }) },
  };
  app.get('/p/:org', options, async (req, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await page(req.params.org, req.headers['accept-language'])),
  );
  app.get('/p/:org/*', options, async (req, reply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await page(req.params.org, req.headers['accept-language'])),
  );
}
