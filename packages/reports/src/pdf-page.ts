// pdfkit ships no types; see pdfkit.d.ts.
/// <reference path="./pdfkit.d.ts" />
/**
 * What every firmly PDF shares: A4 with the same margins and colours, DejaVu Sans embedded
 * (the PDF standard fonts cannot encode ő, ű, Ő or Ű; an embedded TrueType font can, and pdfkit
 * writes its ToUnicode map, so the text stays extractable), section headings over a rule, and
 * "page n of N" at the foot of each page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export const MARGIN = { top: 56, bottom: 64, left: 52, right: 52 };
export const COLOURS = { text: '#1b1f24', muted: '#555d68', ok: '#1e6b34', broken: '#a11d1d', rule: '#c9ced6' };

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence with DejaVu's public
 * domain changes: free to embed and redistribute). Read once per process.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function dejaVu() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** A new A4 document with the fonts `regular` and `bold`, and its bytes once `pdf.end()` is called. */
export function startPdf(options: { lang: string; title: string; createdAt?: Date }): { pdf: PDFDocument; done: Promise<Buffer> } {
  const { regular, bold } = dejaVu();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: regular,
    lang: options.lang,
    displayTitle: true,
    info: { Title: options.title, Creator: 'firmly', ...(options.createdAt ? { CreationDate: options.createdAt } : {}) },
  });
  pdf.registerFont('regular', regular).registerFont('bold', bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, done };
}

export const contentWidth = (pdf: PDFDocument) => pdf.page.width - MARGIN.left - MARGIN.right;
export const pageBottom = (pdf: PDFDocument) => pdf.page.height - MARGIN.bottom;

/** A section heading over a thin rule; it moves to a new page rather than end a page with `keepWith` points under it. */
export function sectionHeading(pdf: PDFDocument, text: string, options: { keepWith: number; gapLines: number }) {
  const width = contentWidth(pdf);
  if (pdf.y + options.keepWith > pageBottom(pdf)) pdf.addPage();
  pdf.moveDown(options.gapLines);
  pdf.font('bold').fontSize(13).fillColor(COLOURS.text).text(text, MARGIN.left, pdf.y, { width });
  const ruleY = pdf.y + 2;
  pdf
    .save()
    .lineWidth(0.6)
    .strokeColor(COLOURS.rule)
    .moveTo(MARGIN.left, ruleY)
    .lineTo(MARGIN.left + width, ruleY)
    .stroke()
    .restore();
  pdf.y = ruleY + 6;
}

/** The footer of every page, written once the number of pages is known. */
export function numberPages(pdf: PDFDocument, footer: (page: number, of: number) => string) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin while writing the footer.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(footer(index - range.start + 1, range.count), MARGIN.left, pdf.page.height - MARGIN.bottom / 2 - 6, {
        width: contentWidth(pdf),
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}
