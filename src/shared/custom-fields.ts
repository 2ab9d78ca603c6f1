import { z } from 'zod';

import { customFieldTypes } from './requests';

export { customFieldTypes };

/** A custom field an organization defines for its requests (e.g. "household size", a number). */
export const customFieldDefinition = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case key, letters, digits and _'),
    label: z.string().trim().min(1).max(100),
    type: z.enum(customFieldTypes),
    choices: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
    requiredToSolve: z.boolean().default(false),
  })
  .refine((d) => d.type !== 'choice' || (d.choices?.length ?? 0) > 0, {
    message: 'a choice field needs its choices',
    path: ['choices'],
  });
/** One custom field definition. */
export type CustomFieldDefinition = z.infer<typeof customFieldDefinition>;

/** A custom field value as stored. */
export type CustomValue = string | number | boolean | null;

/** A problem with a custom field value, by its path in the request body. */
export type CustomFieldIssue = { path: string; message: string };

const isDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function valueIssue(d: CustomFieldDefinition, v: CustomValue): string | undefined {
  if (v === null) return undefined; // null clears a field
  switch (d.type) {
    case 'text':
      return typeof v === 'string' ? undefined : 'must be text';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof v === 'string' && isDate(v) ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'choice':
      return typeof v === 'string' && d.choices!.includes(v)
        ? undefined
        : `one of: ${d.choices!.join(', ')}`;
  }
}

/**
 * Checks a request's custom field values against the organization's definitions: each value of
 * its type, no unknown keys, and — when the request is being solved — every field marked
 * "required to solve" filled. `typesOnlyOf` limits the type check to the values a change brings. With no definitions at all, any typed values are accepted.
 * @example customFieldIssues([{ key: 'size', label: 'Size', type: 'number', requiredToSolve: false }], { size: 'x' })
 * // [{ path: 'customFields.size', message: 'must be a number' }]
 */
export function customFieldIssues(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<Record<string, CustomValue>>,
  opts: { solving?: boolean; typesOnlyOf?: Readonly<Record<string, CustomValue>> } = {},
): CustomFieldIssue[] {
  if (definitions.length === 0) return [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const issues: CustomFieldIssue[] = [];
  // A change checks the values it brings; older values stay as they were stored.
  for (const [key, value] of Object.entries(opts.typesOnlyOf ?? values)) {
    const d = byKey.get(key);
    const message = d ? valueIssue(d, value) : 'no such custom field';
    if (message) issues.push({ path: `customFields.${key}`, message });
  }
  if (opts.solving)
    for (const d of definitions) {
      const v = values[d.key];
      if (d.requiredToSolve && (v === undefined || v === null || v === ''))
        issues.push({ path: `customFields.${d.key}`, message: `${d.label} is required to solve` });
    }
  return issues;
}
