/**
 * Whether an outbound message carried an invoice (PRODUCT §3 "Invoice": detected in the
 * mailbox, proposed to the operator, never recorded on its own). Evidence, strongest first:
 *   attachment-name  – an attachment named like an invoice ("Invoice_2026-041.pdf", "szamla_123.pdf")
 *   attachment-type  – an attachment whose content type says invoice (e-invoice XML and the like)
 *   pdf-and-subject  – a PDF attached and the subject names an invoice
 *   pdf-and-text     – a PDF attached and a sentence sends an invoice ("please find the invoice attached")
 * Text alone, without an attachment, is not enough: "did you get my invoice?" carries none.
 */
import { addCivilDays, formatIsoDate, localDateOf } from '../dates/calendar';
import { findDates } from '../dates/find-dates';
import { foldForMatching } from '../dates/fold';
import { findAmounts } from './amounts';
import { findInvoiceNumber } from './invoice-number';
import { splitSentences } from './sentences';
import type { AttachmentLike, InvoiceProposal, Language } from './types';

export interface InvoiceSentInput {
  subject: string;
  visibleText: string;
  attachments: readonly AttachmentLike[];
  language: Language;
  sentAt: Date;
  timeZone: string;
}

const MAX_TEXT_CHARS = 50_000;
const MAX_ATTACHMENTS = 100;

const INVOICE_NAME = /(?<![a-z])(?:invoice|szamla|dijbekero|proforma|e-?szamla)|(?<![a-z])inv[-_ ]?\d/;
const INVOICE_TYPE = /invoice|szamla|ubl|x-nav/;
/** Invoice words in prose; "számlaszám" is left out because it also means a bank account number. */
const INVOICE_WORD = /(?<![\p{L}])(?:invoices?|szamla(?!szam)[a-z]{0,8}|dijbekero[a-z]{0,4}|proforma)(?![\p{L}])/u;
const SENDING_CUE =
  /(?<![\p{L}])(?:attach(?:ed|ing)?|enclosed|enclosing|find|sending|send(?:ing)?\s+you|here\s+is|here's|please\s+see|included|csatol[a-z]{0,6}|mellekel[a-z]{0,6}|mellekelten|kuldom|kuldjuk|kuldok|megkuld[a-z]{0,6}|talal(?:od|ja|jak|hato|jatok)|itt\s+van|alabb)(?![\p{L}])/u;
const DUE_CUE =
  /(?<![\p{L}])(?:due|payable|pay\s+by|payment\s+(?:deadline|terms?)|deadline|hatarid[a-z]{0,6}|esedekes[a-z]{0,6}|fizetendo|fizetes[a-z]{0,3}\s+hatarid[a-z]{0,6})(?![\p{L}])/u;
const NET_DAYS =
  /(?<![\p{L}])(?:net\s{0,2}(?<net>\d{1,3})|(?<days>\d{1,3})\s{0,2}(?:calendar\s+)?(?:days?|napos|nap|napon\s+belul))(?![\p{L}])/u;

function isPdf(attachment: AttachmentLike): boolean {
  return /pdf/i.test(attachment.contentType) || /\.pdf$/i.test(attachment.name);
}

function safeAttachments(attachments: readonly AttachmentLike[] | undefined): AttachmentLike[] {
  if (!Array.isArray(attachments)) return [];
  return attachments
    .slice(0, MAX_ATTACHMENTS)
    .filter((a): a is AttachmentLike => typeof a === 'object' && a !== null)
    .map((a) => ({
      name: typeof a.name === 'string' ? a.name.normalize('NFC') : '',
      contentType: typeof a.contentType === 'string' ? a.contentType : '',
      size: a.size,
    }));
}

function nameWithoutExtension(name: string): string {
  return name.replace(/\.[a-z0-9]{1,5}$/i, '');
}

function dueDate(sentences: readonly string[], input: InvoiceSentInput): string | undefined {
  const issued = localDateOf(input.sentAt, input.timeZone);
  const issuedIso = formatIsoDate(issued);
  for (const sentence of sentences) {
    const folded = foldForMatching(sentence);
    if (!DUE_CUE.test(folded)) continue;
    const dates = findDates(sentence, { reference: input.sentAt, timeZone: input.timeZone, language: input.language });
    const date = dates.map((d) => d.periodEnd ?? d.date).find((d) => d >= issuedIso);
    if (date !== undefined) return date;
    const terms = NET_DAYS.exec(folded);
    const days = Number(terms?.groups?.net ?? terms?.groups?.days ?? Number.NaN);
    if (Number.isInteger(days) && days <= 365) return formatIsoDate(addCivilDays(issued, days));
  }
  return undefined;
}

export function detectInvoiceSent(input: InvoiceSentInput): InvoiceProposal | undefined {
  const subject = (typeof input.subject === 'string' ? input.subject : '').normalize('NFC').slice(0, 1_000);
  const text = (typeof input.visibleText === 'string' ? input.visibleText : '').normalize('NFC').slice(0, MAX_TEXT_CHARS);
  const attachments = safeAttachments(input.attachments);
  if (attachments.length === 0) return undefined;
  const sentences = splitSentences(text).map((s) => s.text);

  const named = attachments.find((a) => INVOICE_NAME.test(foldForMatching(a.name)));
  const typed = attachments.find((a) => INVOICE_TYPE.test(a.contentType.toLowerCase()));
  const pdf = attachments.find(isPdf);
  const subjectNamesInvoice = INVOICE_WORD.test(foldForMatching(subject));
  const sendingSentence = sentences.find((s) => {
    const folded = foldForMatching(s);
    return INVOICE_WORD.test(folded) && SENDING_CUE.test(folded) && !folded.includes('?');
  });

  let proposal: InvoiceProposal | undefined;
  if (named) proposal = { rule: 'attachment-name', attachmentName: named.name };
  else if (typed) proposal = { rule: 'attachment-type', attachmentName: typed.name };
  else if (pdf && subjectNamesInvoice) proposal = { rule: 'pdf-and-subject', attachmentName: pdf.name };
  else if (pdf && sendingSentence !== undefined) proposal = { rule: 'pdf-and-text', attachmentName: pdf.name };
  if (!proposal) return undefined;

  const mentioning = sendingSentence ?? sentences.find((s) => INVOICE_WORD.test(foldForMatching(s)));
  if (mentioning !== undefined) proposal.sentence = mentioning;
  const number =
    findInvoiceNumber(subject) ??
    findInvoiceNumber(text) ??
    (proposal.attachmentName ? findInvoiceNumber(nameWithoutExtension(proposal.attachmentName).replace(/_/g, ' ')) : undefined);
  if (number !== undefined) proposal.invoiceNumber = number;
  const amount = findAmounts(mentioning ?? '')[0] ?? findAmounts(`${subject}\n${text}`)[0];
  if (amount) {
    proposal.amountMinor = amount.amountMinor;
    proposal.currency = amount.currency;
  }
  const due = dueDate(sentences, input);
  if (due !== undefined) proposal.dueDate = due;
  return proposal;
}
