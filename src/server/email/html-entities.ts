/**
 * HTML character references decoded the way browsers read them in text: numeric ones in full
 * (with the Windows-1252 reading of 128–159 that mail clients rely on), named ones for the
 * characters email HTML actually uses. An unknown name stays as written.
 */

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  cent: '¢',
  yen: '¥',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  iexcl: '¡',
  iquest: '¿',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  uuml: 'ü',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  ordf: 'ª',
  ordm: 'º',
  larr: '←',
  rarr: '→',
};

// Names a browser also decodes without the semicolon ("&amp" in old HTML).
const legacy = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

// What Windows-1252 puts at 0x80–0x9F, which browsers use for &#128;–&#159;.
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const reference = /&(?:#(\d{1,8})|#x([0-9a-f]{1,7})|([a-z][a-z0-9]{1,31}))(;?)/gi;

/** Text with its character references replaced by the characters they name. */
export function decodeEntities(text: string): string {
  return text.replace(
    reference,
    (whole: string, dec?: string, hex?: string, name?: string, semi?: string) => {
      if (dec !== undefined) return fromCodePoint(Number(dec));
      if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
      const value = name === undefined ? undefined : named[name];
      return value !== undefined && (semi || legacy.has(name!)) ? value : whole;
    },
  );
}

function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return cp1252[code - 0x80]!;
  const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  return invalid ? '\ufffd' : String.fromCodePoint(code);
}
