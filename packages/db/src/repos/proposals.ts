import { and, eq, sql } from 'drizzle-orm';
import { appendAuditEvent } from '../audit';
import type { Database, Executor } from '../client';
import { clients } from '../schema/clients';
import { invoices } from '../schema/invoices';
import { mailProposals } from '../schema/mail-proposals';
import { messages } from '../schema/messages';
import { payments } from '../schema/payments';

export interface DecisionContext {
  now: Date;
  operatorId: string;
}

/** What the operator may add or correct when confirming (the mail rarely states everything). */
export interface ConfirmDetails {
  invoiceId?: string;
  amountMinor?: number;
  currency?: string;
  /** YYYY-MM-DD: the day paid (payment), the promised day (promise), the due day (invoice). */
  date?: string;
  invoiceNumber?: string;
}

export type DecisionResult =
  | { ok: true; clientId: string; changed: boolean }
  | { ok: false; problem: 'not_found' | 'conflict' | 'invalid'; detail: string; field?: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ProposalDetails {
  invoiceNumber?: string;
  amountMinor?: number;
  currency?: string;
  promisedDate?: string;
  dueDate?: string;
}

/**
 * The operator's word on something the mailbox suggested (PRODUCT §3: proposed, never
 * auto-applied). Confirming applies it to the record — a payment, a promise to pay by a day,
 * a dispute, an invoice we sent — with the proposal as its source; rejecting only records the
 * decision. One transaction with its audit event; deciding twice is a conflict, so a proposal
 * is applied at most once. The caller asks for the client's ladders to be evaluated again.
 */
export async function decideProposal(
  db: Database,
  workspaceId: string,
  proposalId: string,
  decision: 'confirm' | 'reject',
  context: DecisionContext,
  details: ConfirmDetails = {},
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select()
      .from(mailProposals)
      .where(and(eq(mailProposals.workspaceId, workspaceId), eq(mailProposals.id, proposalId)))
      .for('update');
    if (!proposal) return { ok: false, problem: 'not_found', detail: 'no such proposal in this workspace' };
    if (proposal.status !== 'proposed') return { ok: false, problem: 'conflict', detail: `the proposal was already ${proposal.status}` };
    if (decision === 'confirm') {
      const applied = await apply(tx, workspaceId, proposal, { ...(proposal.details as ProposalDetails) }, details, context);
      if (!applied.ok) return applied;
    }
    await tx
      .update(mailProposals)
      .set({ status: decision === 'confirm' ? 'confirmed' : 'rejected', decidedAt: context.now })
      .where(eq(mailProposals.id, proposal.id));
    await appendAuditEvent(tx, {
      workspaceId,
      actor: `operator:${context.operatorId}`,
      action: decision === 'confirm' ? 'proposal.confirmed' : 'proposal.rejected',
      subjectType: 'mail_proposal',
      subjectId: proposal.id,
      data: { kind: proposal.kind, messageId: proposal.messageId, details: { ...details } },
      occurredAt: context.now,
    });
    return { ok: true, clientId: proposal.clientId, changed: true };
  });
}

type Proposal = typeof mailProposals.$inferSelect;

async function findInvoice(tx: Executor, workspaceId: string, clientId: string, id: string | undefined, number: string | undefined) {
  if (!id && !number) return undefined;
  const [row] = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.clientId, clientId),
        id ? eq(invoices.id, id) : eq(invoices.number, number ?? ''),
        sql`${invoices.voidedAt} IS NULL`,
      ),
    )
    .for('update');
  return row;
}

async function apply(
  tx: Executor,
  workspaceId: string,
  proposal: Proposal,
  suggested: ProposalDetails,
  given: ConfirmDetails,
  context: DecisionContext,
): Promise<{ ok: true } | Extract<DecisionResult, { ok: false }>> {
  if (given.date !== undefined && !ISO_DATE.test(given.date))
    return { ok: false, problem: 'invalid', detail: 'expected YYYY-MM-DD', field: 'date' };
  if (proposal.kind === 'invoice') {
    const number = given.invoiceNumber ?? suggested.invoiceNumber;
    const amountMinor = given.amountMinor ?? suggested.amountMinor;
    const currency = given.currency ?? suggested.currency;
    const dueOn = given.date ?? suggested.dueDate;
    if (!number) return { ok: false, problem: 'invalid', detail: 'the invoice number is needed', field: 'invoiceNumber' };
    if (!amountMinor || amountMinor <= 0)
      return { ok: false, problem: 'invalid', detail: 'a positive amount is needed', field: 'amountMinor' };
    if (!currency || !/^[A-Z]{3}$/.test(currency))
      return { ok: false, problem: 'invalid', detail: 'an ISO 4217 currency is needed', field: 'currency' };
    if (!dueOn) return { ok: false, problem: 'invalid', detail: 'the due date is needed', field: 'date' };
    const [message] = await tx.select({ sentAt: messages.sentAt }).from(messages).where(eq(messages.id, proposal.messageId));
    const issuedOn = (message?.sentAt ?? context.now).toISOString().slice(0, 10);
    if (dueOn < issuedOn) return { ok: false, problem: 'invalid', detail: 'the due date is before the invoice was sent', field: 'date' };
    const inserted = await tx
      .insert(invoices)
      .values({
        workspaceId,
        clientId: proposal.clientId,
        number,
        amountMinor: BigInt(amountMinor),
        currency,
        issuedOn,
        dueOn,
        source: 'mailbox',
        sourceMessageId: proposal.messageId,
      })
      .onConflictDoNothing()
      .returning({ id: invoices.id });
    return inserted.length > 0 ? { ok: true } : { ok: false, problem: 'conflict', detail: `invoice ${number} is already recorded` };
  }
  const invoice = await findInvoice(tx, workspaceId, proposal.clientId, given.invoiceId, given.invoiceNumber ?? suggested.invoiceNumber);
  if (!invoice)
    return { ok: false, problem: 'invalid', detail: "which of the client's invoices this is about is needed", field: 'invoiceId' };
  if (proposal.kind === 'payment') {
    const amountMinor = given.amountMinor ?? suggested.amountMinor ?? Number(invoice.amountMinor);
    const currency = given.currency ?? suggested.currency ?? invoice.currency;
    if (currency !== invoice.currency)
      return { ok: false, problem: 'invalid', detail: `the invoice is in ${invoice.currency}`, field: 'currency' };
    if (!(amountMinor > 0)) return { ok: false, problem: 'invalid', detail: 'a positive amount is needed', field: 'amountMinor' };
    const [message] = await tx.select({ sentAt: messages.sentAt }).from(messages).where(eq(messages.id, proposal.messageId));
    const paidOn = given.date ?? (message?.sentAt ?? context.now).toISOString().slice(0, 10);
    await tx.insert(payments).values({
      workspaceId,
      invoiceId: invoice.id,
      amountMinor: BigInt(amountMinor),
      currency,
      paidOn,
      reference: `proposal:${proposal.id}`,
      source: 'mailbox',
      confirmedAt: context.now,
    });
    return { ok: true };
  }
  if (proposal.kind === 'promise') {
    const promisedPayOn = given.date ?? suggested.promisedDate;
    if (!promisedPayOn) return { ok: false, problem: 'invalid', detail: 'the promised day is needed', field: 'date' };
    await tx.update(invoices).set({ promisedPayOn }).where(eq(invoices.id, invoice.id));
    return { ok: true };
  }
  await tx.update(invoices).set({ disputedAt: context.now }).where(eq(invoices.id, invoice.id));
  return { ok: true };
}

/** The operator settles a dispute (the ladder may remind again) or lifts a promise. */
export async function clearInvoiceHold(
  db: Database,
  workspaceId: string,
  invoiceId: string,
  hold: 'dispute' | 'promise',
  context: DecisionContext,
) {
  return setInvoiceFields(
    db,
    workspaceId,
    invoiceId,
    hold === 'dispute' ? { disputedAt: null } : { promisedPayOn: null },
    `invoice.${hold}_cleared`,
    context,
  );
}

/** PRODUCT §4.2 / issue 5: reminders paused per invoice. */
export async function setInvoiceReminderPause(
  db: Database,
  workspaceId: string,
  invoiceId: string,
  paused: boolean,
  context: DecisionContext,
) {
  return setInvoiceFields(
    db,
    workspaceId,
    invoiceId,
    { remindersPaused: paused },
    paused ? 'invoice.reminders_paused' : 'invoice.reminders_resumed',
    context,
  );
}

async function setInvoiceFields(
  db: Database,
  workspaceId: string,
  invoiceId: string,
  set: Partial<typeof invoices.$inferInsert>,
  action: string,
  context: DecisionContext,
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoices)
      .set(set)
      .where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, invoiceId)))
      .returning({ clientId: invoices.clientId });
    if (!row) return { ok: false, problem: 'not_found', detail: 'no such invoice in this workspace' };
    await appendAuditEvent(tx, {
      workspaceId,
      actor: `operator:${context.operatorId}`,
      action,
      subjectType: 'invoice',
      subjectId: invoiceId,
      data: {},
      occurredAt: context.now,
    });
    return { ok: true, clientId: row.clientId, changed: true };
  });
}

/** Reminders paused for the whole client (kept in its settings, outside the playbook numbers). */
export async function setClientReminderPause(
  db: Database,
  workspaceId: string,
  clientId: string,
  paused: boolean,
  context: DecisionContext,
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(clients)
      .set({ settings: sql`${clients.settings} || ${JSON.stringify({ remindersPaused: paused })}::jsonb` })
      .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
      .returning({ id: clients.id });
    if (!row) return { ok: false, problem: 'not_found', detail: 'no such client in this workspace' };
    await appendAuditEvent(tx, {
      workspaceId,
      actor: `operator:${context.operatorId}`,
      action: paused ? 'client.reminders_paused' : 'client.reminders_resumed',
      subjectType: 'client',
      subjectId: clientId,
      data: {},
      occurredAt: context.now,
    });
    return { ok: true, clientId, changed: true };
  });
}
