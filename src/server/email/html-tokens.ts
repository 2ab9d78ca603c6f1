import { decodeEntities } from './html-entities';

/** A piece of HTML: text (entities decoded) or a tag with its raw attribute text. */
export type HtmlToken =
  { kind: 'text'; text: string } | { kind: 'open' | 'close'; name: string; attrs: string };

// Elements whose content is never text to show; the tokenizer skips to their end tag.
const rawContent = new Set(['script', 'style', 'title', 'template', 'noscript', 'svg']);

/**
 * The tokens of an HTML document, read forgivingly and in one pass: a "<" that starts no tag is
 * text, comments and doctypes are dropped, and a tag left open at the end drops the rest (as a
 * browser does), so hostile or broken markup cannot make the scan quadratic.
 */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  const tagName = /<(\/?)([a-z][a-z0-9:-]*)/iy;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt !== at) {
      const end = lt === -1 ? html.length : lt;
      yield { kind: 'text', text: decodeEntities(html.slice(at, end)) };
      at = end;
      continue;
    }
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[at + 1] === '!' || html[at + 1] === '?') {
      const close = html.indexOf('>', at);
      at = close === -1 ? html.length : close + 1;
      continue;
    }
    tagName.lastIndex = at;
    const m = tagName.exec(html);
    if (!m) {
      yield { kind: 'text', text: '<' };
      at += 1;
      continue;
    }
    const end = tagEnd(html, tagName.lastIndex);
    if (end === -1) return;
    const name = m[2]!.toLowerCase();
    const attrs = html.slice(tagName.lastIndex, end);
    at = end + 1;
    if (m[1]) {
      yield { kind: 'close', name, attrs };
    } else if (rawContent.has(name) && !attrs.endsWith('/')) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = at;
      at = close.exec(html) ? close.lastIndex : html.length;
    } else {
      yield { kind: 'open', name, attrs };
    }
  }
}

/** The index of the ">" that ends a tag, skipping quoted attribute values; -1 at the end. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  let previous = ''; // the last character outside spaces: a quote opens a value only after "="
  for (let i = from; i < html.length; i++) {
    const c = html[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && previous === '=') {
      quote = c;
    } else if (c === '>') {
      return i;
    }
    if (!/\s/.test(c)) previous = c;
  }
  return -1;
}

/** An attribute's value from a tag's attribute text, entities decoded. */
export function attribute(attrs: string, name: string): string | undefined {
  const pattern = `(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`;
  const m = new RegExp(pattern, 'i').exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}
