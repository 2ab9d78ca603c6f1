import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney } from '../gifts/money';
import type { ReceiptContent, ReceiptGiftLine } from './content';
import { receiptTexts, type ReceiptTexts } from './texts';

// DejaVu Sans from its npm package: Latin with Lithuanian letters and Cyrillic, embedded in
// every PDF, so nothing depends on the fonts of the machine that renders or opens it.
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  });

/** How a receipt writes money and days in its language. */
function formats(c: ReceiptContent) {
  const days = new Intl.DateTimeFormat(c.language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    money: (minor: number, currency: string) => formatMoney(minor, currency, c.language),
    day: (iso: string) => days.format(new Date(`${iso}T00:00:00Z`)),
    number: (n: number) => new Intl.NumberFormat(c.language).format(n),
  };
}

type Kind = 'gift' | 'correction' | 'statement';

/**
 * Renders a receipt from what it printed when issued (its `content`), in its language, so a
 * copy printed later is the same receipt.
 */
export async function renderReceiptPdf(kind: Kind, c: ReceiptContent, issuedAt: Date) {
  const t = receiptTexts[c.language];
  const f = formats(c);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `${t.title[kind]} ${c.number}`,
      Author: c.organization.name,
      CreationDate: issuedAt,
    },
    lang: c.language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const org = c.organization;
  doc
    .font('bold')
    .fontSize(15)
    .text(org.legalName ?? org.name);
  doc.font('regular').fontSize(9);
  if (org.registrationNumber) doc.text(`${t.registration}: ${org.registrationNumber}`);
  if (org.address) doc.text(org.address);
  doc.moveDown(1.5).font('bold').fontSize(18).text(t.title[kind]);
  doc.font('regular').fontSize(10);
  doc
    .text(`${t.number}: ${c.number}`)
    .text(`${t.issuedOn}: ${f.day(c.issuedOn)}`)
    .moveDown();
  doc.font('bold').text(t.donor).font('regular').text(c.donor.name);
  for (const line of c.donor.address) doc.text(line);
  doc.moveDown();
  if (c.gift) giftBlock(doc, t, f, c.gift);
  if (c.correction) {
    const k = c.correction;
    doc.moveDown().text(t.replaces(k.replacesNumber));
    field(doc, t.original, f.money(k.originalAmount, k.currency));
    field(doc, t.change, f.money(k.change, k.currency));
    field(doc, t.newAmount, f.money(k.newAmount, k.currency));
    if (k.reason) field(doc, t.reason, k.reason);
    if (k.newAmount === 0) doc.moveDown(0.5).text(t.refundedInFull(f.money(0, k.currency)));
  }
  if (c.statementYear !== undefined) statementBlock(doc, t, f, c);
  doc.moveDown(2).text(org.closingText ?? t.thanks);
  if (org.signatoryName) {
    doc.moveDown(2).text('_____________________________');
    doc.text(org.signatoryName);
    if (org.signatoryTitle) doc.text(org.signatoryTitle);
  }
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;
type Formats = ReturnType<typeof formats>;

function field(doc: Doc, label: string, value: string) {
  doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
}

function giftBlock(doc: Doc, t: ReceiptTexts, f: Formats, g: ReceiptGiftLine) {
  field(doc, t.kind, t.kinds[g.kind]);
  field(doc, t.received, f.day(g.receivedOn));
  if (g.goods) {
    field(doc, t.goods, g.goods.description);
    if (g.goods.condition)
      field(doc, t.condition, t.conditions[g.goods.condition] ?? g.goods.condition);
  }
  if (g.service) {
    field(doc, t.service, g.service.description);
    field(doc, t.hours, f.number(g.service.hours));
  }
  if (g.amount === null) doc.text(t.noValue);
  else field(doc, t.amount, f.money(g.amount, g.currency));
  field(doc, t.designation, g.designation.length ? g.designation.join(', ') : t.whereMostNeeded);
}

function statementBlock(doc: Doc, t: ReceiptTexts, f: Formats, c: ReceiptContent) {
  doc.font('bold').fontSize(12).text(t.statementOf(c.statementYear!)).fontSize(10).moveDown(0.5);
  const lines = c.lines ?? [];
  if (lines.length === 0) doc.font('regular').text(t.noGifts);
  for (const g of lines) {
    const what = g.goods?.description ?? g.service?.description ?? t.kinds[g.kind];
    const where = g.designation.length ? g.designation.join(', ') : t.whereMostNeeded;
    const value = g.amount === null ? t.noValue : f.money(g.amount, g.currency);
    doc.font('regular').text(`${f.day(g.receivedOn)} · ${what} · ${where} · ${value}`);
  }
  doc.moveDown(0.5);
  for (const total of c.totals ?? []) field(doc, t.total, f.money(total.amount, total.currency));
}
