import { describe, expect, it } from 'vitest';
import { customFieldIssues, type CustomFieldDefinition } from './custom-fields';

const defs: CustomFieldDefinition[] = [
  { key: 'size', label: 'Size', type: 'number', requiredToSolve: true },
  { key: 'on', label: 'On', type: 'date', requiredToSolve: false },
  { key: 'pick', label: 'Pick', type: 'choice', choices: ['a', 'b'], requiredToSolve: false },
];

describe('customFieldIssues', () => {
  it('accepts values of their types and null, which clears', () => {
    expect(customFieldIssues(defs, { size: 3, on: '2028-02-29', pick: 'b' })).toEqual([]);
    expect(customFieldIssues(defs, { size: null, on: null })).toEqual([]);
  });

  it('rejects impossible dates, non-finite numbers and unknown choices', () => {
    expect(customFieldIssues(defs, { on: '2027-02-29' })[0]?.path).toBe('customFields.on');
    expect(customFieldIssues(defs, { on: '2027-2-1' })).toHaveLength(1);
    expect(customFieldIssues(defs, { size: '3' })).toHaveLength(1);
    expect(customFieldIssues(defs, { pick: 'c' })[0]?.message).toBe('one of: a, b');
  });

  it('asks for required fields only when solving, and counts an empty text as missing', () => {
    expect(customFieldIssues(defs, {})).toEqual([]);
    expect(customFieldIssues(defs, {}, { solving: true })).toEqual([
      { path: 'customFields.size', message: 'Size is required to solve' },
    ]);
    expect(customFieldIssues(defs, { size: 0 }, { solving: true })).toEqual([]);
  });

  it('checks only the values a change brings when told so', () => {
    const stored = { legacy: 'x', size: 1 };
    expect(customFieldIssues(defs, stored, { typesOnlyOf: { size: 2 } })).toEqual([]);
    expect(customFieldIssues(defs, stored)).toHaveLength(1);
  });

  it('accepts anything while no fields are defined', () => {
    expect(customFieldIssues([], { whatever: true }, { solving: true })).toEqual([]);
  });
});
