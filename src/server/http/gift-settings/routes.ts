import { z } from 'zod';
import { giftSettingsInput } from '../../../shared/schemas/gift-settings';
import { readGiftSettings, saveGiftSettings } from '../../domain/gift-settings/gift-settings';
import { actorOf } from '../authenticate';
import { expectedVersion, withEtag } from '../if-match';
import type { App, AppDeps } from '../types';

const tags = ['gift settings'];
const fields = (names: string[]) =>
  z.object(Object.fromEntries(names.map((n) => [n, z.string().nullable()])));

/** Gift settings as the API answers them. */
export const giftSettingsView = z.object({
  currency: z.string(),
  majorGiftAmount: z.int().nullable(),
  receipt: fields([
    'legalName',
    'registrationNumber',
    'address',
    'signatoryName',
    'signatoryTitle',
    'closingText',
  ]).describe('Printed on receipts'),
  payment: fields(['accountName', 'iban', 'bic', 'bankName', 'chequePayableTo', 'cashAt']).describe(
    'What donors giving offline on the portal are told',
  ),
  version: z.int().describe('0 until first saved; send it back as If-Match'),
  updatedAt: z.string().nullable(),
});

/** The organization's gift settings: currency, major-gift threshold, receipt and payment texts. */
export function giftSettingsRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.get(
    '/gift-settings',
    {
      config: { access: 'gifts.read' },
      schema: { tags, summary: 'The gift settings', response: { 200: giftSettingsView } },
    },
    async (req, reply) => withEtag(reply, await readGiftSettings(db, actorOf(req))),
  );
  app.put(
    '/gift-settings',
    {
      config: { access: 'funds.manage' },
      schema: {
        tags,
        summary: 'Replace the gift settings (send If-Match with the version read)',
        body: giftSettingsInput,
        response: { 200: giftSettingsView },
      },
    },
    async (req, reply) => {
      const expected = expectedVersion(req.headers['if-match']);
      const saved = await db.transaction((tx) =>
        saveGiftSettings(tx, deps.clock, actorOf(req), req.body, expected),
      );
      return withEtag(reply, saved);
    },
  );
}
