import { describe, expect, it } from 'vitest';
import { detectInvoiceSent } from './invoice-sent';
import type { AttachmentLike } from './types';

const sentAt = new Date('2026-11-02T09:00:00Z');
const base = { subject: '', visibleText: '', language: 'en' as const, sentAt, timeZone: 'Europe/Budapest' };
const pdf = (name: string): AttachmentLike => ({ name, contentType: 'application/pdf', size: 48_213 });

describe('detectInvoiceSent', () => {
  it('proposes an invoice from an attachment named like one, with number, amount and due date from the text', () => {
    expect(
      detectInvoiceSent({
        ...base,
        subject: 'November retainer',
        visibleText:
          'Hi Anna,\n\nplease find attached the invoice for November (€1,250.00). Payment is due by November 16.\n\nThanks,\nBea',
        attachments: [pdf('Invoice_2026-041.pdf')],
      }),
    ).toEqual({
      rule: 'attachment-name',
      attachmentName: 'Invoice_2026-041.pdf',
      sentence: 'please find attached the invoice for November (€1,250.00).',
      invoiceNumber: '2026-041',
      amountMinor: 125_000,
      currency: 'EUR',
      dueDate: '2026-11-16',
    });
  });

  it('reads Hungarian mail and payment terms in days', () => {
    expect(
      detectInvoiceSent({
        ...base,
        language: 'hu',
        subject: 'Díjbekérő – november',
        visibleText: 'Szia Anna!\n\nCsatolom a novemberi díjbekérőt, összege 180 000 Ft. Fizetési határidő: 8 nap.',
        attachments: [pdf('dokumentum.pdf')],
      }),
    ).toEqual({
      rule: 'pdf-and-subject',
      attachmentName: 'dokumentum.pdf',
      sentence: 'Csatolom a novemberi díjbekérőt, összege 180 000 Ft.',
      amountMinor: 18_000_000,
      currency: 'HUF',
      dueDate: '2026-11-10',
    });
  });

  it('accepts a PDF with a sentence that sends the invoice', () => {
    const proposal = detectInvoiceSent({
      ...base,
      subject: 'October',
      visibleText: 'Here is the invoice for October, net 15.',
      attachments: [pdf('scan0001.pdf')],
    });
    expect(proposal).toMatchObject({ rule: 'pdf-and-text', attachmentName: 'scan0001.pdf' });
  });

  it('uses the attachment name for the number, and a typed e-invoice', () => {
    expect(detectInvoiceSent({ ...base, attachments: [pdf('szamla_BEA-2026-17.pdf')] })).toMatchObject({ invoiceNumber: 'BEA-2026-17' });
    expect(
      detectInvoiceSent({ ...base, attachments: [{ name: 'export.xml', contentType: 'application/vnd.nav.invoice+xml', size: 3_000 }] }),
    ).toMatchObject({
      rule: 'attachment-type',
    });
  });

  it('proposes nothing for text alone, for unrelated PDFs, or for questions about an invoice', () => {
    expect(detectInvoiceSent({ ...base, subject: 'Invoice 42', visibleText: 'Did you get my invoice?', attachments: [] })).toBeUndefined();
    expect(
      detectInvoiceSent({ ...base, subject: 'Monthly report', visibleText: 'Attached is the report.', attachments: [pdf('report.pdf')] }),
    ).toBeUndefined();
    expect(
      detectInvoiceSent({
        ...base,
        subject: 'Report',
        visibleText: 'Did you receive the invoice I attached last week?',
        attachments: [pdf('report.pdf')],
      }),
    ).toBeUndefined();
    expect(
      detectInvoiceSent({ ...base, visibleText: 'Számlaszámunk: 11773016-12345678', attachments: [pdf('szerzodes.pdf')] }),
    ).toBeUndefined();
  });

  it('never throws on broken input', () => {
    const broken = [{ name: undefined, contentType: null, size: Number.NaN }] as unknown as AttachmentLike[];
    expect(() => detectInvoiceSent({ ...base, subject: '\ud800', visibleText: 'x'.repeat(200_000), attachments: broken })).not.toThrow();
  });
});
