import type { ClosingReportData } from '@firmly/templates';
import { describe, expect, it } from 'vitest';
import { closingReportPdf } from './closing-report-pdf';
import { attachmentNames, emailAttachments } from './email-attachments';
import { hasPdftotext, pdfText } from './testing/pdf-text';

const report: ClosingReportData = {
  clientName: 'Kővári Zsűri Kft.',
  operatorName: 'Nagy Péter',
  operatorBusiness: 'Northlight Studio',
  timeZone: 'Europe/Budapest',
  periodStart: '2026-09-01',
  periodEnd: '2026-11-20',
  deliverables: [
    { description: 'Őszi kampány: 12 poszt és 2 reel (2026. október 30.)', result: 'Az elérés 40 %-kal nőtt októberben' },
    { description: 'Havi riport, október' },
  ],
  responsiveness: { medianAnswerBusinessHours: 21.5, answeredWithinAgreedTime: 0.5, openAsks: 1 },
  payments: { invoicesPaid: 2, invoicesPaidLate: 1, averageDaysLate: 10, outstanding: [{ amountMinor: 125_050, currency: 'EUR' }] },
  openItems: ['Nyitott kérdés (2026. november 12.): „Jóváhagyják a decemberi naptárt?”', 'A-9 számú számla: 1250,50 EUR rendezetlen'],
  history: {
    answers: [
      { askedOn: '2026-09-14', businessHours: 4 },
      { askedOn: '2026-10-12', businessHours: 38 },
    ],
    agreedAnswerHours: 16,
    payments: [
      { number: 'A-7', dueOn: '2026-10-02', daysLate: 0, paid: true },
      { number: 'A-8', dueOn: '2026-11-02', daysLate: 10, paid: true },
      { number: 'A-9', dueOn: '2026-11-10', daysLate: 10, paid: false },
    ],
  },
};

describe('the closing report PDF', () => {
  it('is a PDF named in the client’s language, made only for closing reports', async () => {
    const [file] = await emailAttachments({ kind: 'closing_report', locale: 'hu', templateData: report });
    expect(file).toMatchObject({ filename: 'zarojelentes.pdf', contentType: 'application/pdf' });
    expect(file?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(attachmentNames({ kind: 'closing_report', locale: 'en' })).toEqual([
      { filename: 'closing-report.pdf', contentType: 'application/pdf' },
    ]);
    expect(await emailAttachments({ kind: 'termination', locale: 'hu', templateData: report })).toEqual([]);
  });

  it.skipIf(!hasPdftotext)('states the period, the deliverables, both charts and what is open, in Hungarian', async () => {
    const text = pdfText(await closingReportPdf(report, 'hu'));
    for (const expected of [
      'Zárójelentés',
      'Kővári Zsűri Kft.',
      '2026. szeptember 1.',
      'Őszi kampány: 12 poszt és 2 reel',
      'Az elérés 40 %-kal nőtt októberben',
      'Válaszidő kérdésenként (munkaóra)',
      'megállapodott: 16 óra',
      'Késés számlánként (nap)',
      'A-8',
      'határidőre',
      'nincs kifizetve',
      'Jóváhagyják a decemberi naptárt?',
      '1. oldal / 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.skipIf(!hasPdftotext)('speaks English to an English client, and says when nothing was recorded', async () => {
    const text = pdfText(
      await closingReportPdf({ ...report, deliverables: [], openItems: [], history: { answers: [], payments: [] } }, 'en'),
    );
    expect(text).toContain('Closing report');
    expect(text).toContain('No deliverables were recorded.');
    expect(text).toContain('Nothing is open.');
    expect(text).not.toContain('Answer time per question');
  });
});
