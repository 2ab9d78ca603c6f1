import { z } from 'zod';

/**
 * A UUID, lower-cased as it is read: ids are compared as text once read, and some clients print
 * them in capitals. Every id the API reads or answers uses it (lint forbids a bare z.uuid()).
 */
export const uuid = () => z.uuid().toLowerCase(); // eslint-disable-line no-restricted-syntax

/** A UUID path or body id. */
export const id = uuid();

/** An IANA time zone name that this runtime knows, e.g. "Europe/Vilnius". */
export const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not a known IANA time zone');

/** A BCP 47 language tag, returned in canonical form ("EN-gb" → "en-GB"). */
export const language = z
  .string()
  .max(35)
  .transform((tag, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'not a BCP 47 language tag' });
    return z.NEVER;
  });

/** An ISO 3166-1 alpha-2 country code. */
export const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166 country code')
  .transform((c) => c.toUpperCase());

/** An email address, trimmed and lower-cased. */
export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('not a valid email address'))
  .transform((e) => e.toLowerCase());

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An instant as ISO 8601 with a zone designator. */
export const instant = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 instant, e.g. 2026-11-24T09:00:00Z');
