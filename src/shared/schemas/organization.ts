import { z } from 'zod';
import { country, email, language, text, timeZone } from './common';

/** Body of PATCH /organization: an admin changes the organization's settings. */
export const organizationChanges = z.strictObject({
  name: text(200).optional(),
  defaultCountry: country.nullable().optional(),
  defaultLanguage: language.optional(),
  timeZone: timeZone.optional(),
  inboundAddresses: z
    .array(email)
    .max(20)
    .optional()
    .describe('Addresses at which the organization receives mail; replaces the list'),
});
