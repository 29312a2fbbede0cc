/**
 * The files an outgoing email carries, made from the draft's own template data when it is sent
 * (and when the operator previews it), never stored: what was reviewed is what is sent.
 * Today one kind has one: the closing report's PDF.
 */
import { type ClosingReportData, isEmailLocale } from '@firmly/templates';
import { closingReportFilename, closingReportPdf } from './closing-report-pdf';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface AttachmentSource {
  kind: string;
  locale: string;
  templateData: unknown;
}

/** The names of the files an email of this kind carries (without making them). */
export function attachmentNames(email: Pick<AttachmentSource, 'kind' | 'locale'>): Array<Omit<EmailAttachment, 'content'>> {
  if (email.kind !== 'closing_report') return [];
  return [{ filename: closingReportFilename(localeOf(email.locale)), contentType: 'application/pdf' }];
}

export async function emailAttachments(email: AttachmentSource): Promise<EmailAttachment[]> {
  if (email.kind !== 'closing_report') return [];
  const locale = localeOf(email.locale);
  // The worker wrote this template data from ClosingReportData (offboarding letters); it is JSON of that shape.
  const data = email.templateData as ClosingReportData;
  return [{ filename: closingReportFilename(locale), contentType: 'application/pdf', content: await closingReportPdf(data, locale) }];
}

function localeOf(locale: string) {
  const short = locale.toLowerCase().slice(0, 2);
  return isEmailLocale(short) ? short : 'en';
}
