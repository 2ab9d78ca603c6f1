import { describe, expect, it } from 'vitest';
import { slugify } from './api';
import { figureValue, inLanguage, type UpdateContent } from './impact';

const update: UpdateContent = {
  periodFrom: '2026-10-01',
  periodTo: '2026-10-31',
  language: 'en',
  title: '42 families warm',
  story: 'Boilers and roofs.',
  figures: [
    { label: 'families kept warm', value: 42 },
    { label: 'of roofs insulated', value: 1250, unit: 'm²' },
  ],
  translations: {
    es: {
      title: '42 familias abrigadas',
      story: 'Calderas y tejados.',
      figureLabels: ['familias', ''],
    },
    lt: { title: '', story: '' },
  },
};

describe('impact updates in the staff console', () => {
  it('shows a donor the translation of their language, figure labels left empty as the original', () => {
    const es = inLanguage(update, 'es');
    expect(es.language).toBe('es');
    expect(es.title).toBe('42 familias abrigadas');
    expect(es.figures.map((f) => f.label)).toEqual(['familias', 'of roofs insulated']);
    expect(es.figures[1]).toMatchObject({ value: 1250, unit: 'm²' });
  });

  it('shows the original where there is no translation (or only an empty one)', () => {
    expect(inLanguage(update, 'uk')).toMatchObject({ language: 'en', title: '42 families warm' });
    expect(inLanguage(update, 'lt')).toMatchObject({ language: 'en', title: '42 families warm' });
  });

  it('reads figures as typed in the language, thousands and decimals apart', () => {
    expect(figureValue('42', 'en')).toBe(42);
    expect(figureValue('1,250', 'en')).toBe(1250);
    expect(figureValue('1 250', 'lt')).toBe(1250);
    expect(figureValue('3,5', 'lt')).toBe(3.5);
    expect(figureValue('3.5', 'lt')).toBe(3.5);
    expect(figureValue('1.250', 'es')).toBe(1250);
    expect(figureValue('-2.5', 'en')).toBe(-2.5);
    expect(figureValue('', 'en')).toBeNull();
    expect(figureValue('forty', 'en')).toBeNull();
    expect(figureValue('1,2,3.4.5', 'en')).toBeNull();
  });

  it('makes a level slug from its name', () => {
    expect(slugify('Gold circle')).toBe('gold-circle');
    expect(slugify('  Šviesos draugai! ')).toBe('sviesos-draugai');
    expect(slugify('Золото')).toBe('');
  });
});
