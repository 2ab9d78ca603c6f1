import i18next from 'i18next';

/** The languages of the web apps (staff console and portal), each named in itself. */
export const languages = { en: 'English', es: 'Español', lt: 'Lietuvių', uk: 'Українська' };
/** One web app language. */
export type Language = keyof typeof languages;

const stored = () => localStorage.getItem('tend.language');

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLanguage(): Language {
  const wanted = [stored(), ...navigator.languages.map((l) => l.split('-')[0])];
  return (wanted.find((l) => l && l in languages) as Language | undefined) ?? 'en';
}

let loadLanguage: (language: Language) => Promise<void> = () => Promise.resolve();

/** How the app downloads a language's catalogues before switching to it. */
export function setLanguageLoader(load: (language: Language) => Promise<void>): void {
  loadLanguage = load;
}

/** Whether a language was chosen on this device. */
export const hasChosenLanguage = () => stored() !== null;

/** Switches the language and (unless told not to) remembers the choice on this device. */
export async function chooseLanguage(
  language: Language,
  opts: { remember?: boolean } = {},
): Promise<void> {
  await loadLanguage(language);
  if (opts.remember !== false) localStorage.setItem('tend.language', language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
