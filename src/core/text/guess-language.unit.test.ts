import { describe, expect, it } from 'vitest';
import { guessLanguage } from './guess-language';

describe('guessLanguage', () => {
  it.each([
    ['Laba diena, ar galėčiau gauti maisto paketą? Ačiū', 'lt'],
    ['Sveiki, man reikia pagalbos dėl būsto', 'lt'],
    ['Hola, necesito ayuda con la comida para mi familia. Gracias', 'es'],
    ['¿Puedo venir mañana?', 'es'],
    ['Доброго дня! Потрібна допомога з їжею для моєї родини.', 'uk'],
    ['Hello, I need help with a food parcel for my family, please.', 'en'],
  ])('%j is %s', (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it.each([
    ['Здравствуйте, мне нужна помощь с едой.'], // Russian: not one Tend writes
    ['OK'],
    ['12345'],
    [''],
  ])('gives no guess for %j', (text) => {
    expect(guessLanguage(text)).toBeUndefined();
  });
});
