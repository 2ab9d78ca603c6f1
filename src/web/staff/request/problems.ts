import type { TFunction } from 'i18next';
import type { CustomFieldDefinition } from '../../../shared/custom-fields';
import { ApiError } from '../api';

/**
 * What went wrong with a change or a reply, in the reader's language: the API's 409, 412 and 422
 * answers each get their own sentence (a missing custom field is named by its label).
 */
export function problemText(
  error: Error,
  t: TFunction,
  language: string,
  fields: readonly CustomFieldDefinition[] = [],
): string {
  if (!(error instanceof ApiError)) return t('request.errors.network');
  if (error.code === 'precondition_failed') return t('request.errors.stale');
  if (error.code === 'request_closed') return t('request.errors.closed');
  if (error.status === 409) return t('request.errors.conflict');
  if (error.status === 403) return t('request.errors.forbidden');
  const missing = error.details
    .filter((p) => p.path.startsWith('customFields.') && p.message.endsWith('required to solve'))
    .map((p) => {
      const key = p.path.slice('customFields.'.length);
      return fields.find((f) => f.key === key)?.label ?? key;
    });
  if (error.code === 'rule_violated' && missing.length)
    return t('request.errors.requiredToSolve', {
      count: missing.length,
      fields: new Intl.ListFormat(language, { type: 'conjunction' }).format(missing),
    });
  if (error.status === 400 || error.status === 422)
    return t('request.errors.invalid', { message: error.message });
  return t('request.errors.other', { message: error.message });
}
