import type { gmail_v1 } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { invalidArgument, notFound } from './errors';
import { admit, type GuardDeps } from './guard';
import { decodePageToken, encodePageToken, pageSize } from './page-token';
import { historyId, list } from './params';

interface HistoryQuery {
  startHistoryId?: string;
  historyTypes?: string | string[];
  labelId?: string;
  maxResults?: string;
  pageToken?: string;
}

const HISTORY_TYPES = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];

/**
 * GET users/{userId}/history (users.history.list). An expired `startHistoryId` is the
 * 404 that tells the client to do a full sync; the response's `historyId` is always the
 * mailbox's current one, to be stored once the last page is processed.
 */
export function registerHistoryRoute(app: FastifyInstance, deps: GuardDeps): void {
  app.get<{ Querystring: HistoryQuery }>('/gmail/v1/users/:userId/history', async (request) => {
    const { mailbox } = await admit(deps, request, 'users.history.list');
    const start = historyId(request.query.startHistoryId, 'startHistoryId');
    const types = list(request.query.historyTypes);
    const unknownType = types.find((t) => !HISTORY_TYPES.includes(t));
    if (unknownType) throw invalidArgument(`Invalid value for historyTypes: ${unknownType}`);
    const size = pageSize(request.query.maxResults);
    const cursor = decodePageToken(request.query.pageToken, 'history');
    if (mailbox.history.isExpired(start)) throw notFound();

    const labelId = request.query.labelId;
    const records = mailbox.history
      .after(Math.max(start, cursor?.id ?? start))
      // Only messageAdded records exist here, so any other requested type matches nothing.
      .filter((r) => types.length === 0 || types.includes(r.type))
      .filter((r) => !labelId || r.message.labelIds.includes(labelId));
    const page = records.slice(0, size);
    const last = page.at(-1);

    const body: gmail_v1.Schema$ListHistoryResponse = { historyId: String(mailbox.historyId) };
    if (page.length > 0) {
      body.history = page.map((r): gmail_v1.Schema$History => {
        const ref = { id: r.message.id, threadId: r.message.threadId };
        return { id: String(r.id), messages: [ref], messagesAdded: [{ message: { ...ref, labelIds: [...r.message.labelIds] } }] };
      });
    }
    if (last && records.length > size) body.nextPageToken = encodePageToken({ kind: 'history', id: last.id });
    return body;
  });
}
