import { describe, expect, it } from 'vitest';
import { fillTemplate, pickTranslation, templateVariables } from './template';

describe('templates', () => {
  it('fills known variables and leaves unknown ones visible', () => {
    expect(
      fillTemplate('Labas, {{requester.name}}! {{ request.reference }} {{oops}}', {
        'requester.name': 'Rūta',
        'request.reference': 'R-1001',
      }),
    ).toBe('Labas, Rūta! R-1001 {{oops}}');
    expect(templateVariables('{{a.b}} and {{c}}')).toEqual(['a.b', 'c']);
  });

  it('does not treat replacement text as a pattern', () => {
    expect(fillTemplate('{{x}}', { x: '$& {{y}}' })).toBe('$& {{y}}');
  });

  it('picks the exact language, then its base, then the fallback, then any', () => {
    const bodies = { en: 'Hello', es: 'Hola', uk: 'Привіт' };
    expect(pickTranslation(bodies, 'uk', 'en')).toEqual({ language: 'uk', body: 'Привіт' });
    expect(pickTranslation(bodies, 'es-MX', 'en')).toEqual({ language: 'es', body: 'Hola' });
    expect(pickTranslation(bodies, 'lt', 'en')).toEqual({ language: 'en', body: 'Hello' });
    expect(pickTranslation({ lt: 'Labas' }, 'de', 'en')).toEqual({ language: 'lt', body: 'Labas' });
    expect(pickTranslation({}, 'de', 'en')).toBeUndefined();
  });
});
