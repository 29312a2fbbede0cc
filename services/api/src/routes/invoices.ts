import {
  auditLogPage,
  createInvoice,
  decideProposal,
  type InvoiceView,
  importInvoicesCsv,
  isKnownCurrency,
  listEscalations,
  listProposals,
  loadInvoiceView,
  loadProposal,
  type ProposalItem,
  type RecordProblem,
  recordPayment,
  setInvoiceDispute,
  setInvoicePromise,
  setInvoiceReminderPause,
} from '@firmly/db';
import { requestEscalation } from '@firmly/queue';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { BadRequest, HttpProblem, NotFound } from '../errors';
import { CalendarDay, commonErrors, IdParams, Instant, isoOrNull, PageQuery, Problem, pageOf, Uuid, z } from '../http/schemas';
import { principalOf } from '../plugins/auth';

/* ------------------------------------------------------------------ shared with routes/clients.ts */

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR')
  .refine(isKnownCurrency, 'not a current ISO 4217 currency');

/** Money travels as minor units in a string: bigint amounts lose precision as JSON numbers past 2^53. */
export const Money = z
  .object({
    minor: z.string().regex(/^\d+$/).describe('integer count of the currency\'s minor unit (cents, fillér): 1250.50 EUR is "125050"'),
    currency: z.string().describe('ISO 4217'),
  })
  .meta({ id: 'Money' });

/** Minor units in: a digit string, or a JSON integer up to 2^53 − 1. */
export const MinorInput = z
  .union([
    z.string().regex(/^[1-9]\d{0,17}$/, 'expected a positive whole number of minor units'),
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform((value) => BigInt(value));

export const moneyOut = (minor: bigint, currency: string) => ({ minor: minor.toString(), currency });

export const Invoice = z
  .object({
    id: Uuid,
    clientId: Uuid,
    number: z.string(),
    amount: Money,
    issuedOn: CalendarDay,
    dueOn: CalendarDay,
    paidAmount: Money.describe('payments dated up to the client’s today, added up'),
    status: z.enum(['open', 'overdue', 'paid']).describe('overdue: unpaid after its due day (the client’s calendar day)'),
    paidOn: CalendarDay.nullable().describe('the day the payments added up to the amount'),
    daysLate: z
      .number()
      .int()
      .nullable()
      .describe('paid: days after the due day it was paid (0 on time); overdue: days past due today; open: null'),
    remindersPaused: z.boolean(),
    disputedAt: Instant.nullable(),
    promisedPayOn: CalendarDay.nullable(),
    source: z.enum(['api', 'csv', 'mailbox', 'operator']),
  })
  .meta({ id: 'Invoice' });

export function invoiceOut(view: InvoiceView): z.infer<typeof Invoice> {
  return {
    id: view.id,
    clientId: view.clientId,
    number: view.number,
    amount: moneyOut(view.amountMinor, view.currency),
    issuedOn: view.issuedOn,
    dueOn: view.dueOn,
    paidAmount: moneyOut(view.paidMinor, view.currency),
    status: view.status,
    paidOn: view.paidOn,
    daysLate: view.daysLate,
    remindersPaused: view.remindersPaused,
    disputedAt: isoOrNull(view.disputedAt),
    promisedPayOn: view.promisedPayOn,
    source: view.source,
  };
}

/** A repo's refusal as problem+json; `part` is where the named field lives (`body`, `querystring`). */
export function raise(problem: RecordProblem, part: 'body' | 'querystring' | 'params' = 'body'): never {
  const invalidParams = problem.field ? [{ name: `${part}.${problem.field}`, reason: problem.detail }] : [];
  if (problem.problem === 'not_found') throw new NotFound(problem.detail);
  if (problem.problem === 'conflict') {
    throw new HttpProblem(409, 'Conflict', problem.detail, invalidParams.length > 0 ? { invalidParams } : {});
  }
  throw new BadRequest(problem.detail, invalidParams);
}

/* ------------------------------------------------------------------ this file's schemas */

/** A CSV import may hold a few thousand invoices; anything much larger is not an invoice list. */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

const InvoiceCreate = z.strictObject({
  clientId: Uuid,
  number: z.string().trim().min(1).max(100),
  amount: z.strictObject({ minor: MinorInput, currency: CurrencyCode }),
  issuedOn: CalendarDay,
  dueOn: CalendarDay.optional().describe("absent: from the client's contract terms"),
});

const PaymentCreate = z.strictObject({
  invoiceId: Uuid,
  amount: z.strictObject({ minor: MinorInput, currency: CurrencyCode.optional().describe("the invoice's currency; absent means that") }),
  paidOn: CalendarDay,
  reference: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('bank transaction id or your idempotency key: the same reference records the payment once'),
});

const Payment = z
  .object({ id: Uuid, invoiceId: Uuid, amount: Money, paidOn: CalendarDay, reference: z.string(), source: z.string(), createdAt: Instant })
  .meta({ id: 'Payment' });

const ImportReport = z
  .object({
    imported: z.number().int(),
    rejected: z.array(z.object({ row: z.number().int().describe('line of the file (the header is line 1)'), reason: z.string() })),
  })
  .meta({ id: 'InvoiceImportReport' });

const Proposal = z
  .object({
    id: Uuid,
    clientId: Uuid,
    clientName: z.string(),
    messageId: Uuid,
    threadId: Uuid,
    messageSentAt: Instant,
    kind: z.enum(['invoice', 'payment', 'promise', 'dispute']),
    sentence: z.string().nullable(),
    rule: z.string(),
    details: z.record(z.string(), z.unknown()).describe('what the mail said: invoiceNumber, amountMinor, currency, promisedDate, dueDate'),
    status: z.enum(['proposed', 'confirmed', 'rejected']),
    createdAt: Instant,
    decidedAt: Instant.nullable(),
  })
  .meta({ id: 'Proposal' });

const proposalOut = ({ proposal, clientName, threadId, messageSentAt }: ProposalItem): z.infer<typeof Proposal> => ({
  id: proposal.id,
  clientId: proposal.clientId,
  clientName,
  messageId: proposal.messageId,
  threadId,
  messageSentAt: messageSentAt.toISOString(),
  kind: proposal.kind,
  sentence: proposal.sentence,
  rule: proposal.rule,
  details: proposal.details,
  status: proposal.status,
  createdAt: proposal.createdAt.toISOString(),
  decidedAt: isoOrNull(proposal.decidedAt),
});

const ConfirmBody = z
  .strictObject({
    invoiceId: Uuid.optional().describe('which invoice a payment, promise or dispute is about'),
    invoiceNumber: z.string().trim().min(1).max(100).optional(),
    amountMinor: MinorInput.optional(),
    currency: CurrencyCode.optional(),
    date: CalendarDay.optional().describe('the day paid (payment), the promised day (promise), the due day (invoice)'),
  })
  .describe('what the operator adds or corrects; the mail rarely states everything');

const Escalation = z
  .object({
    id: Uuid,
    clientId: Uuid,
    cause: z.enum(['unresponsive', 'late_payment', 'controlling', 'ending']),
    subjectKey: z.string(),
    stage: z.string(),
    status: z.enum(['open', 'resolved', 'cancelled']),
    nextStepAt: Instant.nullable(),
    history: z.array(z.object({ at: z.string(), from: z.string(), to: z.string(), reason: z.string() })),
    closedReason: z.string().nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Escalation' });

const AuditEvent = z
  .object({
    id: Uuid,
    seq: z.number().int(),
    actor: z.string(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    data: z.record(z.string(), z.unknown()),
    occurredAt: Instant,
    hash: z.string().describe('SHA-256 chaining this event to the one before'),
  })
  .meta({ id: 'AuditEvent' });

/**
 * Invoices and payments (entered, imported, held), what the mailbox proposed for the record,
 * the ladder runs, and the audit log, under /v1. Every change is audited by its repo in the
 * same transaction, then the client's ladders are asked to evaluate again (a payment may end
 * a late-payment run, a dispute holds reminders back).
 */
export async function invoiceRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const contextOf = (operatorId: string) => ({ now: deps.clock.now(), operatorId });
  const escalate = (workspaceId: string, clientId: string) => requestEscalation(deps.queues, workspaceId, clientId);

  async function invoiceAnswer(workspaceId: string, invoiceId: string) {
    const view = await loadInvoiceView(deps.db, workspaceId, invoiceId, deps.clock.now());
    if (!view) throw new NotFound('no such invoice in this workspace');
    return invoiceOut(view);
  }

  // Inside this plugin only: the import is the one route that reads CSV.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));

  typed.post(
    '/invoices',
    {
      schema: {
        tags: ['invoices'],
        summary: 'Record an invoice',
        body: InvoiceCreate,
        response: { 201: Invoice, 409: Problem, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { amount, ...rest } = request.body;
      const written = await createInvoice(
        deps.db,
        workspaceId,
        { ...rest, amountMinor: amount.minor, currency: amount.currency },
        contextOf(operatorId),
      );
      if (!written.ok) raise(written);
      await escalate(workspaceId, written.clientId);
      return reply.status(201).send(await invoiceAnswer(workspaceId, written.invoiceId));
    },
  );

  typed.post(
    '/invoices/import',
    {
      bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags: ['invoices'],
        summary: 'Import invoices from CSV',
        description:
          'A `text/csv` body whose header names the columns `client,number,amount,currency,issued_on,due_on` (any order). ' +
          '`client` is the client’s name or id; `amount` a decimal in the currency’s major unit (1250.50), converted exactly to minor units; ' +
          'dates are YYYY-MM-DD. Every row is checked; the valid ones are inserted together in one transaction, and each rejected row is ' +
          'reported with its line. A number already recorded for the client is rejected as a duplicate, so importing a file twice adds nothing.',
        consumes: ['text/csv'],
        body: z.string().max(MAX_CSV_BYTES),
        response: { 200: ImportReport, 413: Problem, 415: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const result = await importInvoicesCsv(deps.db, workspaceId, request.body, contextOf(operatorId));
      // The repo refuses a file only as a whole (no header, an unclosed quote): the body is at fault.
      if (!result.ok) throw new BadRequest(result.detail, [{ name: 'body', reason: result.detail }]);
      for (const clientId of result.clientIds) await escalate(workspaceId, clientId);
      return { imported: result.imported, rejected: result.rejected };
    },
  );

  typed.get(
    '/invoices/:id',
    {
      schema: {
        tags: ['invoices'],
        summary: 'One invoice with its standing',
        params: IdParams,
        response: { 200: Invoice, ...commonErrors },
      },
    },
    async (request) => invoiceAnswer(principalOf(request).workspaceId, request.params.id),
  );

  typed.post(
    '/payments',
    {
      schema: {
        tags: ['invoices'],
        summary: 'Record a payment towards an invoice (partial payments add up)',
        body: PaymentCreate,
        response: {
          201: z.object({ payment: Payment, invoice: Invoice }),
          200: z.object({ payment: Payment, invoice: Invoice }).describe('the same reference was recorded before: that payment'),
          409: Problem,
          ...commonErrors,
        },
      },
    },
    async (request, reply) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { invoiceId, amount, paidOn, reference } = request.body;
      const written = await recordPayment(
        deps.db,
        workspaceId,
        { invoiceId, amountMinor: amount.minor, currency: amount.currency, paidOn, reference },
        contextOf(operatorId),
      );
      if (!written.ok) raise(written);
      if (written.created) await escalate(workspaceId, written.clientId);
      const { payment } = written;
      return reply.status(written.created ? 201 : 200).send({
        payment: {
          id: payment.id,
          invoiceId: payment.invoiceId,
          amount: moneyOut(payment.amountMinor, payment.currency),
          paidOn: payment.paidOn,
          reference: payment.reference,
          source: payment.source,
          createdAt: payment.createdAt.toISOString(),
        },
        invoice: await invoiceAnswer(workspaceId, payment.invoiceId),
      });
    },
  );

  typed.post(
    '/invoices/:id/dispute',
    {
      schema: {
        tags: ['invoices'],
        summary: 'The client disputes the invoice (no reminders while it stands), or the dispute is settled',
        params: IdParams,
        // Fastify hands a POST without a payload to validation as null: no body means "disputed".
        body: z
          .strictObject({ disputed: z.boolean().default(true).describe('false settles the dispute') })
          .nullish()
          .transform((body) => ({ disputed: body?.disputed ?? true })),
        response: { 200: Invoice, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await setInvoiceDispute(deps.db, workspaceId, request.params.id, request.body.disputed, contextOf(operatorId));
      if (!written.ok) raise(written);
      await escalate(workspaceId, written.clientId);
      return invoiceAnswer(workspaceId, request.params.id);
    },
  );

  typed.post(
    '/invoices/:id/promise',
    {
      schema: {
        tags: ['invoices'],
        summary: 'The client promised to pay by a day (reminders wait until the day after); null lifts the promise',
        params: IdParams,
        body: z.strictObject({ payOn: CalendarDay.nullable() }),
        response: { 200: Invoice, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await setInvoicePromise(deps.db, workspaceId, request.params.id, request.body.payOn, contextOf(operatorId));
      if (!written.ok) raise(written);
      await escalate(workspaceId, written.clientId);
      return invoiceAnswer(workspaceId, request.params.id);
    },
  );

  typed.post(
    '/invoices/:id/reminders',
    {
      schema: {
        tags: ['invoices'],
        summary: 'Pause or resume payment reminders for one invoice',
        params: IdParams,
        body: z.strictObject({ paused: z.boolean() }),
        response: { 200: Invoice, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const written = await setInvoiceReminderPause(deps.db, workspaceId, request.params.id, request.body.paused, contextOf(operatorId));
      if (!written.ok) raise({ ok: false, problem: written.problem, detail: written.detail });
      await escalate(workspaceId, written.clientId);
      return invoiceAnswer(workspaceId, request.params.id);
    },
  );

  typed.get(
    '/proposals',
    {
      schema: {
        tags: ['proposals'],
        summary: 'What the mailbox proposed for the record (invoices, payments, promises, disputes), oldest first',
        querystring: PageQuery.extend({
          status: z.enum(['proposed', 'confirmed', 'rejected']).default('proposed'),
          clientId: Uuid.optional(),
        }),
        response: { 200: pageOf(Proposal), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const page = await listProposals(deps.db, workspaceId, request.query);
      if (!page.ok) raise(page, 'querystring');
      return { items: page.items.map(proposalOut), nextCursor: page.nextCursor };
    },
  );

  typed.post(
    '/proposals/:id/confirm',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Confirm a proposal: it is applied to the record (with what the operator adds or corrects)',
        params: IdParams,
        body: ConfirmBody.nullish().transform((body) => body ?? {}),
        response: { 200: z.object({ proposal: Proposal }), 409: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { amountMinor, ...rest } = request.body;
      if (amountMinor !== undefined && amountMinor > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new BadRequest('the amount is too large', [{ name: 'body.amountMinor', reason: 'at most 2^53 − 1 minor units' }]);
      }
      const details = { ...rest, ...(amountMinor !== undefined ? { amountMinor: Number(amountMinor) } : {}) };
      const decided = await decideProposal(deps.db, workspaceId, request.params.id, 'confirm', contextOf(operatorId), details);
      if (!decided.ok) raise(decided);
      await escalate(workspaceId, decided.clientId);
      return { proposal: proposalOut(await mustLoadProposal(workspaceId, request.params.id)) };
    },
  );

  typed.post(
    '/proposals/:id/dismiss',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Dismiss a proposal: recorded as rejected, nothing applied',
        params: IdParams,
        response: { 200: z.object({ proposal: Proposal }), 409: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const decided = await decideProposal(deps.db, workspaceId, request.params.id, 'reject', contextOf(operatorId));
      if (!decided.ok) raise(decided);
      await escalate(workspaceId, decided.clientId);
      return { proposal: proposalOut(await mustLoadProposal(workspaceId, request.params.id)) };
    },
  );

  async function mustLoadProposal(workspaceId: string, proposalId: string) {
    const item = await loadProposal(deps.db, workspaceId, proposalId);
    if (!item) throw new NotFound('no such proposal in this workspace');
    return item;
  }

  typed.get(
    '/escalations',
    {
      schema: {
        tags: ['escalations'],
        summary: 'Ladder runs (PRODUCT §4), newest first',
        querystring: PageQuery.extend({ clientId: Uuid.optional(), status: z.enum(['open', 'resolved', 'cancelled']).optional() }),
        response: { 200: pageOf(Escalation), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const page = await listEscalations(deps.db, workspaceId, request.query);
      if (!page.ok) raise(page, 'querystring');
      return {
        items: page.items.map((e) => ({
          id: e.id,
          clientId: e.clientId,
          cause: e.cause,
          subjectKey: e.subjectKey,
          stage: e.stage,
          status: e.status,
          nextStepAt: isoOrNull(e.nextStepAt),
          history: e.history,
          closedReason: e.closedReason,
          createdAt: e.createdAt.toISOString(),
          updatedAt: e.updatedAt.toISOString(),
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  typed.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The workspace's audit log, newest first",
        querystring: PageQuery.extend({
          subjectType: z.string().min(1).max(64).optional(),
          subjectId: z.string().min(1).max(64).optional(),
        }),
        response: { 200: pageOf(AuditEvent), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const page = await auditLogPage(deps.db, workspaceId, request.query);
      if (!page.ok) raise(page, 'querystring');
      return {
        items: page.items.map((e) => ({
          id: e.id,
          seq: e.seq,
          actor: e.actor,
          action: e.action,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          data: e.data,
          occurredAt: e.occurredAt.toISOString(),
          hash: e.hash,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
