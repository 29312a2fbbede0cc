import { schema, setAskOverride } from '@firmly/db';
import { enqueue } from '@firmly/queue';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HttpProblem, NotFound } from '../errors';
import { commonErrors, Instant, Problem, Uuid, z } from '../http/schemas';
import type { MailboxConnectionDeps } from '../mailbox-connection';
import { principalOf } from '../plugins/auth';

type AnalysisDeps = Pick<MailboxConnectionDeps, 'db' | 'queues' | 'clock'>;

const Json = z.record(z.string(), z.unknown());

const HealthSummary = z
  .object({
    clientId: Uuid,
    computedAt: Instant,
    controlScore: z.number().int(),
    openAsks: z.number().int(),
    responsiveness: Json.describe('median and p90 answer time, SLA share, open asks, trend (see docs/analysis.md)'),
    control: Json.describe('the control score, its components and evidence'),
    payments: Json.describe('days late, drift, overdue amount, rating and its reasons'),
  })
  .meta({ id: 'HealthSummary' });

const Incident = z
  .object({
    id: Uuid,
    clientId: Uuid,
    kind: z.string(),
    occurredAt: Instant,
    summary: z.string(),
    evidence: z.object({
      messageIds: z.array(z.string()).optional(),
      quotes: z.array(z.string()).optional(),
      invoiceIds: z.array(z.string()).optional(),
      note: z.string().optional(),
    }),
    createdAt: Instant,
  })
  .meta({ id: 'Incident' });

/**
 * What analysis concluded, and the operator's word on it, under /v1: mark or unmark a
 * message as an ask (the mark wins over detection and survives re-analysis), read a
 * client's health summary and its incidents.
 */
export async function analysisRoutes(app: FastifyInstance, deps: AnalysisDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.put(
    '/messages/:messageId/ask',
    {
      config: { scope: 'review' },
      schema: {
        tags: ['asks'],
        summary: 'Mark a message we sent as an ask, or not; null hands it back to detection',
        params: z.object({ messageId: Uuid }),
        body: z.strictObject({ isAsk: z.boolean().nullable().describe('true: an ask; false: not an ask; null: let detection decide') }),
        response: { 200: z.object({ messageId: Uuid, threadId: Uuid, isAsk: z.boolean().nullable() }), 422: Problem, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId, operatorId } = principalOf(request);
      const { messageId } = request.params;
      const { isAsk } = request.body;
      const saved = await deps.db.transaction((tx) =>
        setAskOverride(tx, workspaceId, messageId, isAsk, deps.clock.now(), `operator:${operatorId}`),
      );
      if (saved.outcome === 'not_found') throw new NotFound('no message with this id in a client thread of this workspace');
      if (saved.outcome === 'not_outbound')
        throw new HttpProblem(422, 'Unprocessable Content', 'only messages we sent can be asks', {
          invalidParams: [{ name: 'params.messageId', reason: 'the message is inbound' }],
        });
      // A job id of its own (not a collapsed one): the operator's mark must be analysed now.
      await enqueue(
        deps.queues,
        'analyze',
        'thread.analyze',
        { workspaceId, threadId: saved.threadId },
        { jobId: `analyze-${saved.threadId}-mark-${Date.now()}` },
      );
      return { messageId, threadId: saved.threadId, isAsk };
    },
  );

  typed.get(
    '/clients/:clientId/health',
    {
      schema: {
        tags: ['clients'],
        summary: "A client's health summary with its evidence",
        params: z.object({ clientId: Uuid }),
        response: { 200: HealthSummary, ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const [row] = await deps.db
        .select()
        .from(schema.clientHealth)
        .where(and(eq(schema.clientHealth.workspaceId, workspaceId), eq(schema.clientHealth.clientId, request.params.clientId)));
      if (!row) throw new NotFound('no health summary for this client yet (unknown client, or not analysed yet)');
      return {
        clientId: row.clientId,
        computedAt: row.computedAt.toISOString(),
        controlScore: row.controlScore,
        openAsks: row.openAsks,
        responsiveness: row.responsiveness,
        control: row.control,
        payments: row.payments,
      };
    },
  );

  typed.get(
    '/clients/:clientId/incidents',
    {
      schema: {
        tags: ['clients'],
        summary: "A client's incidents, newest first",
        params: z.object({ clientId: Uuid }),
        response: { 200: z.object({ incidents: z.array(Incident) }), ...commonErrors },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const [client] = await deps.db
        .select({ id: schema.clients.id })
        .from(schema.clients)
        .where(and(eq(schema.clients.workspaceId, workspaceId), eq(schema.clients.id, request.params.clientId)));
      if (!client) throw new NotFound('no client with this id in this workspace');
      const rows = await deps.db
        .select()
        .from(schema.incidents)
        .where(and(eq(schema.incidents.workspaceId, workspaceId), eq(schema.incidents.clientId, request.params.clientId)))
        .orderBy(desc(schema.incidents.occurredAt));
      return {
        incidents: rows.map((incident) => ({
          id: incident.id,
          clientId: incident.clientId,
          kind: incident.kind,
          occurredAt: incident.occurredAt.toISOString(),
          summary: incident.summary,
          evidence: incident.evidence,
          createdAt: incident.createdAt.toISOString(),
        })),
      };
    },
  );
}
