import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { problemText } from './problems';

// The key and its values, so each answer shows which sentence was chosen and with what.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;
const say = (e: Error, fields = [] as Parameters<typeof problemText>[3]) =>
  problemText(e, t, 'en', fields);

describe('problemText', () => {
  it('names each missing field by its label, as a list in the language', () => {
    const e = new ApiError(422, 'rule_violated', 'customFields…', [
      { path: 'customFields.size', message: 'Household size is required to solve' },
      { path: 'customFields.income', message: 'Income is required to solve' },
    ]);
    const fields = [
      { key: 'size', label: 'Household size', type: 'number', requiredToSolve: true },
      { key: 'income', label: 'Income', type: 'number', requiredToSolve: true },
    ] as const;
    expect(say(e, [...fields])).toBe(
      'request.errors.requiredToSolve {"count":2,"fields":"Household size and Income"}',
    );
  });

  it('falls back to the key of a field the console does not know yet', () => {
    const e = new ApiError(422, 'rule_violated', 'x', [
      { path: 'customFields.size', message: 'Size is required to solve' },
    ]);
    expect(say(e)).toBe('request.errors.requiredToSolve {"count":1,"fields":"size"}');
  });

  it('tells a colleague’s change (412), a closed request, a conflict and a refusal apart', () => {
    expect(say(new ApiError(412, 'precondition_failed', 'changed'))).toBe('request.errors.stale');
    expect(say(new ApiError(422, 'request_closed', 'closed'))).toBe('request.errors.closed');
    expect(say(new ApiError(409, 'conflict', 'clash'))).toBe('request.errors.conflict');
    expect(say(new ApiError(403, 'forbidden', 'no'))).toBe('request.errors.forbidden');
  });

  it('quotes the API for other 400 and 422 answers, and says when Tend was not reached', () => {
    expect(say(new ApiError(400, 'validation_failed', 'category: one of: food'))).toBe(
      'request.errors.invalid {"message":"category: one of: food"}',
    );
    expect(say(new TypeError('Failed to fetch'))).toBe('request.errors.network');
  });
});
