// pdfkit ships no types; see pdfkit.d.ts.
/// <reference path="./pdfkit.d.ts" />
/**
 * The closing report (PRODUCT §4.4) as the PDF attached to its email: the period, what was
 * delivered and achieved, how the collaboration went — each answered question's answer time
 * against the agreed time, and how late each invoice was paid, drawn as charts — and what is
 * still open. Written from the same facts as the email (the draft's template data), in the
 * client's language, so what the operator reviewed is what the client gets.
 */
import { type ClosingReportData, type EmailLocale, formatDate, formatNumber, formatPercent, formatTotals } from '@firmly/templates';
import type PDFDocument from 'pdfkit';
import { contentWidth, MARGIN, numberPages, COLOURS as PAGE_COLOURS, pageBottom, sectionHeading, startPdf } from './pdf-page';

const COLOURS = { ...PAGE_COLOURS, bar: '#3b6ea8', late: '#b5542b', agreed: PAGE_COLOURS.ok };

const LABELS = {
  en: {
    title: 'Closing report',
    period: (from: string, to: string) => `${from} – ${to}`,
    delivered: 'What was delivered',
    nothingDelivered: 'No deliverables were recorded.',
    communication: 'Communication',
    median: 'Median answer time',
    hours: (value: string) => `${value} business hours`,
    within: 'Answered within the agreed time',
    openAsks: 'Questions still open',
    answersChart: 'Answer time per question (business hours)',
    agreed: (value: string) => `agreed: ${value} h`,
    payments: 'Payments',
    paid: 'Invoices paid',
    paidLate: 'Of which paid late',
    averageLate: 'Average days late',
    outstanding: 'Outstanding',
    paymentsChart: 'Days late per invoice',
    onTime: 'on time',
    unpaid: 'unpaid',
    open: 'Still open',
    nothingOpen: 'Nothing is open.',
    none: '—',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
  hu: {
    title: 'Zárójelentés',
    period: (from: string, to: string) => `${from} – ${to}`,
    delivered: 'Elvégzett munka',
    nothingDelivered: 'Nincs rögzített teljesítés.',
    communication: 'Kommunikáció',
    median: 'Válaszidő mediánja',
    hours: (value: string) => `${value} munkaóra`,
    within: 'A megállapodott időn belül megválaszolt kérdések',
    openAsks: 'Nyitott kérdések',
    answersChart: 'Válaszidő kérdésenként (munkaóra)',
    agreed: (value: string) => `megállapodott: ${value} óra`,
    payments: 'Fizetések',
    paid: 'Kifizetett számlák',
    paidLate: 'Ebből késve',
    averageLate: 'Átlagos késés (nap)',
    outstanding: 'Rendezetlen',
    paymentsChart: 'Késés számlánként (nap)',
    onTime: 'határidőre',
    unpaid: 'nincs kifizetve',
    open: 'Nyitott tételek',
    nothingOpen: 'Nincs nyitott tétel.',
    none: '—',
    page: (n: number, of: number) => `${n}. oldal / ${of}`,
  },
} as const;

export function closingReportFilename(locale: EmailLocale): string {
  return locale === 'hu' ? 'zarojelentes.pdf' : 'closing-report.pdf';
}

export function closingReportPdf(data: ClosingReportData, locale: EmailLocale): Promise<Buffer> {
  const labels = LABELS[locale];
  const { pdf, done } = startPdf({ lang: locale, title: `${labels.title} — ${data.clientName}` });
  const width = contentWidth(pdf);
  // A heading keeps a chart's worth of room under it.
  const heading = (text: string) => sectionHeading(pdf, text, { keepWith: 80, gapLines: 1.1 });
  const date = (value: ClosingReportData['periodStart']) => formatDate(value, locale, data.timeZone);

  pdf.font('bold').fontSize(20).fillColor(COLOURS.text).text(labels.title, { width });
  pdf.fontSize(15).text(data.clientName, { width });
  pdf
    .font('regular')
    .fontSize(11)
    .fillColor(COLOURS.muted)
    .text(labels.period(date(data.periodStart), date(data.periodEnd)), { width });
  if (data.operatorBusiness ?? data.operatorName) pdf.text(data.operatorBusiness ?? data.operatorName, { width });

  heading(labels.delivered);
  if (data.deliverables.length === 0) note(pdf, labels.nothingDelivered, width);
  for (const item of data.deliverables) {
    pdf.font('bold').fontSize(10).fillColor(COLOURS.text).text(`• ${item.description}`, MARGIN.left, pdf.y, { width });
    if (item.result)
      pdf
        .font('regular')
        .fontSize(9.5)
        .fillColor(COLOURS.muted)
        .text(item.result, MARGIN.left + 12, pdf.y, { width: width - 12 });
  }

  const { responsiveness: r, payments: p } = data;
  heading(labels.communication);
  facts(pdf, width, [
    [
      labels.median,
      r.medianAnswerBusinessHours === undefined ? labels.none : labels.hours(formatNumber(r.medianAnswerBusinessHours, locale)),
    ],
    [labels.within, r.answeredWithinAgreedTime === undefined ? labels.none : formatPercent(r.answeredWithinAgreedTime, locale)],
    [labels.openAsks, formatNumber(r.openAsks, locale)],
  ]);
  const answers = data.history?.answers ?? [];
  if (answers.length > 0) {
    barChart(pdf, width, labels.answersChart, {
      bars: answers.map((answer) => ({
        label: date(answer.askedOn),
        value: answer.businessHours,
        text: formatNumber(answer.businessHours, locale),
      })),
      ...(data.history?.agreedAnswerHours
        ? { marker: { value: data.history.agreedAnswerHours, text: labels.agreed(formatNumber(data.history.agreedAnswerHours, locale)) } }
        : {}),
      colourOf: (value) => (data.history?.agreedAnswerHours && value > data.history.agreedAnswerHours ? COLOURS.late : COLOURS.bar),
    });
  }

  heading(labels.payments);
  facts(pdf, width, [
    [labels.paid, formatNumber(p.invoicesPaid, locale)],
    [labels.paidLate, formatNumber(p.invoicesPaidLate, locale)],
    [labels.averageLate, p.averageDaysLate === undefined ? labels.none : formatNumber(p.averageDaysLate, locale)],
    [labels.outstanding, p.outstanding.length === 0 ? labels.none : formatTotals(p.outstanding, locale)],
  ]);
  const invoices = data.history?.payments ?? [];
  if (invoices.length > 0) {
    barChart(pdf, width, labels.paymentsChart, {
      bars: invoices.map((invoice) => ({
        label: invoice.number,
        value: invoice.daysLate,
        text: invoice.paid
          ? invoice.daysLate === 0
            ? labels.onTime
            : formatNumber(invoice.daysLate, locale)
          : `${formatNumber(invoice.daysLate, locale)} (${labels.unpaid})`,
      })),
      colourOf: (value) => (value > 0 ? COLOURS.late : COLOURS.bar),
    });
  }

  heading(labels.open);
  if (data.openItems.length === 0) note(pdf, labels.nothingOpen, width);
  for (const item of data.openItems)
    pdf.font('regular').fontSize(10).fillColor(COLOURS.text).text(`• ${item}`, MARGIN.left, pdf.y, { width });

  numberPages(pdf, (page, of) => `${data.clientName} — ${labels.page(page, of)}`);
  pdf.end();
  return done;
}

function note(pdf: PDFDocument, text: string, width: number) {
  pdf.font('regular').fontSize(10).fillColor(COLOURS.muted).text(text, MARGIN.left, pdf.y, { width });
}

function facts(pdf: PDFDocument, width: number, rows: ReadonlyArray<readonly [string, string]>) {
  for (const [label, value] of rows) {
    pdf.font('regular').fontSize(10).fillColor(COLOURS.muted).text(`${label}: `, MARGIN.left, pdf.y, { width, continued: true });
    pdf.font('bold').fillColor(COLOURS.text).text(value, { width });
  }
}

interface Chart {
  bars: ReadonlyArray<{ label: string; value: number; text: string }>;
  /** A vertical line at a value (the agreed answer time). */
  marker?: { value: number; text: string };
  colourOf: (value: number) => string;
}

/** Horizontal bars, one per row, labelled on the left and valued on the right; a chart never splits across pages. */
function barChart(pdf: PDFDocument, width: number, title: string, chart: Chart) {
  const rowHeight = 14;
  const labelWidth = 110;
  const valueWidth = 90;
  const plotWidth = width - labelWidth - valueWidth;
  const height = 24 + chart.bars.length * rowHeight + (chart.marker ? 14 : 0);
  if (pdf.y + height > pageBottom(pdf)) pdf.addPage();
  pdf.moveDown(0.6);
  pdf.font('bold').fontSize(10).fillColor(COLOURS.text).text(title, MARGIN.left, pdf.y, { width });
  const top = pdf.y + 4;
  const max = Math.max(1, chart.marker?.value ?? 0, ...chart.bars.map((bar) => bar.value));
  const x0 = MARGIN.left + labelWidth;
  chart.bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    pdf
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(bar.label, MARGIN.left, y + 2, { width: labelWidth - 6, lineBreak: false });
    const length = Math.max(1.5, (Math.max(0, bar.value) / max) * plotWidth);
    pdf
      .save()
      .rect(x0, y + 2, length, rowHeight - 5)
      .fill(chart.colourOf(bar.value))
      .restore();
    pdf
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.text)
      .text(bar.text, x0 + length + 4, y + 2, { width: valueWidth + plotWidth - length - 4, lineBreak: false });
  });
  const bottom = top + chart.bars.length * rowHeight;
  if (chart.marker) {
    const x = x0 + (chart.marker.value / max) * plotWidth;
    pdf.save().lineWidth(1).strokeColor(COLOURS.agreed).dash(3, { space: 2 }).moveTo(x, top).lineTo(x, bottom).stroke().undash().restore();
    pdf
      .font('regular')
      .fontSize(8)
      .fillColor(COLOURS.agreed)
      .text(chart.marker.text, Math.max(x0, x - 40), bottom + 2, { width: 140, lineBreak: false });
  }
  pdf.x = MARGIN.left;
  pdf.y = bottom + (chart.marker ? 16 : 4);
}
