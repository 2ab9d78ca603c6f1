/**
 * Search keys for names: lower-case, accent-free, Cyrillic written in Latin letters, so that
 * "sarunas" finds "Šarūnas" and "Kovalenko" finds "Коваленко".
 */

// Ukrainian national transliteration (2010), extended with Russian and Belarusian letters.
// prettier-ignore
const primary: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y',
  і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu',
  я: 'ia', ё: 'e', ъ: '', ы: 'y', э: 'e', ў: 'u', "'": '', '’': '', 'ʼ': '',
};

// The common alternative spellings (Russian-style and English-style): Grigorenko, Yuliya.
// prettier-ignore
const alternative: Record<string, string> = {
  ...primary, г: 'g', и: 'i', й: 'y', є: 'ye', ї: 'yi', ю: 'yu', я: 'ya', х: 'h', ы: 'y',
};

// Latin letters with a caron as Cyrillic transliteration writes them, so "Шарунас" finds "Šarūnas".
// prettier-ignore
const latinDigraphs: Record<string, string> = { ...primary, š: 'sh', ž: 'zh', č: 'ch' };

// Latin letters that Unicode does not decompose into base + accent.
// prettier-ignore
const latinSpecial: Record<string, string> = {
  ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ħ: 'h',
};

function fold(input: string, table: Record<string, string>): string {
  const lower = input.toLowerCase();
  let out = '';
  for (const ch of lower) {
    const mapped = table[ch] ?? latinSpecial[ch];
    out += mapped ?? ch;
  }
  return out
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}@.+]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * The spellings a name is findable under (one to three variants).
 * @example nameVariants('Григоренко') // ['hryhorenko', 'grigorenko']
 */
export function nameVariants(name: string): string[] {
  return [...new Set([fold(name, primary), fold(name, alternative), fold(name, latinDigraphs)])];
}

/** The text stored beside a contact and matched by name search: every variant, space-separated. */
export function searchText(...names: (string | null | undefined)[]): string {
  const variants = new Set<string>();
  for (const name of names) {
    if (name) for (const v of nameVariants(name)) if (v) variants.add(v);
  }
  return [...variants].join(' ');
}
