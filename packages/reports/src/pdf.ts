// pdfkit ships no types; its declarations here travel with this file into every program that imports it.
/// <reference path="./pdfkit.d.ts" />
import type { ClientDossier } from '@firmly/db';
import type PDFDocument from 'pdfkit';
import { type DossierDocument, type DossierTable, dossierDocument } from './document';
import type { DossierLocale } from './labels';
import { COLOURS, contentWidth, MARGIN, numberPages, pageBottom, sectionHeading, startPdf } from './pdf-page';

const INDENT = 14;

/**
 * The dossier as a PDF (A4): title, client, period and the audit chain verification on the
 * first page, then each section; long texts wrap and flow onto further pages, each numbered.
 */
export function dossierPdf(dossier: ClientDossier, locale: DossierLocale): Promise<Buffer> {
  const doc = dossierDocument(dossier, locale);
  const { pdf, done } = startPdf({ lang: locale, title: `${doc.title} — ${doc.clientName}`, createdAt: new Date(dossier.generatedAt) });
  writeFirstPage(pdf, doc);
  for (const section of doc.sections) writeSection(pdf, section, doc.nothing);
  numberPages(pdf, (page, of) => `${doc.clientName} — ${doc.pageLabel(page, of)}`);
  pdf.end();
  return done;
}

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
  sectionHeading(pdf, section.heading, { keepWith: 60, gapLines: 1.2 });
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
