/**
 * The client's dossier as plain data: what a JSON answer, an HTML page and a PDF are each made
 * from. Instants are ISO 8601 strings, calendar days YYYY-MM-DD, money a minor-unit string with
 * its currency (JSON numbers lose precision past 2^53), so the whole value serialises as it is.
 */
import type { ClientStatus, OutgoingEmailState } from '@firmly/core';

export interface DossierMoney {
  /** Integer count of the currency's minor unit: 1250.50 EUR is "125050". */
  minor: string;
  currency: string;
}

/** Who did something, from the audit log's `actor`: an operator (by name), an API key, or a part of firmly. */
export type DossierActor =
  | { kind: 'operator'; id: string; name: string | null }
  | { kind: 'api_key'; id: string }
  | { kind: 'system'; component: string };

/** The workspace's audit chain recomputed when the dossier was made (the chain is per workspace, not per client). */
export type DossierAuditCheck = { ok: true; events: number } | { ok: false; brokenAtSeq: number; reason: string };

export interface DossierClient {
  id: string;
  name: string;
  status: ClientStatus;
  statusReason: string | null;
  locale: string;
  timezone: string;
  createdAt: string;
}

export interface DossierContract {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string | null;
  dueRule: { kind: 'day_of_month' | 'net_days'; value: number };
  graceDays: number;
  fee: DossierMoney | null;
}

export interface DossierPayment {
  id: string;
  amount: DossierMoney;
  paidOn: string;
  reference: string;
  source: string;
}

export interface DossierInvoice {
  id: string;
  number: string;
  amount: DossierMoney;
  issuedOn: string;
  dueOn: string;
  paid: DossierMoney;
  status: 'open' | 'overdue' | 'paid';
  /** The day payments first added up to the amount. */
  paidOn: string | null;
  /** Paid: days after the due day (0 = on time); overdue: days past due on the dossier's day; open: null. */
  daysLate: number | null;
  /** Paid after its due day, or unpaid past it. */
  late: boolean;
  disputedAt: string | null;
  promisedPayOn: string | null;
  payments: DossierPayment[];
}

export interface DossierIncident {
  id: string;
  kind: string;
  occurredAt: string;
  summary: string;
  /** The client's own words the incident rests on, verbatim. */
  quotes: string[];
  note: string | null;
}

export interface DossierAsk {
  id: string;
  kind: string | null;
  sentence: string | null;
  status: 'open' | 'answered' | 'dismissed';
  askedAt: string;
  /** When the answer was due: the SLA in the client's business hours (or after an out-of-office). */
  dueAt: string;
  answeredAt: string | null;
  /** Business hours from ask to answer; for an open ask, until the dossier's instant. Null for a dismissed ask. */
  latencyBusinessHours: number | null;
  /** Answered after it was due, or still open past it. */
  late: boolean;
}

export type DossierEmailOutcome = 'approved' | 'rejected' | 'cancelled' | 'sent' | 'failed';

export interface DossierEmailDecision {
  outcome: DossierEmailOutcome;
  at: string;
  by: DossierActor | null;
  reason: string | null;
}

export interface DossierEmail {
  id: string;
  kind: string;
  subject: string;
  state: OutgoingEmailState;
  draftedAt: string;
  draftedBy: DossierActor | null;
  /** Every review decision and delivery outcome, oldest first. */
  decisions: DossierEmailDecision[];
}

export interface DossierWorkEntry {
  id: string;
  doneOn: string;
  title: string;
  link: string | null;
  outcome: string | null;
  recordedBy: DossierActor | null;
}

export interface DossierStatusChange {
  at: string;
  /** The audit event's action (`client.status_changed`, `client.created`, `client.reminders_paused`, …). */
  action: string;
  /** The status it moved to, when the event is a status change. */
  status: string | null;
  reason: string | null;
  by: DossierActor | null;
  seq: number;
}

/** One line of the chronology; `at` orders them (calendar days sit at the start of that day in the client's zone). */
export type DossierEvent =
  | { type: 'contract_started'; at: string; contractId: string; title: string }
  | { type: 'ask'; at: string; askId: string; sentence: string | null }
  | { type: 'ask_answered'; at: string; askId: string; sentence: string | null; latencyBusinessHours: number | null; late: boolean }
  | { type: 'incident'; at: string; incidentId: string; kind: string; summary: string; quotes: string[] }
  | { type: 'invoice_issued'; at: string; invoiceId: string; number: string; amount: DossierMoney; dueOn: string }
  | {
      type: 'invoice_record';
      at: string;
      invoiceId: string;
      number: string;
      action: string;
      detail: string | null;
      by: DossierActor | null;
    }
  | { type: 'payment'; at: string; paymentId: string; invoiceId: string; number: string; amount: DossierMoney; paidOn: string }
  | { type: 'email_drafted'; at: string; emailId: string; kind: string; subject: string; by: DossierActor | null }
  | {
      type: 'email_decision';
      at: string;
      emailId: string;
      kind: string;
      subject: string;
      outcome: DossierEmailOutcome;
      by: DossierActor | null;
      reason: string | null;
    }
  | { type: 'status_change'; at: string; action: string; status: string | null; reason: string | null; by: DossierActor | null }
  | { type: 'work'; at: string; entryId: string; doneOn: string; title: string; outcome: string | null };

export type DossierEventType = DossierEvent['type'];

export interface ClientDossier {
  generatedAt: string;
  client: DossierClient;
  /** From the first thing on record (or the client's creation) to the dossier's instant. */
  period: { from: string; to: string };
  auditChain: DossierAuditCheck;
  contracts: DossierContract[];
  /** Oldest first, as everything else. */
  events: DossierEvent[];
  invoices: DossierInvoice[];
  incidents: DossierIncident[];
  asks: DossierAsk[];
  emails: DossierEmail[];
  statusChanges: DossierStatusChange[];
  workLog: DossierWorkEntry[];
}
