import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of a PDF as a reader would copy it (pdf.js), with every kind of space (no-break,
 * narrow no-break, as Intl writes money) made a plain space, so tests compare words.
 */
export async function pdfText(bytes: Uint8Array | Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return spaced(text);
}

/** Text with every kind of space made one plain space. */
export const spaced = (text: string) => text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ');
