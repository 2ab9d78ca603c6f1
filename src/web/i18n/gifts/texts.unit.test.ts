import { describe, expect, it } from 'vitest';
import { en } from './en';
import { es } from './es';
import { lt } from './lt';
import { uk } from './uk';

/** The staff pages' sources, as text (tests left out). */
const pages = import.meta.glob<string>(['../../staff/**/*.{ts,tsx}', '!**/*.test.*'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the record-a-gift texts', () => {
  it('hold no text the pages no longer use, in any language', () => {
    const code = Object.values(pages).join('\n');
    expect(code).toContain("'record.title'");
    const unused = Object.keys(en.record).filter((k) => !code.includes(`'record.${k}'`));
    expect(unused).toEqual([]);
    for (const texts of [es, lt, uk])
      expect(Object.keys(texts.record).sort()).toEqual(Object.keys(en.record).sort());
  });
});
