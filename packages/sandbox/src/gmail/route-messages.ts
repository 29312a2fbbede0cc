import type { gmail_v1 } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { invalidArgument, notFound, permissionDenied } from './errors';
import { admit, type GuardDeps } from './guard';
import type { StoredMessage } from './mailbox';
import { decodePageToken, encodePageToken, pageSize } from './page-token';
import { bool, gmailId, list } from './params';
import { type MessageFormat, messageResource } from './payload';
import { matchesQuery, parseQuery } from './query';

interface ListQuery {
  q?: string;
  labelIds?: string | string[];
  maxResults?: string;
  pageToken?: string;
  includeSpamTrash?: string;
}

interface GetQuery {
  format?: string;
  metadataHeaders?: string | string[];
}

const FORMATS: readonly MessageFormat[] = ['minimal', 'full', 'raw', 'metadata'];

/** Newest first, as Gmail lists: by internal date, then id (ids grow with time). */
const newestFirst = (a: StoredMessage, b: StoredMessage) => b.internalDate - a.internalDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** users.messages.list and users.messages.get. */
export function registerMessageRoutes(app: FastifyInstance, deps: GuardDeps): void {
  app.get<{ Querystring: ListQuery }>('/gmail/v1/users/:userId/messages', async (request) => {
    const admitted = await admit(deps, request, 'users.messages.list');
    const { q, maxResults, pageToken, includeSpamTrash } = request.query;
    if (admitted.metadataOnly && q) throw permissionDenied("Metadata scope does not support 'q' parameter");
    const query = parseQuery(q);
    const labelIds = list(request.query.labelIds);
    const withSpamTrash = bool(includeSpamTrash, 'includeSpamTrash') || query.anywhere;
    const size = pageSize(maxResults);
    const cursor = decodePageToken(pageToken, 'messages');

    const matches = admitted.mailbox
      .all()
      .filter(
        (m) =>
          withSpamTrash ||
          query.labels.some((l) => l === 'SPAM' || l === 'TRASH') ||
          !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH'),
      )
      .filter((m) => labelIds.every((l) => m.labelIds.includes(l)) && matchesQuery(m, query))
      .sort(newestFirst);
    const rest = cursor
      ? matches.filter((m) => m.internalDate < cursor.internalDate || (m.internalDate === cursor.internalDate && m.id < cursor.id))
      : matches;
    const page = rest.slice(0, size);
    const last = page.at(-1);

    // Gmail leaves `messages` out of an empty result rather than sending [].
    const body: gmail_v1.Schema$ListMessagesResponse = { resultSizeEstimate: matches.length };
    if (page.length > 0) body.messages = page.map((m) => ({ id: m.id, threadId: m.threadId }));
    if (last && rest.length > size)
      body.nextPageToken = encodePageToken({ kind: 'messages', internalDate: last.internalDate, id: last.id });
    return body;
  });

  app.get<{ Params: { id: string }; Querystring: GetQuery }>('/gmail/v1/users/:userId/messages/:id', async (request) => {
    const admitted = await admit(deps, request, 'users.messages.get');
    const format = (request.query.format ?? 'full').toLowerCase() as MessageFormat;
    if (!FORMATS.includes(format))
      throw invalidArgument(`Invalid value at 'format' (type.googleapis.com/caribou.api.proto.MessageFormat), "${request.query.format}"`);
    if (admitted.metadataOnly && (format === 'full' || format === 'raw'))
      throw permissionDenied(`Metadata scope doesn't allow format ${format.toUpperCase()}`);
    const message = admitted.mailbox.message(gmailId(request.params.id));
    if (!message) throw notFound();
    const body: gmail_v1.Schema$Message = messageResource(message, format, list(request.query.metadataHeaders));
    return body;
  });
}
