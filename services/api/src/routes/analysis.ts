import { schema, setAskOverride } from '@firmly/db';
import { enqueue } from '@firmly/queue';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { HttpProblem, NotFound } from '../errors';
import type { MailboxConnectionDeps } from '../mailbox-connection';
import { principalOf } from '../plugins/auth';

type AnalysisDeps = Pick<MailboxConnectionDeps, 'db' | 'queues' | 'clock'>;

const uuidParam = { type: 'string', format: 'uuid' } as const;

/**
 * What analysis concluded, and the operator's word on it, under /v1: mark or unmark a
 * message as an ask (the mark wins over detection and survives re-analysis), read a
 * client's health summary and its incidents.
 */
export async function analysisRoutes(app: FastifyInstance, deps: AnalysisDeps) {
  app.put<{ Params: { messageId: string }; Body: { isAsk: boolean | null } }>(
    '/messages/:messageId/ask',
    {
      schema: {
        params: { type: 'object', properties: { messageId: uuidParam }, required: ['messageId'] },
        body: {
          type: 'object',
          properties: { isAsk: { type: ['boolean', 'null'], description: 'true: an ask; false: not an ask; null: let detection decide' } },
          required: ['isAsk'],
          additionalProperties: false,
        },
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

  app.get<{ Params: { clientId: string } }>(
    '/clients/:clientId/health',
    { schema: { params: { type: 'object', properties: { clientId: uuidParam }, required: ['clientId'] } } },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const [row] = await deps.db
        .select()
        .from(schema.clientHealth)
        .where(and(eq(schema.clientHealth.workspaceId, workspaceId), eq(schema.clientHealth.clientId, request.params.clientId)));
      if (!row) throw new NotFound('no health summary for this client yet (unknown client, or not analysed yet)');
      const { id: _id, workspaceId: _ws, ...summary } = row;
      return summary;
    },
  );

  app.get<{ Params: { clientId: string } }>(
    '/clients/:clientId/incidents',
    { schema: { params: { type: 'object', properties: { clientId: uuidParam }, required: ['clientId'] } } },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const rows = await deps.db
        .select()
        .from(schema.incidents)
        .where(and(eq(schema.incidents.workspaceId, workspaceId), eq(schema.incidents.clientId, request.params.clientId)))
        .orderBy(desc(schema.incidents.occurredAt));
      return { incidents: rows.map(({ workspaceId: _ws, ...incident }) => incident) };
    },
  );
}
