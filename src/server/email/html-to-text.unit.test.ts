import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities';
import { htmlToText } from './html-to-text';

describe('HTML to plain text', () => {
  it('puts block elements on their own lines and paragraphs apart', () => {
    expect(htmlToText('<div>one</div><div>two</div><p>three</p><h1>Four</h1>five')).toBe(
      'one\ntwo\n\nthree\n\nFour\n\nfive',
    );
  });

  it('breaks lines at <br> and collapses source whitespace', () => {
    expect(htmlToText('Hello,\n   Ana<br>second   line<br/><br />after a gap')).toBe(
      'Hello, Ana\nsecond line\n\nafter a gap',
    );
  });

  it('decodes named, decimal and hex references, and &nbsp; as a space', () => {
    expect(htmlToText('a&nbsp;b &amp; &lt;c&gt; &#352;ar&#x16B;nas &euro;5 &hellip; &bogus;')).toBe(
      'a b & <c> Šarūnas €5 … &bogus;',
    );
  });

  it('prefixes blockquote lines with "> ", nested ones twice', () => {
    const html =
      '<p>Yes.</p><blockquote><p>Can you come?</p><blockquote>Older<br>message</blockquote></blockquote><p>Ana</p>';
    expect(htmlToText(html)).toBe('Yes.\n\n> Can you come?\n>\n> > Older\n> > message\n\nAna');
  });

  it('drops script, style, head and comments', () => {
    const html =
      '<html><head><title>T</title><style>p{x:1}</style></head><body><!-- hidden --><script>if (a<b) x()</script><p>Body</p></body></html>';
    expect(htmlToText(html)).toBe('Body');
  });

  it('keeps link addresses that differ from the link text', () => {
    expect(htmlToText('<a href="https://tend.example/r/1">Open the request</a>.')).toBe(
      'Open the request (https://tend.example/r/1).',
    );
    expect(htmlToText('<a href="https://tend.example">https://tend.example</a>')).toBe(
      'https://tend.example',
    );
    expect(htmlToText('<a href="mailto:a@b.org">a@b.org</a>')).toBe('a@b.org');
    expect(htmlToText('<a href="javascript:x()">click</a>')).toBe('click');
  });

  it('writes list items with bullets and numbers, nested lists indented', () => {
    expect(
      htmlToText(
        '<ul><li>milk</li><li>bread<ol start="3"><li>rye</li><li>white</li></ol></li></ul>',
      ),
    ).toBe('- milk\n- bread\n  3. rye\n  4. white');
  });

  it('keeps preformatted text as it is', () => {
    expect(htmlToText('<pre>a   b\n  c</pre>after')).toBe('a   b\n  c\n\nafter');
  });

  it('puts table rows on lines and cells apart by tabs', () => {
    expect(
      htmlToText(
        '<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ana</td><td>7</td></tr></table>',
      ),
    ).toBe('Name\tAge\nAna\t7');
  });

  it('uses alt text for images and a rule for <hr>', () => {
    expect(htmlToText('<p>Logo: <img src="x.png" alt="Food &amp; Bank"></p><hr><p>end</p>')).toBe(
      'Logo: Food & Bank\n\n---\n\nend',
    );
  });

  it('treats a lone "<" and unknown tags as text or markup without losing content', () => {
    expect(htmlToText('1 < 2 and <custom-tag>x</custom-tag> <b>bold')).toBe('1 < 2 and x bold');
  });

  it('reads Outlook-style HTML with Windows-1252 references', () => {
    expect(htmlToText('<p class=MsoNormal>It&#146;s fine&#151;thanks<o:p></o:p></p>')).toBe(
      'It’s fine—thanks',
    );
  });

  it('stays fast on hostile, unclosed markup', () => {
    const started = performance.now();
    htmlToText('<a "'.repeat(50_000) + '<a<a<a'.repeat(50_000));
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stays fast on long runs of line breaks and deep nesting', () => {
    const started = performance.now();
    const text = htmlToText(
      `a${'<br>'.repeat(100_000)}b${'x<br><br>'.repeat(50_000)}${'<blockquote><ul><li><a>'.repeat(50_000)}c`,
    );
    expect(text.startsWith('a\n\nb')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps a tag\'s quoted ">" inside the tag and an apostrophe in a bare value', () => {
    expect(
      htmlToText('<img alt="a > b" src=x>ok <a title=it\'s href="https://x.example">x</a>'),
    ).toBe('a > bok x (https://x.example)');
  });

  it('drops the rest of a document whose last tag never closes', () => {
    expect(htmlToText('visible <a href="x')).toBe('visible');
  });

  it('never throws and never lets a tag through (a stray <li> once did)', () => {
    const piece = fc.oneof(
      fc.string().map((text) => text.replace(/[<&]/g, '')), // so every "<" in the output is ours
      fc.constantFrom('<p>', '</p>', '<br>', '<blockquote>', '</blockquote>', '<li>', '<ol>'),
      fc.constantFrom(
        '<script>',
        '</script>',
        '<a href="https://x.example">',
        '</a>',
        '<!--',
        '"',
        '&amp;',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        expect(htmlToText(pieces.join(''))).not.toMatch(/<(?:p|br|li|script|a)\b/);
      }),
    );
  });

  it('decodes invalid code points to the replacement character', () => {
    expect(decodeEntities('&#0;&#xD800;&#99999999;&amp')).toBe('\ufffd\ufffd\ufffd&');
  });
});
