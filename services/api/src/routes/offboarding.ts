import { defaultEscalationSettings, terminationPlan } from '@firmly/core';
import {
  cancelOffboarding,
  completeOffboarding,
  type Database,
  latestOffboarding,
  loadEscalationState,
  type OffboardingProblem,
  type OffboardingRow,
  schema,
  startOffboarding,
} from '@firmly/db';
import { enqueue } from '@firmly/queue';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../api-deps';
import { BadRequest, Conflict, NotFound } from '../errors';
import { CalendarDay, commonErrors, Instant, isoOrNull, Problem, Uuid, z } from '../http/schemas';
import { actorOf, principalOf } from '../plugins/auth';

const TAGS = ['offboarding'];
const ClientParams = z.object({ clientId: Uuid });
const withConflict = { ...commonErrors, 409: Problem } as const;

const StartBody = z.strictObject({
  incidentIds: z
    .array(Uuid)
    .min(1)
    .max(50)
    .describe('the documented incidents the letter states as the reason (GET /v1/clients/{clientId}/incidents)'),
  endsOn: CalendarDay.describe('the last working day for the client, as the letter states it'),
});

const Letter = z
  .object({ emailId: Uuid, state: z.string().describe('the outgoing email’s review state') })
  .nullable()
  .describe('null until the worker has drafted it');

const Offboarding = z
  .object({
    id: Uuid,
    clientId: Uuid,
    state: z.enum(schema.offboardingStates),
    reasons: z.array(z.object({ incidentId: Uuid, kind: z.string(), summary: z.string(), occurredAt: Instant })),
    endsOn: CalendarDay,
    startedAt: Instant,
    completedAt: Instant.nullable(),
    cancelledAt: Instant.nullable(),
    letters: z.object({ termination: Letter, closingReport: Letter }),
    handover: z
      .object({
        status: z.enum(['ready', 'held_until_paid']).describe('held while any invoice is overdue (PRODUCT §2.4); released once paid'),
        reason: z.string().nullable(),
        overdueInvoices: z.array(
          z.object({ number: z.string(), dueOn: CalendarDay, outstandingMinor: z.number().int(), currency: z.string() }),
        ),
        accounts: z.array(
          z.object({
            id: Uuid,
            platform: z.enum(schema.managedAccountPlatforms),
            handle: z.string(),
            owner: z.enum(schema.accountOwners),
            handover: z.enum(schema.handoverSteps),
            held: z.boolean().describe('its handover waits for the overdue invoices'),
          }),
        ),
      })
      .describe('the access-handover checklist: the client’s ownership first, the operator’s own access removed last'),
  })
  .meta({ id: 'Offboarding' });

type OffboardingOut = z.infer<typeof Offboarding>;

function problemOf(result: OffboardingProblem): Error {
  switch (result.problem) {
    case 'not_found':
      return new NotFound(result.detail);
    case 'invalid':
      return new BadRequest(result.detail, [{ name: result.field, reason: result.detail }]);
    case 'conflict':
      return new Conflict(result.detail);
  }
}

async function offboardingOut(db: Database, row: OffboardingRow, now: Date): Promise<OffboardingOut> {
  const { workspaceId, clientId } = row;
  const letterIds = [row.terminationEmailId, row.closingReportEmailId].filter((id): id is string => id !== null);
  const emails =
    letterIds.length === 0
      ? []
      : await db
          .select({ id: schema.outgoingEmails.id, state: schema.outgoingEmails.state })
          .from(schema.outgoingEmails)
          .where(and(eq(schema.outgoingEmails.workspaceId, workspaceId), inArray(schema.outgoingEmails.id, letterIds)));
  const stateOf = new Map(emails.map((email) => [email.id, email.state]));
  const letter = (id: string | null) => (id ? { emailId: id, state: stateOf.get(id) ?? 'unknown' } : null);
  const accounts = await db
    .select()
    .from(schema.managedAccounts)
    .where(and(eq(schema.managedAccounts.workspaceId, workspaceId), eq(schema.managedAccounts.clientId, clientId)))
    .orderBy(schema.managedAccounts.platform, schema.managedAccounts.handle);
  // The hold is worked out from the invoices now, the same rule the letter was written with.
  const state = await loadEscalationState(db, workspaceId, clientId, now);
  const plan = state
    ? terminationPlan(
        { ...state.input, incidents: [], managedAccounts: [] },
        state.settings.ok ? state.settings.settings : defaultEscalationSettings,
      )
    : undefined;
  const held = plan?.handover.status === 'held_back';
  return {
    id: row.id,
    clientId,
    state: row.state,
    reasons: row.reasons,
    endsOn: row.endsOn,
    startedAt: row.createdAt.toISOString(),
    completedAt: isoOrNull(row.completedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    letters: { termination: letter(row.terminationEmailId), closingReport: letter(row.closingReportEmailId) },
    handover: {
      status: held ? 'held_until_paid' : 'ready',
      reason: plan?.handover.reason ?? null,
      overdueInvoices: (plan?.handover.overdueInvoices ?? []).map((invoice) => ({
        number: invoice.number,
        dueOn: invoice.dueOn,
        outstandingMinor: invoice.outstandingMinor,
        currency: invoice.currency,
      })),
      accounts: accounts.map((account) => ({
        id: account.id,
        platform: account.platform,
        handle: account.handle,
        owner: account.owner,
        handover: account.handover,
        held: held && account.handover === 'not_started',
      })),
    },
  };
}

/**
 * Ending a relationship (PRODUCT §4.4), started by the operator: the reasons chosen from the
 * client's incidents, the two letters drafted into the review queue by the worker, the handover
 * checklist (held while invoices are overdue), then completion — the client becomes `former`.
 */
export async function offboardingRoutes(app: FastifyInstance, deps: ApiDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  const draftLetters = (row: OffboardingRow) =>
    enqueue(
      deps.queues,
      'escalate',
      'client.offboard',
      { workspaceId: row.workspaceId, offboardingId: row.id },
      // One job per offboarding and request time: a repeated request while one waits is a no-op;
      // the job itself drafts each letter once.
      { jobId: `offboard-${row.id}-${Math.floor(deps.clock.now().getTime() / 60_000)}` },
    );

  typed.post(
    '/clients/:clientId/offboarding',
    {
      schema: {
        tags: TAGS,
        summary: 'Start ending the relationship: the client becomes `offboarding`, and the letters are drafted for review',
        params: ClientParams,
        body: StartBody,
        response: { 201: Offboarding, ...withConflict },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const now = deps.clock.now();
      const result = await startOffboarding(
        deps.db,
        {
          workspaceId: principal.workspaceId,
          clientId: request.params.clientId,
          operatorId: principal.operatorId,
          incidentIds: request.body.incidentIds,
          endsOn: request.body.endsOn,
          now,
        },
        actorOf(principal),
      );
      if (!result.ok) throw problemOf(result);
      await draftLetters(result.offboarding);
      return reply.code(201).send(await offboardingOut(deps.db, result.offboarding, now));
    },
  );

  typed.get(
    '/clients/:clientId/offboarding',
    {
      schema: {
        tags: TAGS,
        summary: 'The client’s latest offboarding: its letters, and the handover checklist as it stands now',
        params: ClientParams,
        response: { 200: Offboarding, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const row = await latestOffboarding(deps.db, workspaceId, request.params.clientId);
      if (!row) throw new NotFound('this client has no offboarding');
      return offboardingOut(deps.db, row, deps.clock.now());
    },
  );

  typed.post(
    '/clients/:clientId/offboarding/letters',
    {
      schema: {
        tags: TAGS,
        summary: 'Draft the letters not drafted yet (after adding a contact address or a mailbox)',
        params: ClientParams,
        response: { 202: Offboarding, ...withConflict },
      },
    },
    async (request, reply) => {
      const { workspaceId } = principalOf(request);
      const row = await latestOffboarding(deps.db, workspaceId, request.params.clientId);
      if (!row) throw new NotFound('this client has no offboarding');
      if (row.state !== 'in_progress') throw new Conflict(`the offboarding is ${row.state}`);
      await draftLetters(row);
      return reply.code(202).send(await offboardingOut(deps.db, row, deps.clock.now()));
    },
  );

  for (const [action, run, summary] of [
    [
      'complete',
      completeOffboarding,
      'Complete it once both letters are sent: the client becomes `former` (monitoring stops, the record stays)',
    ],
    ['cancel', cancelOffboarding, 'Cancel it: unsent letters are withdrawn and the client is `active` again'],
  ] as const) {
    typed.post(
      `/clients/:clientId/offboarding/${action}`,
      { schema: { tags: TAGS, summary, params: ClientParams, response: { 200: Offboarding, ...withConflict } } },
      async (request) => {
        const principal = principalOf(request);
        const now = deps.clock.now();
        const result = await run(
          deps.db,
          { workspaceId: principal.workspaceId, clientId: request.params.clientId, now },
          actorOf(principal),
        );
        if (!result.ok) throw problemOf(result);
        return offboardingOut(deps.db, result.offboarding, now);
      },
    );
  }
}
