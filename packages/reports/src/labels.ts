/** The dossier's words in each language it is written in: headings, column names, and names of kinds and states. */

export const DOSSIER_LOCALES = ['en', 'hu'] as const;
export type DossierLocale = (typeof DOSSIER_LOCALES)[number];

export function isDossierLocale(value: string): value is DossierLocale {
  return (DOSSIER_LOCALES as readonly string[]).includes(value);
}

export interface Labels {
  title: string;
  client: string;
  period: string;
  generated: string;
  status: string;
  timezone: string;
  chainVerified: (events: number) => string;
  chainBroken: (seq: number, reason: string) => string;
  nothing: string;
  page: (page: number, pages: number) => string;
  sections: {
    contracts: string;
    chronology: string;
    invoices: string;
    incidents: string;
    asks: string;
    emails: string;
    statusChanges: string;
    workLog: string;
  };
  columns: {
    when: string;
    what: string;
    details: string;
    title: string;
    term: string;
    dueRule: string;
    graceDays: string;
    fee: string;
    number: string;
    amount: string;
    issued: string;
    due: string;
    paid: string;
    payments: string;
    kind: string;
    summary: string;
    evidence: string;
    asked: string;
    request: string;
    answered: string;
    latency: string;
    drafted: string;
    subject: string;
    state: string;
    decisions: string;
    change: string;
    reason: string;
    by: string;
    done: string;
    outcome: string;
    link: string;
  };
  dueRule: (kind: 'day_of_month' | 'net_days', value: number) => string;
  openEnded: string;
  none: string;
  late: string;
  onTime: string;
  daysLate: (days: number) => string;
  businessHours: (hours: string) => string;
  notAnswered: string;
  clientStatus: Record<string, string>;
  invoiceStatus: Record<string, string>;
  emailState: Record<string, string>;
  emailKind: Record<string, string>;
  incidentKind: Record<string, string>;
  askStatus: Record<string, string>;
  clientAction: Record<string, string>;
  invoiceAction: Record<string, string>;
  apiKey: string;
  operator: string;
  system: (component: string) => string;
  event: {
    contractStarted: string;
    asked: string;
    answered: string;
    incident: string;
    invoiceIssued: (number: string) => string;
    invoiceRecord: (number: string, what: string) => string;
    payment: (number: string) => string;
    drafted: (kind: string) => string;
    decision: (kind: string, outcome: string) => string;
    statusChange: (status: string) => string;
    work: string;
  };
}

const en: Labels = {
  title: 'Client dossier',
  client: 'Client',
  period: 'Period',
  generated: 'Generated',
  status: 'Status',
  timezone: 'Time zone',
  chainVerified: (events) => `Audit log verified: ${events} events, unbroken`,
  chainBroken: (seq, reason) => `Audit log BROKEN at event #${seq} (${reason})`,
  nothing: 'Nothing on record.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  sections: {
    contracts: 'Contract terms',
    chronology: 'Chronology',
    invoices: 'Invoices and payments',
    incidents: 'Incidents',
    asks: 'Asks and answer times',
    emails: 'Emails and review decisions',
    statusChanges: 'Status changes',
    workLog: 'Work log',
  },
  columns: {
    when: 'When',
    what: 'What',
    details: 'Details',
    title: 'Title',
    term: 'Term',
    dueRule: 'Payment due',
    graceDays: 'Grace days',
    fee: 'Fee',
    number: 'Number',
    amount: 'Amount',
    issued: 'Issued',
    due: 'Due',
    paid: 'Paid',
    payments: 'Payments',
    kind: 'Kind',
    summary: 'Summary',
    evidence: 'Evidence',
    asked: 'Asked',
    request: 'Request',
    answered: 'Answered',
    latency: 'Answer time',
    drafted: 'Drafted',
    subject: 'Subject',
    state: 'State',
    decisions: 'Review decisions',
    change: 'Change',
    reason: 'Reason',
    by: 'By',
    done: 'Delivered',
    outcome: 'Outcome',
    link: 'Link',
  },
  dueRule: (kind, value) => (kind === 'day_of_month' ? `day ${value} of the month` : `${value} days after issue`),
  openEnded: 'open-ended',
  none: '—',
  late: 'late',
  onTime: 'on time',
  daysLate: (days) => `${days} ${days === 1 ? 'day' : 'days'} late`,
  businessHours: (hours) => `${hours} business hours`,
  notAnswered: 'not answered',
  clientStatus: { active: 'active', paused: 'paused', offboarding: 'offboarding', former: 'former client' },
  invoiceStatus: { open: 'open', overdue: 'overdue', paid: 'paid' },
  emailState: {
    pending_review: 'waiting for review',
    approved: 'approved',
    sending: 'sending',
    sent: 'sent',
    rejected: 'rejected',
    cancelled: 'cancelled',
    failed: 'failed',
  },
  emailKind: {
    nudge: 'Nudge',
    firm_notice: 'Firm notice',
    payment_reminder: 'Payment reminder',
    work_paused: 'Work paused notice',
    work_resumed: 'Work resumed notice',
    expectations_reset: 'Expectations reset',
    termination: 'Termination notice',
    closing_report: 'Closing report',
    custom: 'Email',
  },
  incidentKind: {
    missed_feedback_deadline: 'Missed feedback deadline',
    late_payment: 'Late payment',
    control_episode: 'Controlling behaviour',
    abusive_message: 'Abusive message',
    other: 'Other',
  },
  askStatus: { open: 'open', answered: 'answered', dismissed: 'dismissed' },
  clientAction: {
    'client.created': 'Client added',
    'client.reminders_paused': 'Reminders paused',
    'client.reminders_resumed': 'Reminders resumed',
  },
  invoiceAction: {
    'invoice.disputed': 'disputed by the client',
    'invoice.dispute_cleared': 'dispute settled',
    'invoice.promise_recorded': 'payment promised',
    'invoice.promise_cleared': 'promise lifted',
    'invoice.reminders_paused': 'reminders paused',
    'invoice.reminders_resumed': 'reminders resumed',
  },
  apiKey: 'an API key',
  operator: 'an operator',
  system: (component) => `firmly (${component})`,
  event: {
    contractStarted: 'Contract started',
    asked: 'Asked the client',
    answered: 'The client answered',
    incident: 'Incident',
    invoiceIssued: (number) => `Invoice ${number} issued`,
    invoiceRecord: (number, what) => `Invoice ${number}: ${what}`,
    payment: (number) => `Payment for invoice ${number}`,
    drafted: (kind) => `${kind} drafted`,
    decision: (kind, outcome) => `${kind} ${outcome}`,
    statusChange: (status) => `Status: ${status}`,
    work: 'Work delivered',
  },
};

const hu: Labels = {
  title: 'Ügyféldosszié',
  client: 'Ügyfél',
  period: 'Időszak',
  generated: 'Készült',
  status: 'Állapot',
  timezone: 'Időzóna',
  chainVerified: (events) => `Auditnapló ellenőrizve: ${events} esemény, sértetlen`,
  chainBroken: (seq, reason) => `Az auditnapló SÉRÜLT a(z) #${seq}. eseménynél (${reason})`,
  nothing: 'Nincs bejegyzés.',
  page: (page, pages) => `${page}. oldal / ${pages}`,
  sections: {
    contracts: 'Szerződési feltételek',
    chronology: 'Időrend',
    invoices: 'Számlák és fizetések',
    incidents: 'Incidensek',
    asks: 'Kérések és válaszidők',
    emails: 'E-mailek és jóváhagyási döntések',
    statusChanges: 'Állapotváltozások',
    workLog: 'Munkanapló',
  },
  columns: {
    when: 'Időpont',
    what: 'Esemény',
    details: 'Részletek',
    title: 'Megnevezés',
    term: 'Időtartam',
    dueRule: 'Fizetési határidő',
    graceDays: 'Türelmi napok',
    fee: 'Díj',
    number: 'Sorszám',
    amount: 'Összeg',
    issued: 'Kiállítva',
    due: 'Esedékes',
    paid: 'Fizetve',
    payments: 'Befizetések',
    kind: 'Típus',
    summary: 'Összefoglaló',
    evidence: 'Bizonyíték',
    asked: 'Kérdezve',
    request: 'Kérés',
    answered: 'Megválaszolva',
    latency: 'Válaszidő',
    drafted: 'Megírva',
    subject: 'Tárgy',
    state: 'Állapot',
    decisions: 'Jóváhagyási döntések',
    change: 'Változás',
    reason: 'Indok',
    by: 'Ki',
    done: 'Teljesítve',
    outcome: 'Eredmény',
    link: 'Hivatkozás',
  },
  dueRule: (kind, value) => (kind === 'day_of_month' ? `a hónap ${value}. napja` : `kiállítás után ${value} nappal`),
  openEnded: 'határozatlan',
  none: '—',
  late: 'késve',
  onTime: 'időben',
  daysLate: (days) => `${days} nap késéssel`,
  businessHours: (hours) => `${hours} munkaóra`,
  notAnswered: 'nincs válasz',
  clientStatus: { active: 'aktív', paused: 'szüneteltetve', offboarding: 'kivezetés alatt', former: 'korábbi ügyfél' },
  invoiceStatus: { open: 'nyitott', overdue: 'lejárt', paid: 'kifizetve' },
  emailState: {
    pending_review: 'jóváhagyásra vár',
    approved: 'jóváhagyva',
    sending: 'küldés alatt',
    sent: 'elküldve',
    rejected: 'elutasítva',
    cancelled: 'visszavonva',
    failed: 'sikertelen',
  },
  emailKind: {
    nudge: 'Emlékeztető',
    firm_notice: 'Határozott felszólítás',
    payment_reminder: 'Fizetési emlékeztető',
    work_paused: 'Munka szüneteltetéséről szóló értesítés',
    work_resumed: 'Munka folytatásáról szóló értesítés',
    expectations_reset: 'Elvárások tisztázása',
    termination: 'Felmondás',
    closing_report: 'Záró jelentés',
    custom: 'E-mail',
  },
  incidentKind: {
    missed_feedback_deadline: 'Elmulasztott visszajelzési határidő',
    late_payment: 'Késedelmes fizetés',
    control_episode: 'Kontrolláló viselkedés',
    abusive_message: 'Bántó üzenet',
    other: 'Egyéb',
  },
  askStatus: { open: 'nyitott', answered: 'megválaszolva', dismissed: 'elvetve' },
  clientAction: {
    'client.created': 'Ügyfél felvéve',
    'client.reminders_paused': 'Emlékeztetők szüneteltetve',
    'client.reminders_resumed': 'Emlékeztetők újraindítva',
  },
  invoiceAction: {
    'invoice.disputed': 'az ügyfél vitatja',
    'invoice.dispute_cleared': 'vita rendezve',
    'invoice.promise_recorded': 'fizetési ígéret',
    'invoice.promise_cleared': 'ígéret visszavonva',
    'invoice.reminders_paused': 'emlékeztetők szüneteltetve',
    'invoice.reminders_resumed': 'emlékeztetők újraindítva',
  },
  apiKey: 'API-kulcs',
  operator: 'operátor',
  system: (component) => `firmly (${component})`,
  event: {
    contractStarted: 'Szerződés kezdete',
    asked: 'Kérés az ügyfélnek',
    answered: 'Az ügyfél válaszolt',
    incident: 'Incidens',
    invoiceIssued: (number) => `${number} számla kiállítva`,
    invoiceRecord: (number, what) => `${number} számla: ${what}`,
    payment: (number) => `Befizetés a(z) ${number} számlára`,
    drafted: (kind) => `${kind} megírva`,
    decision: (kind, outcome) => `${kind}: ${outcome}`,
    statusChange: (status) => `Állapot: ${status}`,
    work: 'Elvégzett munka',
  },
};

export const LABELS: Readonly<Record<DossierLocale, Labels>> = { en, hu };
