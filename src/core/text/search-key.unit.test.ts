import { describe, expect, it } from 'vitest';
import { nameVariants, searchText } from './search-key';

describe('name search keys', () => {
  it('drops case and Lithuanian accents', () => {
    expect(nameVariants('Šarūnas Žemaitis')[0]).toBe('sarunas zemaitis');
  });

  it('also spells carons as Cyrillic transliteration does', () => {
    expect(nameVariants('Šarūnas Žemaitis')).toEqual(['sarunas zemaitis', 'sharunas zhemaitis']);
    expect(nameVariants('Шарунас')).toEqual(['sharunas']);
  });

  it('writes Ukrainian Cyrillic in Latin letters', () => {
    expect(nameVariants('Коваленко')).toEqual(['kovalenko']);
    expect(nameVariants('Олександр Шевченко')).toContain('oleksandr shevchenko');
  });

  it('keeps the common alternative spelling beside the official one', () => {
    expect(nameVariants('Григоренко')).toEqual(['hryhorenko', 'grigorenko']);
    expect(nameVariants('Юлія')).toEqual(['iuliia', 'yuliya']);
  });

  it('folds Spanish accents and special Latin letters', () => {
    expect(nameVariants('José Muñoz')).toEqual(['jose munoz']);
    expect(nameVariants('Łukasz Øberg')).toEqual(['lukasz oberg']);
  });

  it('joins the variants of several names without repeats', () => {
    expect(searchText('Ana', 'ana', null)).toBe('ana');
    expect(searchText('Григорій', undefined)).toBe('hryhorii grigoriy');
  });

  it('removes apostrophes inside Ukrainian names', () => {
    expect(nameVariants('Мар’яна')).toEqual(['mariana', 'maryana']);
  });
});
