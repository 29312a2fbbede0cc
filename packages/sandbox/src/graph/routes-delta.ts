import type { Message } from '@microsoft/microsoft-graph-types';
import type { FastifyInstance } from 'fastify';
import { deltaPage, deltaToken, type ReceivedSince, resolveRound, skipToken } from './delta';
import { GraphHttpError } from './errors';
import { parseSelect, renderMessage } from './message-json';
import { mailboxOf } from './pipeline';
import { resolveFolderOrThrow } from './routes-read';
import type { GraphSandboxState } from './state';

/** A delta entry: a message, or `{ id, '@removed': { reason: 'deleted' } }` for one that left the folder. */
type DeltaItem = Message & { '@odata.type'?: string; '@removed'?: { reason: 'deleted' | 'changed' } };

interface Preferences {
  maxPageSize?: number;
  immutableId: boolean;
}

/** `Prefer: odata.maxpagesize=50, IdType="ImmutableId"` (one header or several). */
function parsePrefer(header: string | string[] | undefined): Preferences {
  const parts = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((part) => part.trim());
  const preferences: Preferences = { immutableId: false };
  for (const part of parts) {
    const size = /^odata\.maxpagesize\s*=\s*(\d+)$/i.exec(part);
    if (size) preferences.maxPageSize = Number(size[1]);
    if (/^IdType\s*=\s*"?ImmutableId"?$/i.test(part)) preferences.immutableId = true;
  }
  return preferences;
}

/**
 * Message delta accepts only `receivedDateTime ge|gt <date>` (firmly bounds back-fills and
 * re-lists with it); anything else is refused like Graph refuses it.
 */
function parseDeltaFilter(filter: string | undefined): ReceivedSince | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const match = /^\s*receivedDateTime\s+(ge|gt)\s+(\d{4}-\d{2}-\d{2}T[^\s]+)\s*$/i.exec(filter);
  const ms = match ? Date.parse(match[2] ?? '') : Number.NaN;
  if (!match || Number.isNaN(ms)) {
    throw new GraphHttpError(400, 'ErrorInvalidUrlQueryFilter', 'Delta supports only $filter=receivedDateTime ge|gt <DateTimeOffset>.');
  }
  return { ms, inclusive: (match[1] ?? '').toLowerCase() === 'ge' };
}

/**
 * `GET /me/mailFolders/{folder}/messages/delta`: pages linked by `@odata.nextLink`
 * (`$skiptoken`), the last one carrying `@odata.deltaLink` (`$deltatoken`). Following
 * the delta link yields the changes since, removals as `@removed`. `$select` is honoured
 * and kept for the whole sync, as Graph keeps it in the state token; so is the
 * `$filter=receivedDateTime ge …` bound. Page size comes from
 * `Prefer: odata.maxpagesize` on each request (1..1000), else the sandbox default.
 */
export function registerDeltaRoutes(scope: FastifyInstance, state: GraphSandboxState): void {
  scope.get<{ Params: { folder: string }; Querystring: Record<string, string | undefined> }>(
    '/me/mailFolders/:folder/messages/delta',
    async (request, reply) => {
      const mailbox = mailboxOf(request);
      const folder = resolveFolderOrThrow(mailbox, request.params.folder);
      const preferences = parsePrefer(request.headers.prefer);
      const now = state.now().getTime();
      const select = parseSelect(request.query.$select);
      const receivedSince = parseDeltaFilter(request.query.$filter);
      const round = resolveRound(
        mailbox,
        folder,
        {
          skipToken: request.query.$skiptoken,
          deltaToken: request.query.$deltatoken,
          select: select ? [...select] : undefined,
          receivedSince,
        },
        { nowMs: now, lifetimeMs: state.options.deltaTokenLifetimeMs },
      );
      const size = Math.min(1000, Math.max(1, preferences.maxPageSize ?? state.options.deltaPageSize));
      const page = deltaPage(mailbox, round, size);
      const roundSelect = round.select ? new Set(round.select) : undefined;
      const value: DeltaItem[] = page.entries.map((entry) =>
        entry.kind === 'removed'
          ? { '@odata.type': '#microsoft.graph.message', id: entry.id, '@removed': { reason: 'deleted' } }
          : { '@odata.type': '#microsoft.graph.message', ...renderMessage(mailbox, entry.message, roundSelect) },
      );
      // Graph's links name the folder by id, not by the well-known name the client used.
      const base = `${state.baseUrl}/v1.0/me/mailFolders('${mailbox.folderId(folder)}')/messages/delta`;
      const body: { '@odata.context': string; value: DeltaItem[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string } = {
        '@odata.context': `${state.baseUrl}/v1.0/$metadata#Collection(message)`,
        value,
      };
      if (page.nextCursor !== undefined) body['@odata.nextLink'] = `${base}?$skiptoken=${skipToken(mailbox, round, page.nextCursor, now)}`;
      else body['@odata.deltaLink'] = `${base}?$deltatoken=${deltaToken(mailbox, round, now)}`;
      const applied = [
        ...(preferences.maxPageSize !== undefined ? [`odata.maxpagesize=${size}`] : []),
        // Ids never change in the sandbox, so the preference is always honoured.
        ...(preferences.immutableId ? ['IdType="ImmutableId"'] : []),
      ];
      if (applied.length > 0) reply.header('Preference-Applied', applied.join(', '));
      return body;
    },
  );
}
