/**
 * A first guess at the language of a short message, among the languages Tend serves, from the
 * letters and the most common words: good enough to answer a newcomer in their own language, and
 * undefined when the text gives no clear sign (the organization's default applies then).
 * @example guessLanguage('Laba diena, ar galėčiau gauti maisto paketą?') // 'lt'
 */
export function guessLanguage(text: string): 'en' | 'es' | 'lt' | 'uk' | undefined {
  const sample = text.slice(0, 4000).toLowerCase();
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return undefined;
  const score = { en: 0, es: 0, lt: 0, uk: 0 };
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic > latin) {
    // Ukrainian has і ї є ґ; Russian has ы э ъ ё, which Ukrainian lacks.
    const uk = (sample.match(/[іїєґ]/gu) ?? []).length;
    const ru = (sample.match(/[ыэъё]/gu) ?? []).length;
    return uk > 0 && uk >= ru ? 'uk' : undefined;
  }
  score.lt += 3 * (sample.match(/[ąčęėįšųūž]/gu) ?? []).length;
  score.es += 3 * (sample.match(/[ñ¿¡]/gu) ?? []).length + (sample.match(/[áéíóú]/gu) ?? []).length;
  for (const w of words) {
    if (common.en.has(w)) score.en += 2;
    if (common.es.has(w)) score.es += 2;
    if (common.lt.has(w)) score.lt += 2;
  }
  const ranked = (Object.entries(score) as [keyof typeof score, number][]).sort(
    (a, b) => b[1] - a[1],
  );
  const [best, second] = ranked;
  return best![1] >= 4 && best![1] >= 2 * second![1] ? best![0] : undefined;
}

const common = {
  en: new Set(
    'the and to of a i you is in it for my we please hello hi thank thanks can need help have with this that our your be are'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la de que y en los las por para un una es mi con hola gracias necesito ayuda por favor puedo quiero tengo buenos días no'.split(
      ' ',
    ),
  ),
  lt: new Set(
    'ir ar kad su man mano labas laba diena sveiki ačiū prašau galiu noriu reikia pagalbos dėl yra iš į tai ne'.split(
      ' ',
    ),
  ),
};
