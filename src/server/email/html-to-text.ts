import { attribute, htmlTokens } from './html-tokens';

/**
 * A small HTML → plain text converter for email bodies (mailparser's html-to-text is not one of
 * our declared dependencies). Block elements start new lines, paragraphs and quotes are set off
 * by blank lines, `<br>` breaks lines, list items get "- " or "1. ", blockquote lines get "> ",
 * links keep their address in parentheses, images their alt text; script and style are dropped.
 * @example htmlToText('<p>Hi&nbsp;Ana</p><blockquote>old</blockquote>') // 'Hi Ana\n\n> old'
 */
export function htmlToText(html: string): string {
  const out = new Writer();
  for (const token of htmlTokens(html)) {
    if (token.kind === 'text') out.text(token.text);
    else if (token.kind === 'open') out.open(token.name, token.attrs);
    else out.close(token.name);
  }
  return out.result();
}

const paragraphs = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'table', 'ul', 'ol']);
const blocks = new Set([
  ...['div', 'li', 'tr', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'nav'],
  ...['address', 'figure', 'figcaption', 'center', 'form', 'fieldset', 'main', 'aside', 'caption'],
]);

// Quote and list levels shown; deeper ones are drawn at this level (hostile nesting stays linear).
const MAX_DEPTH = 10;

/** Collects lines with their blockquote depth; whitespace collapses outside `<pre>`. */
class Writer {
  private lines: { depth: number; text: string }[] = [];
  private current = '';
  private depth = 0;
  private pre = 0;
  private lists: { ordered: boolean; next: number }[] = [];
  private link: { href: string; text: string } | undefined; // links do not nest in HTML

  text(raw: string): void {
    if (this.pre > 0) {
      const [first = '', ...rest] = raw.split(/\r?\n/);
      this.append(first);
      for (const line of rest) this.breakLine(line);
      return;
    }
    const text = raw.replace(/[ \t\r\n\f]+/g, ' ');
    this.append(this.current === '' || this.current.endsWith(' ') ? text.trimStart() : text);
  }

  open(name: string, attrs: string): void {
    if (name === 'br') return this.breakLine();
    if (name === 'img') return this.append(attribute(attrs, 'alt') ?? '');
    if (name === 'hr') {
      this.paragraph();
      this.append('---');
      return this.paragraph();
    }
    if (name === 'blockquote') {
      this.paragraph();
      this.depth++;
      return;
    }
    if (name === 'a') {
      this.endLink();
      this.link = { href: attribute(attrs, 'href') ?? '', text: '' };
    }
    if ((name === 'td' || name === 'th') && this.current.trim() !== '') this.append('\t');
    if (paragraphs.has(name)) this.paragraph();
    else if (blocks.has(name)) this.block();
    if (name === 'pre') this.pre++;
    if (name === 'ul' || name === 'ol') {
      const start = Number(attribute(attrs, 'start') ?? 1);
      this.lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
    }
    if (name === 'li') this.append(this.bullet());
  }

  close(name: string): void {
    if (name === 'a') return this.endLink();
    if (name === 'blockquote') {
      this.block();
      this.depth = Math.max(0, this.depth - 1);
      return this.paragraph();
    }
    if (name === 'pre') this.pre = Math.max(0, this.pre - 1);
    if (name === 'ul' || name === 'ol') this.lists.pop();
    if (paragraphs.has(name)) this.paragraph();
    else if (blocks.has(name)) this.block();
  }

  result(): string {
    this.block();
    const out: string[] = [];
    let nextDepth = 0; // the depth of the next non-blank line, walking backwards
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const { depth, text } = this.lines[i]!;
      const blank = text.trim() === '';
      // A blank line between quote levels belongs to the shallower one.
      const level = Math.min(MAX_DEPTH, blank ? Math.min(depth, nextDepth) : depth);
      if (!blank) nextDepth = depth;
      const line = ('> '.repeat(level) + text.replace(/\u00a0/g, ' ')).trimEnd();
      if (!(blank && /^[> ]*$/.test(out.at(-1) ?? ''))) out.push(line);
    }
    return out
      .reverse()
      .join('\n')
      .replace(/^(?:[> ]*\n)+/, '')
      .trim();
  }

  private append(text: string): void {
    this.current += text;
    if (this.link) this.link.text += text;
  }

  private bullet(): string {
    const list = this.lists[this.lists.length - 1];
    const indent = '  '.repeat(Math.max(0, Math.min(MAX_DEPTH, this.lists.length - 1)));
    return indent + (list?.ordered ? `${list.next++}. ` : '- ');
  }

  private endLink(): void {
    const link = this.link;
    this.link = undefined;
    if (!link || !/^(?:https?:|mailto:)/i.test(link.href)) return;
    const shown = link.text.trim();
    const bare = link.href.replace(/^mailto:/i, '');
    if (shown !== link.href && shown !== bare) this.append(shown ? ` (${bare})` : bare);
  }

  /** Ends the current line; `next` starts the following one. */
  private breakLine(next = ''): void {
    this.lines.push({ depth: this.depth, text: this.current });
    this.current = '';
    this.append(next);
  }

  private block(): void {
    if (this.current.trim() !== '') this.breakLine();
    else this.current = '';
  }

  /** A blank line, except inside a list, whose items and nested lists sit on plain lines. */
  private paragraph(): void {
    this.block();
    if (this.lists.length > 0) return;
    const last = this.lines[this.lines.length - 1];
    if (last && last.text.trim() !== '') this.lines.push({ depth: this.depth, text: '' });
  }
}
