/**
 * The locale to write dates and numbers in: the browser's own variant of the chosen language
 * (en-GB's day-month order for English in Britain), else the language itself.
 */
export function localeOf(language: string): string {
  if (typeof navigator === 'undefined') return language;
  return navigator.languages.find((l) => l.split('-')[0] === language) ?? language;
}

/**
 * A language tag's name in the interface language: "Lithuanian" / "Lituano" / "Литовська" as
 * it stands alone in a list or a field, or "lituano" inside a sentence (`capital` false: CLDR's
 * own case).
 */
export function languageName(tag: string, language: string, capital = true): string {
  try {
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(tag) ?? tag;
    return capital ? name.charAt(0).toLocaleUpperCase(language) + name.slice(1) : name;
  } catch {
    return tag;
  }
}
