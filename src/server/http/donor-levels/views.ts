import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import { levelWindows } from '../../../shared/schemas/levels';

/** A donor level as the API answers it. */
export const levelView = z.object({
  id: uuid(),
  name: z.string(),
  slug: z.string().describe('What promise policies (segments) and routing rules (tiers) name'),
  minAmount: z.int().describe('Minor units'),
  currency: z.string(),
  window: z.enum(levelWindows),
  donorCount: z.int().describe('Donors in this level now'),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A donor in a level. */
export const levelDonorView = z.object({
  contact: z.object({ id: uuid(), name: z.string() }),
  total: z.int().describe("Their own giving in the level's window and currency (minor units)"),
  currency: z.string(),
  placedAt: z.string(),
});
