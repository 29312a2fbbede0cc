/**
 * The dossier written out in one language, as plain text in headed tables: what the HTML page
 * and the PDF both lay out, so the two can never say different things.
 */
import type { ClientDossier, DossierActor, DossierEvent, DossierMoney } from '@firmly/db';
import { formatDate, formatMoney } from '@firmly/templates';
import { type DossierLocale, LABELS, type Labels } from './labels';

export interface DossierTable {
  heading: string;
  columns: string[];
  /** Each cell is plain text; a cell may hold several lines. */
  rows: string[][];
  /** Where rows are laid out as a list (the PDF), how many leading cells make a row's headline; 1 unless set. */
  lead?: number;
}

export interface DossierDocument {
  lang: DossierLocale;
  title: string;
  clientName: string;
  /** Label and value lines under the title: client, period, status, time zone, generated. */
  facts: Array<[string, string]>;
  chain: { ok: boolean; line: string };
  nothing: string;
  sections: DossierTable[];
  pageLabel: (page: number, pages: number) => string;
}

const LANGUAGE_TAGS: Record<DossierLocale, string> = { en: 'en-GB', hu: 'hu-HU' };

export function dossierDocument(dossier: ClientDossier, locale: DossierLocale): DossierDocument {
  const l = LABELS[locale];
  const zone = dossier.client.timezone;
  const instantFormat = instantFormatter(locale, zone);
  const at = (iso: string) => instantFormat.format(new Date(iso));
  const day = (date: string) => formatDate(date, locale);
  const amount = (m: DossierMoney) => formatMoney({ amountMinor: BigInt(m.minor), currency: m.currency }, locale);
  const actor = (a: DossierActor | null) => actorName(a, l);
  const named = (names: Record<string, string>, key: string) => names[key] ?? key.replaceAll('_', ' ');
  const lines = (...parts: Array<string | null | undefined | false>) =>
    parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
  const chain = dossier.auditChain;
  const c = l.columns;

  const sections: DossierTable[] = [
    {
      heading: l.sections.contracts,
      columns: [c.title, c.term, c.dueRule, c.graceDays, c.fee],
      rows: dossier.contracts.map((k) => [
        k.title,
        `${day(k.startsOn)} – ${k.endsOn ? day(k.endsOn) : l.openEnded}`,
        l.dueRule(k.dueRule.kind, k.dueRule.value),
        String(k.graceDays),
        k.fee ? amount(k.fee) : l.none,
      ]),
    },
    {
      heading: l.sections.chronology,
      columns: [c.when, c.what, c.details],
      lead: 2,
      rows: dossier.events.map((event) => {
        const [what, details] = describeEvent(event, l, { amount, day, actor, named, hours: (h) => formatHours(h, locale) });
        return [at(event.at), what, details];
      }),
    },
    {
      heading: l.sections.invoices,
      columns: [c.number, c.amount, c.issued, c.due, c.state, c.payments],
      rows: dossier.invoices.map((i) => [
        i.number,
        amount(i.amount),
        day(i.issuedOn),
        day(i.dueOn),
        lines(named(l.invoiceStatus, i.status), i.daysLate !== null && i.daysLate > 0 && l.daysLate(i.daysLate)),
        i.payments.length === 0 ? l.none : i.payments.map((p) => `${day(p.paidOn)}: ${amount(p.amount)} (${p.reference})`).join('\n'),
      ]),
    },
    {
      heading: l.sections.incidents,
      columns: [c.when, c.kind, c.summary, c.evidence],
      rows: dossier.incidents.map((i) => [
        at(i.occurredAt),
        named(l.incidentKind, i.kind),
        i.summary,
        lines(...i.quotes.map((q) => `“${q}”`), i.note) || l.none,
      ]),
    },
    {
      heading: l.sections.asks,
      columns: [c.asked, c.request, c.due, c.answered, c.latency],
      rows: dossier.asks.map((a) => [
        at(a.askedAt),
        lines(a.sentence ?? l.none, named(l.askStatus, a.status)),
        at(a.dueAt),
        a.answeredAt ? at(a.answeredAt) : l.notAnswered,
        a.latencyBusinessHours === null
          ? l.none
          : lines(l.businessHours(formatHours(a.latencyBusinessHours, locale)), a.late ? l.late : l.onTime),
      ]),
    },
    {
      heading: l.sections.emails,
      columns: [c.drafted, c.kind, c.subject, c.state, c.decisions],
      rows: dossier.emails.map((e) => [
        lines(at(e.draftedAt), e.draftedBy && actor(e.draftedBy)),
        named(l.emailKind, e.kind),
        e.subject,
        named(l.emailState, e.state),
        e.decisions.length === 0
          ? l.none
          : e.decisions
              .map((d) =>
                lines(
                  `${at(d.at)}: ${named(l.emailState, d.outcome)}${d.by ? ` (${actor(d.by)})` : ''}`,
                  d.reason && `${c.reason}: ${d.reason}`,
                ),
              )
              .join('\n'),
      ]),
    },
    {
      heading: l.sections.statusChanges,
      columns: [c.when, c.change, c.reason, c.by],
      rows: dossier.statusChanges.map((s) => [
        at(s.at),
        s.status ? l.event.statusChange(named(l.clientStatus, s.status)) : named(l.clientAction, s.action),
        s.reason ?? l.none,
        actor(s.by),
      ]),
    },
    {
      heading: l.sections.workLog,
      columns: [c.done, c.title, c.outcome, c.link],
      rows: dossier.workLog.map((w) => [day(w.doneOn), w.title, w.outcome ?? l.none, w.link ?? l.none]),
    },
  ];

  return {
    lang: locale,
    title: l.title,
    clientName: dossier.client.name,
    facts: [
      [l.client, dossier.client.name],
      [l.period, `${at(dossier.period.from)} – ${at(dossier.period.to)}`],
      [l.status, [named(l.clientStatus, dossier.client.status), dossier.client.statusReason].filter(Boolean).join(' — ')],
      [l.timezone, zone],
      [l.generated, at(dossier.generatedAt)],
    ],
    chain: { ok: chain.ok, line: chain.ok ? l.chainVerified(chain.events) : l.chainBroken(chain.brokenAtSeq, chain.reason) },
    nothing: l.nothing,
    sections,
    pageLabel: l.page,
  };
}

interface Formatters {
  amount: (m: DossierMoney) => string;
  day: (date: string) => string;
  actor: (a: DossierActor | null) => string;
  named: (names: Record<string, string>, key: string) => string;
  hours: (hours: number) => string;
}

/** One chronology line: what happened, and the details that go with it. */
function describeEvent(event: DossierEvent, l: Labels, f: Formatters): [string, string] {
  const join = (...parts: Array<string | null | undefined | false>) =>
    parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
  switch (event.type) {
    case 'contract_started':
      return [l.event.contractStarted, event.title];
    case 'ask':
      return [l.event.asked, event.sentence ?? ''];
    case 'ask_answered':
      return [
        l.event.answered,
        join(
          event.sentence,
          event.latencyBusinessHours !== null &&
            `${l.businessHours(f.hours(event.latencyBusinessHours))}, ${event.late ? l.late : l.onTime}`,
        ),
      ];
    case 'incident':
      return [`${l.event.incident}: ${f.named(l.incidentKind, event.kind)}`, join(event.summary, ...event.quotes.map((q) => `“${q}”`))];
    case 'invoice_issued':
      return [l.event.invoiceIssued(event.number), `${f.amount(event.amount)}, ${l.columns.due}: ${f.day(event.dueOn)}`];
    case 'invoice_record':
      return [
        l.event.invoiceRecord(event.number, f.named(l.invoiceAction, event.action)),
        join(event.detail, event.by && f.actor(event.by)),
      ];
    case 'payment':
      return [l.event.payment(event.number), f.amount(event.amount)];
    case 'email_drafted':
      return [l.event.drafted(f.named(l.emailKind, event.kind)), join(event.subject, event.by && f.actor(event.by))];
    case 'email_decision':
      return [
        l.event.decision(f.named(l.emailKind, event.kind), f.named(l.emailState, event.outcome)),
        join(event.subject, event.by && f.actor(event.by), event.reason && `${l.columns.reason}: ${event.reason}`),
      ];
    case 'status_change':
      return [
        event.status ? l.event.statusChange(f.named(l.clientStatus, event.status)) : f.named(l.clientAction, event.action),
        join(event.reason, event.by && f.actor(event.by)),
      ];
    case 'work':
      return [l.event.work, join(event.title, event.outcome)];
  }
}

function actorName(actor: DossierActor | null, l: Labels): string {
  if (!actor) return l.none;
  if (actor.kind === 'operator') return actor.name ?? l.operator;
  if (actor.kind === 'api_key') return l.apiKey;
  return l.system(actor.component);
}

function instantFormatter(locale: DossierLocale, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { ...options, timeZone });
  } catch {
    // A zone the runtime does not know (old rows might hold one): UTC rather than no dossier.
    return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { ...options, timeZone: 'UTC' });
  }
}

function formatHours(hours: number, locale: DossierLocale): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { maximumFractionDigits: 1 }).format(hours);
}
