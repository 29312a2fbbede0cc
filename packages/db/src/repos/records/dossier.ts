import { askDeadline, BUSINESS_HOUR, businessCalendar, startOfLocalDay } from '@firmly/core';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { verifyAuditChain } from '../../audit';
import type { Database } from '../../client';
import { asks } from '../../schema/asks';
import { auditEvents } from '../../schema/audit-events';
import { clients } from '../../schema/clients';
import { contracts } from '../../schema/contracts';
import { incidents } from '../../schema/incidents';
import { invoices } from '../../schema/invoices';
import { operators } from '../../schema/operators';
import { outgoingEmails } from '../../schema/outgoing-emails';
import { payments } from '../../schema/payments';
import { workLogEntries } from '../../schema/work-log';
import { loadClientForAnalysis } from '../analysis';
import type {
  ClientDossier,
  DossierActor,
  DossierAsk,
  DossierAuditCheck,
  DossierEmail,
  DossierEmailDecision,
  DossierEmailOutcome,
  DossierEvent,
  DossierEventType,
  DossierIncident,
  DossierInvoice,
  DossierMoney,
  DossierPayment,
  DossierStatusChange,
  DossierWorkEntry,
} from './dossier-types';
import { loadClientInvoiceViews } from './invoice-standing';

type AuditRow = typeof auditEvents.$inferSelect;

/** The audit actions that are an email's review decision or delivery outcome. */
const EMAIL_OUTCOMES: Record<string, DossierEmailOutcome> = {
  'email.approved': 'approved',
  'email.rejected': 'rejected',
  'email.cancelled': 'cancelled',
  'email.sent': 'sent',
  'email.failed': 'failed',
};
/** What happened to an invoice besides being issued and paid (those come from their own rows). */
const INVOICE_ACTIONS = [
  'invoice.disputed',
  'invoice.dispute_cleared',
  'invoice.promise_recorded',
  'invoice.promise_cleared',
  'invoice.reminders_paused',
  'invoice.reminders_resumed',
];
/** Client events that are bookkeeping rather than record: an edit of the name or contacts says nothing about the relationship. */
const QUIET_CLIENT_ACTIONS = new Set(['client.updated']);

/** Where events of one instant go: the order things happen in on one day. */
const TYPE_ORDER: readonly DossierEventType[] = [
  'contract_started',
  'invoice_issued',
  'work',
  'ask',
  'ask_answered',
  'payment',
  'invoice_record',
  'incident',
  'email_drafted',
  'email_decision',
  'status_change',
];

const money = (minor: bigint, currency: string): DossierMoney => ({ minor: minor.toString(), currency });
const iso = (at: Date) => at.toISOString();
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * The whole record of one client, oldest first (PRODUCT §2.5, "the dossier"): contract terms,
 * asks with their answer latency in the client's business hours, incidents with their quoted
 * evidence, invoices with payments and whether they were paid late, every email drafted with
 * its review decisions (who, why), status changes from the audit log, and the work log — and,
 * at the top, whether the workspace's audit chain still verifies. Unlike the timeline it reads
 * every row (a dossier that silently stopped at a limit would not be the whole record).
 * Undefined for a client that is not in this workspace.
 */
export async function clientDossier(db: Database, workspaceId: string, clientId: string, now: Date): Promise<ClientDossier | undefined> {
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  if (!client) return undefined;
  const dayStart = (day: string) => iso(startOfLocalDay(day, client.timezone) ?? new Date(`${day}T00:00:00Z`));

  const actors = await actorNames(db, workspaceId);
  const contractList = await loadContracts(db, workspaceId, clientId);
  const invoiceList = await loadInvoices(db, workspaceId, clientId, now);
  const incidentList = await loadIncidents(db, workspaceId, clientId);
  const askList = await loadAsks(db, workspaceId, clientId, now);
  const audit = await loadClientAudit(db, workspaceId, clientId);
  const emailList = await loadEmails(db, workspaceId, clientId, audit.emails, actors);
  const workLog = await loadWorkLog(db, workspaceId, clientId, actors);
  const statusChanges: DossierStatusChange[] = audit.client.map((event) => ({
    at: iso(event.occurredAt),
    action: event.action,
    status: text(event.data.status),
    reason: text(event.data.reason),
    by: actors(event.actor),
    seq: event.seq,
  }));

  const events: DossierEvent[] = [];
  for (const c of contractList) events.push({ type: 'contract_started', at: dayStart(c.startsOn), contractId: c.id, title: c.title });
  for (const invoice of invoiceList) {
    const { id: invoiceId, number } = invoice;
    events.push({
      type: 'invoice_issued',
      at: dayStart(invoice.issuedOn),
      invoiceId,
      number,
      amount: invoice.amount,
      dueOn: invoice.dueOn,
    });
    for (const p of invoice.payments) {
      events.push({ type: 'payment', at: dayStart(p.paidOn), paymentId: p.id, invoiceId, number, amount: p.amount, paidOn: p.paidOn });
    }
  }
  const numbers = new Map(invoiceList.map((invoice) => [invoice.id, invoice.number]));
  for (const event of audit.invoices) {
    const number = numbers.get(event.subjectId);
    if (number === undefined) continue;
    const detail = text(event.data.payOn) ?? text(event.data.reason);
    events.push({
      type: 'invoice_record',
      at: iso(event.occurredAt),
      invoiceId: event.subjectId,
      number,
      action: event.action,
      detail,
      by: actors(event.actor),
    });
  }
  for (const i of incidentList) {
    events.push({ type: 'incident', at: i.occurredAt, incidentId: i.id, kind: i.kind, summary: i.summary, quotes: i.quotes });
  }
  for (const ask of askList) {
    events.push({ type: 'ask', at: ask.askedAt, askId: ask.id, sentence: ask.sentence });
    if (ask.answeredAt) {
      const { latencyBusinessHours, late } = ask;
      events.push({ type: 'ask_answered', at: ask.answeredAt, askId: ask.id, sentence: ask.sentence, latencyBusinessHours, late });
    }
  }
  for (const email of emailList) {
    const about = { emailId: email.id, kind: email.kind, subject: email.subject };
    events.push({ type: 'email_drafted', at: email.draftedAt, ...about, by: email.draftedBy });
    for (const d of email.decisions)
      events.push({ type: 'email_decision', at: d.at, ...about, outcome: d.outcome, by: d.by, reason: d.reason });
  }
  for (const change of statusChanges) {
    const { at, action, status, reason, by } = change;
    events.push({ type: 'status_change', at, action, status, reason, by });
  }
  for (const w of workLog)
    events.push({ type: 'work', at: dayStart(w.doneOn), entryId: w.id, doneOn: w.doneOn, title: w.title, outcome: w.outcome });
  events.sort((a, b) => a.at.localeCompare(b.at) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));

  const createdAt = iso(client.createdAt);
  const first = events[0]?.at;
  return {
    generatedAt: iso(now),
    client: {
      id: client.id,
      name: client.name,
      status: client.status,
      statusReason: client.statusReason,
      locale: client.locale,
      timezone: client.timezone,
      createdAt,
    },
    period: { from: first !== undefined && first < createdAt ? first : createdAt, to: iso(now) },
    auditChain: await chainCheck(db, workspaceId),
    contracts: contractList,
    events,
    invoices: invoiceList,
    incidents: incidentList,
    asks: askList,
    emails: emailList,
    statusChanges,
    workLog,
  };
}

async function chainCheck(db: Database, workspaceId: string): Promise<DossierAuditCheck> {
  const check = await verifyAuditChain(db, workspaceId);
  return check.ok ? { ok: true, events: check.length } : { ok: false, brokenAtSeq: check.brokenAtSeq, reason: check.reason };
}

/** `operator:<id>` → the operator by name; `api_key:<id>`; `system:<component>`. Operators are few per workspace: read once. */
async function actorNames(db: Database, workspaceId: string): Promise<(actor: string | null | undefined) => DossierActor | null> {
  const rows = await db.select({ id: operators.id, name: operators.name }).from(operators).where(eq(operators.workspaceId, workspaceId));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (actor) => {
    if (!actor) return null;
    const colon = actor.indexOf(':');
    const [kind, rest] = colon < 0 ? [actor, ''] : [actor.slice(0, colon), actor.slice(colon + 1)];
    if (kind === 'operator') return { kind: 'operator', id: rest, name: names.get(rest) ?? null };
    if (kind === 'api_key') return { kind: 'api_key', id: rest };
    return { kind: 'system', component: rest || kind };
  };
}

async function loadContracts(db: Database, workspaceId: string, clientId: string) {
  const rows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.clientId, clientId)))
    .orderBy(asc(contracts.startsOn), asc(contracts.createdAt));
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    dueRule: { kind: c.dueRuleKind, value: c.dueRuleValue },
    graceDays: c.graceDays,
    fee: c.feeMinor === null ? null : money(c.feeMinor, c.currency),
  }));
}

/** Standing from the same rule as the invoice pages (invoice-standing.ts), with each invoice's payments beside it. */
async function loadInvoices(db: Database, workspaceId: string, clientId: string, now: Date): Promise<DossierInvoice[]> {
  const views = await loadClientInvoiceViews(db, workspaceId, clientId, now);
  const rows = await db
    .select({ payment: payments })
    .from(payments)
    .innerJoin(invoices, and(eq(invoices.workspaceId, payments.workspaceId), eq(invoices.id, payments.invoiceId)))
    .where(and(eq(payments.workspaceId, workspaceId), eq(invoices.clientId, clientId)))
    .orderBy(asc(payments.paidOn), asc(payments.createdAt));
  const byInvoice = new Map<string, DossierPayment[]>();
  for (const { payment: p } of rows) {
    const list = byInvoice.get(p.invoiceId) ?? [];
    list.push({ id: p.id, amount: money(p.amountMinor, p.currency), paidOn: p.paidOn, reference: p.reference, source: p.source });
    byInvoice.set(p.invoiceId, list);
  }
  return views
    .map((v) => ({
      id: v.id,
      number: v.number,
      amount: money(v.amountMinor, v.currency),
      issuedOn: v.issuedOn,
      dueOn: v.dueOn,
      paid: money(v.paidMinor, v.currency),
      status: v.status,
      paidOn: v.paidOn,
      daysLate: v.daysLate,
      late: (v.daysLate ?? 0) > 0,
      disputedAt: v.disputedAt ? iso(v.disputedAt) : null,
      promisedPayOn: v.promisedPayOn,
      payments: byInvoice.get(v.id) ?? [],
    }))
    .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.number.localeCompare(b.number));
}

async function loadIncidents(db: Database, workspaceId: string, clientId: string): Promise<DossierIncident[]> {
  const rows = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.clientId, clientId)))
    .orderBy(asc(incidents.occurredAt), asc(incidents.id));
  return rows.map((i) => ({
    id: i.id,
    kind: i.kind,
    occurredAt: iso(i.occurredAt),
    summary: i.summary,
    quotes: (i.evidence.quotes ?? []).filter((quote): quote is string => typeof quote === 'string'),
    note: text(i.evidence.note),
  }));
}

/**
 * Asks with their latency in the client's business hours and whether the answer came after it
 * was due, by the same calendar and SLA the analysis files its incidents with. An ask the
 * operator unmarked is not an ask, and is left out.
 */
async function loadAsks(db: Database, workspaceId: string, clientId: string, now: Date): Promise<DossierAsk[]> {
  const profile = await loadClientForAnalysis(db, workspaceId, clientId);
  if (!profile) return [];
  const calendar = businessCalendar(profile.profile.calendar);
  const rows = await db
    .select()
    .from(asks)
    .where(
      and(
        eq(asks.workspaceId, workspaceId),
        eq(asks.clientId, clientId),
        or(sql`${asks.operatorOverride} IS NULL`, eq(asks.operatorOverride, true)),
      ),
    )
    .orderBy(asc(asks.askedAt), asc(asks.id));
  return rows.map((ask) => {
    const dueAt = askDeadline({ askedAt: ask.askedAt, pausedUntil: ask.pausedUntil ?? undefined }, profile.profile, calendar);
    const until = ask.answeredAt ?? (ask.status === 'open' ? now : undefined);
    const latency = until ? Math.round((calendar.millisBetween(ask.askedAt, until) / BUSINESS_HOUR) * 10) / 10 : null;
    return {
      id: ask.id,
      kind: ask.kind,
      sentence: ask.sentence,
      status: ask.status,
      askedAt: iso(ask.askedAt),
      dueAt: iso(dueAt),
      answeredAt: ask.answeredAt ? iso(ask.answeredAt) : null,
      latencyBusinessHours: latency,
      late: until !== undefined && until > dueAt,
    };
  });
}

/** The client's own audit events, its invoices' and its emails', in chain order. */
async function loadClientAudit(db: Database, workspaceId: string, clientId: string) {
  const clientInvoices = db
    .select({ id: sql<string>`${invoices.id}::text` })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)));
  const clientEmails = db
    .select({ id: sql<string>`${outgoingEmails.id}::text` })
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.clientId, clientId)));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        or(
          and(eq(auditEvents.subjectType, 'client'), eq(auditEvents.subjectId, clientId)),
          and(
            eq(auditEvents.subjectType, 'invoice'),
            inArray(auditEvents.subjectId, clientInvoices),
            inArray(auditEvents.action, INVOICE_ACTIONS),
          ),
          and(eq(auditEvents.subjectType, 'outgoing_email'), inArray(auditEvents.subjectId, clientEmails)),
        ),
      ),
    )
    .orderBy(asc(auditEvents.seq));
  const byType = (type: string) => rows.filter((row) => row.subjectType === type);
  return {
    client: byType('client').filter((row) => !QUIET_CLIENT_ACTIONS.has(row.action)),
    invoices: byType('invoice'),
    emails: byType('outgoing_email'),
  };
}

/**
 * Each email with its decisions from the audit log (who approved, rejected or cancelled it, and
 * why). An email whose outcome has no audit event (written before events were kept, or by a
 * path that did not record one) still shows it, from the row, with no one named unless the row
 * names its reviewer.
 */
async function loadEmails(
  db: Database,
  workspaceId: string,
  clientId: string,
  audit: readonly AuditRow[],
  actors: (actor: string | null | undefined) => DossierActor | null,
): Promise<DossierEmail[]> {
  const rows = await db
    .select()
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.clientId, clientId)))
    .orderBy(asc(outgoingEmails.createdAt), asc(outgoingEmails.id));
  const eventsOf = new Map<string, AuditRow[]>();
  for (const event of audit) {
    const list = eventsOf.get(event.subjectId) ?? [];
    list.push(event);
    eventsOf.set(event.subjectId, list);
  }
  return rows.map((email) => {
    const events = eventsOf.get(email.id) ?? [];
    const drafted = events.find((event) => event.action === 'email.drafted');
    const decisions: DossierEmailDecision[] = [];
    for (const event of events) {
      const outcome = EMAIL_OUTCOMES[event.action];
      if (outcome) decisions.push({ outcome, at: iso(event.occurredAt), by: actors(event.actor), reason: text(event.data.reason) });
    }
    const rowOutcome = EMAIL_OUTCOMES[`email.${email.state}`];
    if (rowOutcome && !decisions.some((d) => d.outcome === rowOutcome)) {
      const at = rowOutcome === 'sent' ? (email.providerAcceptedAt ?? email.updatedAt) : (email.reviewedAt ?? email.updatedAt);
      const reviewer = email.reviewedBy && rowOutcome !== 'sent' ? actors(`operator:${email.reviewedBy}`) : null;
      decisions.push({ outcome: rowOutcome, at: iso(at), by: reviewer, reason: email.stateReason });
    }
    decisions.sort((a, b) => a.at.localeCompare(b.at));
    return {
      id: email.id,
      kind: email.kind,
      subject: email.subject,
      state: email.state,
      draftedAt: iso(email.createdAt),
      draftedBy: drafted ? actors(drafted.actor) : email.stepKey ? { kind: 'system', component: 'escalation' } : null,
      decisions,
    };
  });
}

async function loadWorkLog(
  db: Database,
  workspaceId: string,
  clientId: string,
  actors: (actor: string | null | undefined) => DossierActor | null,
): Promise<DossierWorkEntry[]> {
  const rows = await db
    .select()
    .from(workLogEntries)
    .where(and(eq(workLogEntries.workspaceId, workspaceId), eq(workLogEntries.clientId, clientId)))
    .orderBy(asc(workLogEntries.doneOn), asc(workLogEntries.createdAt));
  return rows.map((w) => ({
    id: w.id,
    doneOn: w.doneOn,
    title: w.title,
    link: w.link,
    outcome: w.outcome,
    recordedBy: w.recordedBy ? actors(`operator:${w.recordedBy}`) : null,
  }));
}
