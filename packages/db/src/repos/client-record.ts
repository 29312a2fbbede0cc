import type { AskOutcome, EscalationInvoice } from '@firmly/core';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { asks } from '../schema/asks';
import { invoices } from '../schema/invoices';
import { messages } from '../schema/messages';
import { payments } from '../schema/payments';

/** The client's asks since `since` (open or answered; the operator's dismissed ones left out), as analysis stored them. */
export async function loadClientAsks(db: Executor, workspaceId: string, clientId: string, since: Date): Promise<AskOutcome[]> {
  const rows = await db
    .select()
    .from(asks)
    .where(
      and(
        eq(asks.workspaceId, workspaceId),
        eq(asks.clientId, clientId),
        inArray(asks.status, ['open', 'answered']),
        gte(asks.askedAt, since),
      ),
    );
  return rows.map((a) => ({
    messageId: a.messageId,
    threadId: a.threadId,
    askedAt: a.askedAt,
    source: a.source,
    kind: (a.kind ?? undefined) as AskOutcome['kind'],
    sentence: a.sentence ?? undefined,
    rule: a.rule ?? undefined,
    status: a.status === 'answered' ? 'answered' : 'open',
    answeredByMessageId: a.answeredByMessageId ?? undefined,
    answeredAt: a.answeredAt ?? undefined,
    pausedUntil: a.pausedUntil ?? undefined,
  }));
}

/**
 * Every live invoice of the client with its payments (partial ones add up), the thread it was
 * sent in, and the operator's holds on it (reminders paused, a dispute, a promise to pay).
 */
export async function loadClientInvoices(db: Executor, workspaceId: string, clientId: string): Promise<EscalationInvoice[]> {
  const rows = await db
    .select({ invoice: invoices, payment: payments, threadId: messages.threadId })
    .from(invoices)
    .leftJoin(payments, and(eq(payments.workspaceId, invoices.workspaceId), eq(payments.invoiceId, invoices.id)))
    .leftJoin(messages, and(eq(messages.workspaceId, invoices.workspaceId), eq(messages.id, invoices.sourceMessageId)))
    .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.clientId, clientId), sql`${invoices.voidedAt} IS NULL`));
  const byInvoice = new Map<string, EscalationInvoice & { payments: Array<{ paidOn: string; amountMinor: number }> }>();
  for (const { invoice, payment, threadId } of rows) {
    let fact = byInvoice.get(invoice.id);
    if (!fact) {
      fact = {
        invoiceId: invoice.id,
        number: invoice.number,
        issuedOn: invoice.issuedOn,
        dueOn: invoice.dueOn,
        amountMinor: Number(invoice.amountMinor),
        currency: invoice.currency,
        payments: [],
        threadId: threadId ?? undefined,
        remindersPaused: invoice.remindersPaused || undefined,
        disputed: invoice.disputedAt ? true : undefined,
        promisedPayOn: invoice.promisedPayOn ?? undefined,
      };
      byInvoice.set(invoice.id, fact);
    }
    if (payment) fact.payments.push({ paidOn: payment.paidOn, amountMinor: Number(payment.amountMinor) });
  }
  return [...byInvoice.values()];
}
