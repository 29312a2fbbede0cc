/**
 * How the termination letter lists the documented occasions. Incident summaries are the
 * operator's notes (in English, some blunt: "Abusive message from the client"); the letter
 * speaks to the client, in their language, factually and courteously. So a known kind is
 * written again from its evidence (the question asked, the invoice), and only an incident of
 * no stated kind keeps the operator's own words.
 */
import type { EmailLocale } from '@firmly/templates';

export interface IncidentForLetter {
  kind: string;
  summary: string;
  evidence: { quotes?: string[] | undefined; invoiceIds?: string[] | undefined };
}

type Invoices = ReadonlyMap<string, { number: string; dueOn: string }>;

const quoted = (quote: string | undefined, locale: EmailLocale) => (quote ? (locale === 'hu' ? ` („${quote}”)` : ` (“${quote}”)`) : '');

const LINES: Record<string, (incident: IncidentForLetter, invoices: Invoices, locale: EmailLocale) => string | undefined> = {
  missed_feedback_deadline: (incident, _invoices, locale) =>
    locale === 'hu'
      ? `egy kérdésemre nem érkezett válasz a megbeszélt időn belül${quoted(incident.evidence.quotes?.[0], locale)}`
      : `a question of mine was not answered within the agreed time${quoted(incident.evidence.quotes?.[0], locale)}`,
  late_payment: (incident, invoices, locale) => {
    const invoice = invoices.get(incident.evidence.invoiceIds?.[0] ?? '');
    if (!invoice) return undefined;
    return locale === 'hu'
      ? `a(z) ${invoice.number} számú számla kifizetése nem érkezett meg a fizetési határidőig (${invoice.dueOn})`
      : `invoice ${invoice.number} was not paid by its due date (${invoice.dueOn})`;
  },
  control_episode: (incident, _invoices, locale) =>
    locale === 'hu'
      ? `minden egyes elemet előzetesen jóvá kellett volna hagyatni${quoted(incident.evidence.quotes?.[0], locale)}`
      : `every single item had to be approved before it could go out${quoted(incident.evidence.quotes?.[0], locale)}`,
  abusive_message: (_incident, _invoices, locale) =>
    locale === 'hu' ? 'egy levél hangneme nem volt tisztelettudó' : 'a message was not written in a respectful tone',
};

/** The line for one occasion; the operator's summary when the kind has no wording of its own (or its facts are gone). */
export function incidentLine(incident: IncidentForLetter, invoices: Invoices, locale: EmailLocale): string {
  const line = LINES[incident.kind]?.(incident, invoices, locale);
  if (!line) return incident.summary;
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}`;
}
