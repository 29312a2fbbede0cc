// pdfkit ships no types; its declarations here travel with this file into every program that imports it.
/// <reference path="./pdfkit.d.ts" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ClientDossier } from '@firmly/db';
import PDFDocument from 'pdfkit';
import { type DossierDocument, type DossierTable, dossierDocument } from './document';
import type { DossierLocale } from './labels';

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence with DejaVu's public
 * domain changes: free to embed and redistribute). The PDF standard fonts cannot encode ő, ű,
 * Ő or Ű; an embedded TrueType font can, and pdfkit writes its ToUnicode map, so the text stays
 * extractable (pdftotext, search, copy). Read once per process.
 */
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
export function dejaVu() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = { top: 56, bottom: 64, left: 52, right: 52 };
const INDENT = 14;
const COLOURS = { text: '#1b1f24', muted: '#555d68', ok: '#1e6b34', broken: '#a11d1d', rule: '#c9ced6' };

/**
 * The dossier as a PDF (A4): title, client, period and the audit chain verification on the
 * first page, then each section; long texts wrap and flow onto further pages, each numbered.
 */
export function dossierPdf(dossier: ClientDossier, locale: DossierLocale): Promise<Buffer> {
  const doc = dossierDocument(dossier, locale);
  const { regular, bold } = dejaVu();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: regular,
    lang: locale,
    displayTitle: true,
    info: { Title: `${doc.title} — ${doc.clientName}`, Creator: 'firmly', CreationDate: new Date(dossier.generatedAt) },
  });
  pdf.registerFont('regular', regular).registerFont('bold', bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  writeFirstPage(pdf, doc);
  for (const section of doc.sections) writeSection(pdf, section, doc.nothing);
  numberPages(pdf, doc);
  pdf.end();
  return done;
}

const contentWidth = (pdf: PDFDocument) => pdf.page.width - MARGIN.left - MARGIN.right;
const pageBottom = (pdf: PDFDocument) => pdf.page.height - MARGIN.bottom;

function writeFirstPage(pdf: PDFDocument, doc: DossierDocument) {
  const width = contentWidth(pdf);
  pdf.font('bold').fontSize(20).fillColor(COLOURS.text).text(doc.title, { width });
  pdf.fontSize(16).text(doc.clientName, { width });
  pdf.moveDown(0.6);

  // The verification line in a box, so it is the first thing a reader of the first page sees.
  pdf.font('bold').fontSize(12);
  const boxTop = pdf.y;
  const textHeight = pdf.heightOfString(doc.chain.line, { width: width - 16 });
  const colour = doc.chain.ok ? COLOURS.ok : COLOURS.broken;
  pdf
    .save()
    .lineWidth(1.2)
    .strokeColor(colour)
    .rect(MARGIN.left, boxTop, width, textHeight + 12)
    .stroke()
    .restore();
  pdf.fillColor(colour).text(doc.chain.line, MARGIN.left + 8, boxTop + 6, { width: width - 16 });
  pdf.x = MARGIN.left;
  pdf.y = boxTop + textHeight + 22;

  for (const [label, value] of doc.facts) {
    pdf.font('bold').fontSize(10).fillColor(COLOURS.text).text(`${label}: `, { width, continued: true });
    pdf.font('regular').text(value, { width });
  }
}

function writeSection(pdf: PDFDocument, section: DossierTable, nothing: string) {
  const width = contentWidth(pdf);
  // A heading never ends a page on its own.
  if (pdf.y + 60 > pageBottom(pdf)) pdf.addPage();
  pdf.moveDown(1.2);
  pdf.font('bold').fontSize(13).fillColor(COLOURS.text).text(section.heading, MARGIN.left, pdf.y, { width });
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
  if (section.rows.length === 0) {
    pdf.font('regular').fontSize(10).fillColor(COLOURS.muted).text(nothing, MARGIN.left, pdf.y, { width });
    return;
  }
  const lead = section.lead ?? 1;
  for (const row of section.rows) writeRow(pdf, section.columns, row, lead);
}

/** One row as a small block: its headline in bold, then "Column: value" lines (values wrap under themselves). */
function writeRow(pdf: PDFDocument, columns: readonly string[], row: readonly string[], lead: number) {
  const width = contentWidth(pdf);
  const headline = row.slice(0, lead).join(' · ');
  const details = row.slice(lead).map((cell, index) => [columns[index + lead] ?? '', cell] as const);
  pdf.font('bold').fontSize(10);
  const headlineHeight = pdf.heightOfString(headline, { width });
  pdf.font('regular').fontSize(9.5);
  const firstDetail = details[0];
  const firstHeight = firstDetail ? pdf.heightOfString(`${firstDetail[0]}: ${firstDetail[1]}`, { width: width - INDENT }) : 0;
  // Keep a row's headline with its first detail; longer rows flow on as pdfkit wraps them.
  if (pdf.y + headlineHeight + Math.min(firstHeight, 80) > pageBottom(pdf)) pdf.addPage();

  pdf.moveDown(0.35);
  pdf.font('bold').fontSize(10).fillColor(COLOURS.text).text(headline, MARGIN.left, pdf.y, { width });
  for (const [column, cell] of details) {
    if (cell === '') continue;
    pdf
      .font('regular')
      .fontSize(9.5)
      .fillColor(COLOURS.muted)
      .text(`${column}: `, MARGIN.left + INDENT, pdf.y, { width: width - INDENT, continued: true });
    pdf.fillColor(COLOURS.text).text(cell, { width: width - INDENT });
  }
}

/** "Page n of N" at the foot of every page, written once the number of pages is known. */
function numberPages(pdf: PDFDocument, doc: DossierDocument) {
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
      .text(
        `${doc.clientName} — ${doc.pageLabel(index - range.start + 1, range.count)}`,
        MARGIN.left,
        pdf.page.height - MARGIN.bottom / 2 - 6,
        {
          width: contentWidth(pdf),
          align: 'center',
          lineBreak: false,
        },
      );
    pdf.page.margins.bottom = bottom;
  }
}
