import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize';

const tinyPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('sanitizing incoming email HTML', () => {
  it('keeps ordinary formatting', () => {
    const html = '<p dir="auto">Hello <b>Ana</b>,<br /><i>thanks</i></p><ul><li>one</li></ul>';
    expect(sanitizeEmailHtml(html)).toBe(html);
  });

  it('drops scripts with their content and event handlers', () => {
    const out = sanitizeEmailHtml(
      '<p onclick="steal()" onmouseover=steal()>Hi<script>steal()</script></p><img src=x onerror="steal()">',
    );
    expect(out).toBe('<p>Hi</p><span></span>');
  });

  it('drops SVG with its onload, and MathML, without leaking their text', () => {
    const out = sanitizeEmailHtml(
      '<svg onload="alert(1)"><text>svg text</text></svg><math>m</math>ok',
    );
    expect(out).toBe('ok');
  });

  it('drops <style> blocks, style attributes and classes', () => {
    const out = sanitizeEmailHtml(
      '<style>body{background:url(https://t.example/p)}</style><div style="color:red" class="x">t</div>',
    );
    expect(out).toBe('<div>t</div>');
  });

  it('drops <base>, <meta refresh>, <link> and the title', () => {
    const out = sanitizeEmailHtml(
      '<head><title>T</title><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/s.css"></head><body><p>Body</p></body>',
    );
    expect(out).toBe('<p>Body</p>');
  });

  it('drops iframes, objects, embeds and forms but keeps the text around them', () => {
    const out = sanitizeEmailHtml(
      'a<iframe src="https://evil.example">x</iframe><object data="x.swf">o</object><embed src="e"><form action="https://evil.example"><input name="password"><button>Send</button></form>b',
    );
    expect(out).toBe('aSendb');
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    'java&#10;script:alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    'javascript&colon;alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '/api/v1/requests',
    '//evil.example/x',
  ])('drops the link target %j', (href) => {
    expect(sanitizeEmailHtml(`<a href="${href}">x</a>`)).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('makes links open in a new tab without referrer or ranking credit', () => {
    const out = sanitizeEmailHtml(
      '<a href="https://maistobankas.lt/?a=1&amp;b=2" target="_self" rel="opener" title="t">x</a>',
    );
    expect(out).toBe(
      '<a href="https://maistobankas.lt/?a=1&amp;b=2" title="t" rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
  });

  it('keeps mailto: and tel: links', () => {
    expect(sanitizeEmailHtml('<a href="mailto:a@b.org">m</a>')).toContain('href="mailto:a@b.org"');
    expect(sanitizeEmailHtml('<a href="tel:+37060000000">t</a>')).toContain(
      'href="tel:+37060000000"',
    );
  });

  it('replaces remote images with their alt text unless remote images are allowed', () => {
    const html = '<img src="https://t.example/pixel.gif?u=1" alt="Logo &amp; name" width="1">';
    expect(sanitizeEmailHtml(html)).toBe('<span>Logo &amp; name</span>');
    expect(sanitizeEmailHtml(html, { allowRemoteImages: true })).toBe(
      '<img src="https://t.example/pixel.gif?u=1" alt="Logo &amp; name" width="1" referrerpolicy="no-referrer" />',
    );
  });

  it('removes protocol-relative images even when remote images are allowed', () => {
    const out = sanitizeEmailHtml('<img src="//t.example/p.gif" alt="">', {
      allowRemoteImages: true,
    });
    expect(out).toBe('<span></span>');
  });

  it('keeps small inline raster images and cid: references', () => {
    expect(sanitizeEmailHtml(`<img src="${tinyPng}" alt="dot">`)).toBe(
      `<img src="${tinyPng}" alt="dot" />`,
    );
    expect(sanitizeEmailHtml('<img src="cid:logo@tend">')).toBe('<img src="cid:logo@tend" />');
  });

  it('drops data: images over 1 MB, SVG data images and data: images that are not base64', () => {
    const big = `data:image/png;base64,${'A'.repeat(1_500_000)}`;
    expect(sanitizeEmailHtml(`<img src="${big}" alt="big">`)).toBe('<span>big</span>');
    const svg = 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+';
    expect(sanitizeEmailHtml(`<img src="${svg}">`)).toBe('<span></span>');
    expect(sanitizeEmailHtml('<img src="data:image/png,<svg>">')).toBe('<span></span>');
  });

  it('drops srcset and background attributes that could fetch remote content', () => {
    const out = sanitizeEmailHtml(
      '<table background="https://t.example/b.png"><tr><td background="https://t.example/c.png" colspan="2">x</td></tr></table><img srcset="https://t.example/a.png 2x" src="cid:a">',
    );
    expect(out).toBe('<table><tr><td colspan="2">x</td></tr></table><img src="cid:a" />');
  });

  it('escapes text that looks like markup after decoding', () => {
    expect(sanitizeEmailHtml('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('survives broken markup', () => {
    expect(sanitizeEmailHtml('<p>open <b>bold <a href="https://x.example">link')).toBe(
      '<p>open <b>bold <a href="https://x.example" rel="noopener noreferrer nofollow" target="_blank">link</a></b></p>',
    );
    expect(sanitizeEmailHtml('<<img src=x onerror=alert(1)//>')).not.toContain('onerror');
  });
});
