import { z } from 'zod';
import { levelWindows } from '../../core/levels/place';
import { text } from './common';
import { currency, money } from './gifts';

export { levelWindows };

/** Limits of donor levels, shared by the server and the web apps. */
export const levelLimits = { nameMax: 100, slugMax: 60 } as const;

/** A level's slug: what promise policies (segments) and routing rules (tiers) name it by. */
export const levelSlug = z
  .string()
  .min(1)
  .max(levelLimits.slugMax)
  .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens only (e.g. "gold")');

/** Body of POST /donor-levels. */
export const levelInput = z.strictObject({
  name: text(levelLimits.nameMax),
  slug: levelSlug,
  minAmount: money.describe("Minor units the donor's own giving must reach in the window"),
  currency,
  window: z
    .enum(levelWindows)
    .describe("lifetime, the last 12 months, or this calendar year (the organization's time zone)"),
});
/** A new donor level. */
export type LevelInput = z.infer<typeof levelInput>;

/** Body of PATCH /donor-levels/{id}: any of the fields. */
export const levelPatch = levelInput.partial();
/** A change to a donor level. */
export type LevelPatch = z.infer<typeof levelPatch>;
