import { describe, expect, it } from 'vitest';
import { fillThanks, mergeValues, unknownMergeFields, type MergeSource } from './merge';

const source: MergeSource = {
  donor: { name: 'Rūta Kazlauskienė', givenName: 'Rūta' },
  gift: { kind: 'one_time', amount: 2550, currency: 'EUR', receivedOn: '2026-12-03', details: {} },
  funds: [],
  organization: 'Maisto bankas',
};

describe('thank-you merge fields', () => {
  it('finds the fields nobody fills in, once each', () => {
    expect(unknownMergeFields('{{firstName}} {{ amout }} {{amout}} {{fund.name}}')).toEqual([
      'amout',
      'fund.name',
    ]);
    expect(
      unknownMergeFields('{{firstName}}{{name}}{{amount}}{{date}}{{fund}}{{organization}}{{kind}}'),
    ).toEqual([]);
  });

  it('writes money, dates and words in the language, with a fallback for no fund and no amount', () => {
    expect(mergeValues(source, 'en')).toMatchObject({
      amount: '€25.50',
      date: 'December 3, 2026',
      fund: 'where it is needed most',
      kind: 'gift',
    });
    expect(mergeValues(source, 'es').date).toBe('3 de diciembre de 2026');
    const goods = mergeValues(
      {
        ...source,
        gift: { ...source.gift, kind: 'in_kind', amount: null, details: { description: 'Coats' } },
        funds: ['Food', 'Shelter'],
      },
      'uk',
    );
    expect(goods).toMatchObject({
      amount: 'Coats',
      fund: 'Food, Shelter',
      kind: 'речова допомога',
    });
    expect(
      mergeValues({ ...source, donor: { name: 'Acme', givenName: null } }, 'en').firstName,
    ).toBe('Acme');
  });

  it('fills values as text, never expanding a value that looks like a field', () => {
    const values = mergeValues(
      { ...source, donor: { name: '{{amount}}', givenName: '{{fund}}' } },
      'en',
    );
    expect(
      fillThanks({ subject: 'Hi\n{{firstName}}', body: '{{name}} / {{amount}}' }, values),
    ).toEqual({
      subject: 'Hi {{fund}}',
      body: '{{amount}} / €25.50',
    });
  });
});
