import { randomUUID } from 'node:crypto';
import { dueDate } from '@firmly/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { appendAuditEvent } from '../../audit';
import type { Database, Executor } from '../../client';
import { clients } from '../../schema/clients';
import { contracts } from '../../schema/contracts';
import { invoices } from '../../schema/invoices';
import { payments } from '../../schema/payments';
import { clearInvoiceHold } from '../proposals';
import { actorOf, conflict, invalid, isCalendarDay, notFound, type RecordContext, type RecordProblem } from './common';
import { isKnownCurrency } from './money';

export interface NewInvoice {
  clientId: string;
  number: string;
  amountMinor: bigint;
  currency: string;
  issuedOn: string;
  /** Absent: from the client's contract terms ("net 14", "day 5 of the month"). */
  dueOn?: string | undefined;
}

export type InvoiceWrite = { ok: true; invoiceId: string; clientId: string } | RecordProblem;

/** The client's current contract: the one that started last. */
export async function currentContract(db: Executor, workspaceId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.clientId, clientId)))
    .orderBy(desc(contracts.startsOn), desc(contracts.createdAt))
    .limit(1);
  return row;
}

/** An invoice entered by the operator (source `api`), audited; its number is unique in the workspace. */
export async function createInvoice(db: Database, workspaceId: string, input: NewInvoice, context: RecordContext): Promise<InvoiceWrite> {
  if (!isKnownCurrency(input.currency)) return invalid(`${input.currency} is not an ISO 4217 currency`, 'amount.currency');
  if (input.amountMinor <= 0n) return invalid('the amount must be more than zero', 'amount.minor');
  if (!isCalendarDay(input.issuedOn)) return invalid('expected a calendar day YYYY-MM-DD', 'issuedOn');
  return db.transaction(async (tx): Promise<InvoiceWrite> => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, input.clientId)));
    if (!client) return notFound('no such client in this workspace');
    const contract = await currentContract(tx, workspaceId, input.clientId);
    let dueOn = input.dueOn;
    if (dueOn === undefined) {
      if (!contract) return invalid('the client has no contract to derive the due day from: give dueOn', 'dueOn');
      dueOn =
        contract.dueRuleKind === 'net_days'
          ? dueDate({ kind: 'net_days', days: contract.dueRuleValue }, input.issuedOn)
          : dueDate({ kind: 'day_of_month', day: contract.dueRuleValue }, input.issuedOn);
    }
    if (!isCalendarDay(dueOn)) return invalid('expected a calendar day YYYY-MM-DD', 'dueOn');
    if (dueOn < input.issuedOn) return invalid('an invoice cannot fall due before it is issued', 'dueOn');
    const [row] = await tx
      .insert(invoices)
      .values({
        workspaceId,
        clientId: input.clientId,
        contractId: contract?.id ?? null,
        number: input.number,
        amountMinor: input.amountMinor,
        currency: input.currency,
        issuedOn: input.issuedOn,
        dueOn,
        source: 'api',
      })
      .onConflictDoNothing()
      .returning({ id: invoices.id });
    if (!row) return conflict(`invoice ${input.number} is already recorded in this workspace`, 'number');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'invoice.created',
      subjectType: 'invoice',
      subjectId: row.id,
      data: {
        clientId: input.clientId,
        number: input.number,
        amountMinor: input.amountMinor.toString(),
        currency: input.currency,
        dueOn,
        source: 'api',
      },
      occurredAt: context.now,
    });
    return { ok: true, invoiceId: row.id, clientId: input.clientId };
  });
}

export interface NewPayment {
  invoiceId: string;
  amountMinor: bigint;
  /** Must be the invoice's; absent means the invoice's. */
  currency?: string | undefined;
  paidOn: string;
  /** The caller's idempotency key (a bank transaction id): the same reference records the payment once. */
  reference?: string | undefined;
}

export type PaymentRow = typeof payments.$inferSelect;

export type PaymentWrite = { ok: true; payment: PaymentRow; clientId: string; created: boolean } | RecordProblem;

/**
 * A payment towards an invoice (partial ones add up), audited. Sent again with the same
 * reference it answers the payment already recorded, so a retried request cannot pay twice;
 * the same reference for a different payment is a conflict.
 */
export async function recordPayment(db: Database, workspaceId: string, input: NewPayment, context: RecordContext): Promise<PaymentWrite> {
  if (input.amountMinor <= 0n) return invalid('the amount must be more than zero', 'amount.minor');
  if (!isCalendarDay(input.paidOn)) return invalid('expected a calendar day YYYY-MM-DD', 'paidOn');
  const reference = input.reference ?? `api:${randomUUID()}`;
  return db.transaction(async (tx): Promise<PaymentWrite> => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, input.invoiceId), isNull(invoices.voidedAt)))
      .for('update');
    if (!invoice) return notFound('no such invoice in this workspace');
    const currency = input.currency ?? invoice.currency;
    if (currency !== invoice.currency) return invalid(`the invoice is in ${invoice.currency}`, 'amount.currency');
    const [created] = await tx
      .insert(payments)
      .values({
        workspaceId,
        invoiceId: invoice.id,
        amountMinor: input.amountMinor,
        currency,
        paidOn: input.paidOn,
        reference,
        source: 'api',
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.workspaceId, workspaceId), eq(payments.reference, reference)));
      const same =
        existing && existing.invoiceId === invoice.id && existing.amountMinor === input.amountMinor && existing.paidOn === input.paidOn;
      if (!existing || !same) return conflict(`reference ${reference} already records a different payment`, 'reference');
      return { ok: true, payment: existing, clientId: invoice.clientId, created: false };
    }
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'payment.recorded',
      subjectType: 'payment',
      subjectId: created.id,
      data: {
        invoiceId: invoice.id,
        clientId: invoice.clientId,
        amountMinor: input.amountMinor.toString(),
        currency,
        paidOn: input.paidOn,
        reference,
      },
      occurredAt: context.now,
    });
    return { ok: true, payment: created, clientId: invoice.clientId, created: true };
  });
}

export type HoldWrite = { ok: true; clientId: string } | RecordProblem;

/** The operator records that the client disputes the invoice (no reminders while it stands), or settles it. */
export async function setInvoiceDispute(
  db: Database,
  workspaceId: string,
  invoiceId: string,
  disputed: boolean,
  context: RecordContext,
): Promise<HoldWrite> {
  if (!disputed) return fromDecision(await clearInvoiceHold(db, workspaceId, invoiceId, 'dispute', context));
  return db.transaction(async (tx): Promise<HoldWrite> => {
    const [invoice] = await tx
      .select({ clientId: invoices.clientId, disputedAt: invoices.disputedAt })
      .from(invoices)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
      .for('update');
    if (!invoice) return notFound('no such invoice in this workspace');
    // Disputed already: the first day it was disputed stays, and nothing new is recorded.
    if (invoice.disputedAt) return { ok: true, clientId: invoice.clientId };
    await tx.update(invoices).set({ disputedAt: context.now }).where(eq(invoices.id, invoiceId));
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'invoice.disputed',
      subjectType: 'invoice',
      subjectId: invoiceId,
      data: { clientId: invoice.clientId },
      occurredAt: context.now,
    });
    return { ok: true, clientId: invoice.clientId };
  });
}

/** A promise to pay by `payOn` (the ladder waits until the day after), or null to lift it. */
export async function setInvoicePromise(
  db: Database,
  workspaceId: string,
  invoiceId: string,
  payOn: string | null,
  context: RecordContext,
): Promise<HoldWrite> {
  if (payOn === null) return fromDecision(await clearInvoiceHold(db, workspaceId, invoiceId, 'promise', context));
  if (!isCalendarDay(payOn)) return invalid('expected a calendar day YYYY-MM-DD', 'payOn');
  return db.transaction(async (tx): Promise<HoldWrite> => {
    const [row] = await tx
      .update(invoices)
      .set({ promisedPayOn: payOn })
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
      .returning({ clientId: invoices.clientId });
    if (!row) return notFound('no such invoice in this workspace');
    await appendAuditEvent(tx, {
      workspaceId,
      actor: actorOf(context),
      action: 'invoice.promise_recorded',
      subjectType: 'invoice',
      subjectId: invoiceId,
      data: { clientId: row.clientId, payOn },
      occurredAt: context.now,
    });
    return { ok: true, clientId: row.clientId };
  });
}

function fromDecision(
  result: { ok: true; clientId: string } | { ok: false; problem: RecordProblem['problem']; detail: string },
): HoldWrite {
  return result.ok ? { ok: true, clientId: result.clientId } : { ok: false, problem: result.problem, detail: result.detail };
}
