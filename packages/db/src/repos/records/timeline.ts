import { startOfLocalDay } from '@firmly/core';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../client';
import { asks } from '../../schema/asks';
import { auditEvents } from '../../schema/audit-events';
import { clients } from '../../schema/clients';
import { incidents } from '../../schema/incidents';
import { invoices } from '../../schema/invoices';
import { outgoingEmails } from '../../schema/outgoing-emails';
import { payments } from '../../schema/payments';
import { formatMinor } from './money';

export type TimelineType = 'incident' | 'email' | 'status' | 'invoice' | 'payment' | 'ask';

export interface TimelineEntry {
  at: Date;
  type: TimelineType;
  title: string;
  detail: string | null;
  /** The id of the row the entry is about: incident, outgoing email, invoice, payment, ask, or the audit event of a status change. */
  ref: string;
}

export const TIMELINE_LIMIT = 200;

/** What the operator's own actions on the client and its invoices are called in the timeline. */
const CLIENT_ACTIONS: Record<string, string> = {
  'client.created': 'Client created',
  'client.status_changed': 'Status changed',
  'client.reminders_paused': 'Reminders paused for the client',
  'client.reminders_resumed': 'Reminders resumed for the client',
};
const INVOICE_ACTIONS: Record<string, string> = {
  'invoice.disputed': 'disputed by the client',
  'invoice.dispute_cleared': 'dispute settled',
  'invoice.promise_recorded': 'payment promised',
  'invoice.promise_cleared': 'promise lifted',
  'invoice.reminders_paused': 'reminders paused',
  'invoice.reminders_resumed': 'reminders resumed',
};

const humanKind = (kind: string) => kind.replaceAll('_', ' ');

/**
 * The client's record in one list, newest first (PRODUCT §6): incidents; emails drafted,
 * sent, cancelled, rejected or failed; status changes and the operator's holds from the
 * audit log; invoices issued; payments; asks sent and answered. Each source reads at most
 * the limit of its newest rows, so the merged list is exact up to `limit`. Dates without a
 * time (issued, paid) are placed at the start of that day in the client's zone.
 * Undefined for a client that is not in this workspace.
 */
export async function clientTimeline(
  db: Executor,
  workspaceId: string,
  clientId: string,
  limit = TIMELINE_LIMIT,
): Promise<TimelineEntry[] | undefined> {
  const [client] = await db
    .select({ timezone: clients.timezone })
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  if (!client) return undefined;
  const dayStart = (day: string) => startOfLocalDay(day, client.timezone) ?? new Date(`${day}T00:00:00Z`);
  const entries: TimelineEntry[] = [];

  const incidentRows = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), eq(incidents.clientId, clientId)))
    .orderBy(desc(incidents.occurredAt))
    .limit(limit);
  for (const i of incidentRows)
    entries.push({ at: i.occurredAt, type: 'incident', title: i.summary, detail: humanKind(i.kind), ref: i.id });

  const emailRows = await db
    .select()
    .from(outgoingEmails)
    .where(and(eq(outgoingEmails.workspaceId, workspaceId), eq(outgoingEmails.clientId, clientId)))
    .orderBy(desc(outgoingEmails.updatedAt))
    .limit(limit);
  for (const e of emailRows) {
    const what = humanKind(e.kind);
    entries.push({ at: e.createdAt, type: 'email', title: `${capitalise(what)} drafted`, detail: e.subject, ref: e.id });
    if (e.state === 'sent') {
      entries.push({
        at: e.providerAcceptedAt ?? e.updatedAt,
        type: 'email',
        title: `${capitalise(what)} sent`,
        detail: e.subject,
        ref: e.id,
      });
    } else if (e.state === 'cancelled' || e.state === 'rejected' || e.state === 'failed') {
      const reason = e.stateReason ? `${e.subject} — ${e.stateReason}` : e.subject;
      entries.push({
        at: e.reviewedAt && e.state === 'rejected' ? e.reviewedAt : e.updatedAt,
        type: 'email',
        title: `${capitalise(what)} ${e.state}`,
        detail: reason,
        ref: e.id,
      });
    }
  }

  const clientInvoices = db
    .select({ id: sql<string>`${invoices.id}::text` })
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)));
  const auditRows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.workspaceId, workspaceId),
        or(
          and(
            eq(auditEvents.subjectType, 'client'),
            eq(auditEvents.subjectId, clientId),
            inArray(auditEvents.action, Object.keys(CLIENT_ACTIONS)),
          ),
          and(
            eq(auditEvents.subjectType, 'invoice'),
            inArray(auditEvents.subjectId, clientInvoices),
            inArray(auditEvents.action, Object.keys(INVOICE_ACTIONS)),
          ),
        ),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  const invoiceNumbers = new Map<string, string>();
  const invoiceRows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId)))
    .orderBy(desc(invoices.issuedOn))
    .limit(limit);
  for (const invoice of invoiceRows) {
    invoiceNumbers.set(invoice.id, invoice.number);
    entries.push({
      at: dayStart(invoice.issuedOn),
      type: 'invoice',
      title: `Invoice ${invoice.number} issued: ${formatMinor(invoice.amountMinor, invoice.currency)}`,
      detail: `due ${invoice.dueOn}`,
      ref: invoice.id,
    });
  }
  for (const event of auditRows) {
    if (event.subjectType === 'client') {
      const status = typeof event.data.status === 'string' ? event.data.status : undefined;
      const reason = typeof event.data.reason === 'string' ? event.data.reason : null;
      entries.push({
        at: event.occurredAt,
        type: 'status',
        title: status ? `Status: ${status}` : (CLIENT_ACTIONS[event.action] ?? event.action),
        detail: reason,
        ref: event.id,
      });
    } else {
      const number = invoiceNumbers.get(event.subjectId);
      const what = INVOICE_ACTIONS[event.action] ?? event.action;
      const payOn = typeof event.data.payOn === 'string' ? `by ${event.data.payOn}` : null;
      entries.push({
        at: event.occurredAt,
        type: 'invoice',
        title: number ? `Invoice ${number} ${what}` : `An invoice ${what}`,
        detail: payOn,
        ref: event.subjectId,
      });
    }
  }

  const paymentRows = await db
    .select({ payment: payments, number: invoices.number })
    .from(payments)
    .innerJoin(invoices, and(eq(invoices.workspaceId, payments.workspaceId), eq(invoices.id, payments.invoiceId)))
    .where(and(eq(payments.workspaceId, workspaceId), eq(invoices.clientId, clientId)))
    .orderBy(desc(payments.paidOn), desc(payments.createdAt))
    .limit(limit);
  for (const { payment, number } of paymentRows) {
    entries.push({
      at: dayStart(payment.paidOn),
      type: 'payment',
      title: `Payment of ${formatMinor(payment.amountMinor, payment.currency)} for invoice ${number}`,
      detail: `recorded from ${payment.source}`,
      ref: payment.id,
    });
  }

  const askRows = await db
    .select()
    .from(asks)
    .where(and(eq(asks.workspaceId, workspaceId), eq(asks.clientId, clientId)))
    .orderBy(desc(asks.askedAt))
    .limit(limit);
  for (const ask of askRows) {
    entries.push({ at: ask.askedAt, type: 'ask', title: 'Asked the client', detail: ask.sentence, ref: ask.id });
    if (ask.answeredAt) entries.push({ at: ask.answeredAt, type: 'ask', title: 'The client answered', detail: ask.sentence, ref: ask.id });
  }

  return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
