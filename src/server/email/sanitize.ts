import sanitizeHtml from 'sanitize-html';

/** How incoming HTML may be shown; remote images are tracking pixels until the viewer says not. */
export type SanitizeOptions = { allowRemoteImages?: boolean };

const MAX_DATA_IMAGE_BYTES = 1024 * 1024;

const allowedTags = [
  ...['a', 'abbr', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite'],
  ...['code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure'],
  ...['font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark'],
  ...['ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup'],
  ...['table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul', 'wbr'],
];
const cellAttributes = ['colspan', 'rowspan', 'align', 'valign', 'width'];

// Elements whose content is not text a reader should see (or is markup in another language).
const nonTextTags = ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template'];
const hiddenTags = ['svg', 'math', 'iframe', 'object', 'embed', 'frameset', 'noembed', 'xmp'];

/**
 * Incoming email HTML made safe to show inside Tend: no scripts, styles, event handlers, frames,
 * forms, `<base>` or `<meta>`; links only to http(s), mailto and tel, opening in a new tab without
 * a referrer; images only inline (data: up to 1 MB, or cid:) unless remote ones are allowed, a
 * blocked image leaving its alt text.
 * @example sanitizeEmailHtml('<p onclick="x()">Hi<script>x()</script></p>') // '<p>Hi</p>'
 */
export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): string {
  const allowRemoteImages = options.allowRemoteImages ?? false;
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title', 'width', 'height', 'referrerpolicy'],
      td: cellAttributes,
      th: cellAttributes,
      table: ['width', 'border', 'cellpadding', 'cellspacing', 'align'],
      col: ['span', 'width'],
      colgroup: ['span', 'width'],
      ol: ['start', 'type'],
      '*': ['dir', 'lang'],
    },
    nonTextTags: [...nonTextTags, ...hiddenTags],
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
    allowProtocolRelative: false,
    transformTags: {
      a: (_tag, attribs) => ({ tagName: 'a', attribs: link(attribs) }),
      img: (_tag, attribs) => image(attribs, allowRemoteImages),
    },
  });
}

type Attribs = Record<string, string>;

function link(attribs: Attribs): Attribs {
  const href = compact(attribs.href ?? '');
  // Relative links would resolve against Tend's own origin; only absolute ones are kept.
  const out: Attribs = {};
  if (/^(?:https?:\/\/|mailto:|tel:)/i.test(href)) out.href = attribs.href!.trim();
  if (attribs.title !== undefined) out.title = attribs.title;
  return { ...out, rel: 'noopener noreferrer nofollow', target: '_blank' };
}

function image(attribs: Attribs, allowRemote: boolean): sanitizeHtml.Tag {
  const src = compact(attribs.src ?? '');
  const kept = { ...attribs, src };
  if (/^cid:/i.test(src) || isSmallDataImage(src)) return { tagName: 'img', attribs: kept };
  if (allowRemote && /^https?:\/\//i.test(src)) {
    return { tagName: 'img', attribs: { ...kept, referrerpolicy: 'no-referrer' } };
  }
  return { tagName: 'span', attribs: {}, text: attribs.alt ?? '' };
}

/** Raster data: images small enough to keep (SVG is left out: it is a document, not a picture). */
function isSmallDataImage(src: string): boolean {
  const match = /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,([a-z0-9+/]*={0,2})$/i.exec(src);
  return !!match && (match[1]!.length * 3) / 4 <= MAX_DATA_IMAGE_BYTES;
}

/** A URL without the whitespace and control characters browsers ignore inside schemes. */
function compact(url: string): string {
  // eslint-disable-next-line no-control-regex
  return url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
}
