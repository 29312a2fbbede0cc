import type { MailFolder, Message, User } from '@microsoft/microsoft-graph-types';
import type { FastifyInstance } from 'fastify';
import { notFound } from './errors';
import { matches, parseFilter, parseOrderBy, sortMessages } from './list-query';
import type { FolderName, Mailbox, StoredMessage } from './mailbox';
import { type MessageJson, parseSelect, renderMessage } from './message-json';
import { mailboxOf } from './pipeline';
import type { GraphSandboxState } from './state';

type Query = Record<string, string | undefined>;

export function resolveFolderOrThrow(mailbox: Mailbox, folder: string): FolderName {
  const name = mailbox.resolveFolder(folder);
  if (!name) throw notFound(`The specified folder '${folder}' could not be found in the store.`);
  return name;
}

export function messageOrThrow(mailbox: Mailbox, id: string): StoredMessage {
  const message = mailbox.messages.get(id);
  if (!message) throw notFound();
  return message;
}

/** Graph's `$top` for message lists: default 10, at most 1000. */
function pageSize(top: string | undefined): number {
  const parsed = top === undefined ? 10 : Number.parseInt(top, 10);
  return Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, 1000) : 10;
}

/** Reads: the profile, folders, one message (JSON or MIME) and filtered lists. */
export function registerReadRoutes(scope: FastifyInstance, state: GraphSandboxState): void {
  const context = (fragment: string) => `${state.baseUrl}/v1.0/$metadata#${fragment}`;

  scope.get('/me', async (request) => {
    const { user } = mailboxOf(request);
    const body: User & { '@odata.context': string } = {
      '@odata.context': context('users/$entity'),
      id: user.id,
      displayName: user.displayName,
      mail: user.address,
      userPrincipalName: user.address,
    };
    return body;
  });

  const renderFolder = (mailbox: Mailbox, name: FolderName): MailFolder => {
    const messages = [...mailbox.messages.values()].filter((message) => message.folder === name);
    return {
      id: mailbox.folderId(name),
      displayName: mailbox.folders.get(name)?.displayName ?? name,
      parentFolderId: null,
      childFolderCount: 0,
      totalItemCount: messages.length,
      unreadItemCount: messages.filter((message) => !message.isRead).length,
    };
  };

  scope.get('/me/mailFolders', async (request) => {
    const mailbox = mailboxOf(request);
    const value: MailFolder[] = [...mailbox.folders.keys()].map((name) => renderFolder(mailbox, name));
    return { '@odata.context': context('users/mailFolders'), value };
  });

  scope.get<{ Params: { folder: string } }>('/me/mailFolders/:folder', async (request) => {
    const mailbox = mailboxOf(request);
    return {
      '@odata.context': context('users/mailFolders/$entity'),
      ...renderFolder(mailbox, resolveFolderOrThrow(mailbox, request.params.folder)),
    };
  });

  scope.get<{ Params: { id: string }; Querystring: Query }>('/me/messages/:id', async (request) => {
    const mailbox = mailboxOf(request);
    const body: MessageJson & { '@odata.context': string } = {
      '@odata.context': context('users/messages/$entity'),
      ...renderMessage(mailbox, messageOrThrow(mailbox, request.params.id), parseSelect(request.query.$select)),
    };
    return body;
  });

  // The MIME bytes exactly as delivered or sent; Graph labels them text/plain.
  scope.get<{ Params: { id: string } }>('/me/messages/:id/$value', async (request, reply) => {
    const mailbox = mailboxOf(request);
    return reply.type('text/plain').send(messageOrThrow(mailbox, request.params.id).mime);
  });

  const list = (mailbox: Mailbox, folder: FolderName | undefined, path: string, query: Query) => {
    const clauses = parseFilter(query.$filter);
    const order = parseOrderBy(query.$orderby, clauses);
    const top = pageSize(query.$top);
    const skip = Math.max(0, Number.parseInt(query.$skip ?? '0', 10) || 0);
    const select = parseSelect(query.$select);
    const all = sortMessages(
      [...mailbox.messages.values()].filter((message) => (folder === undefined || message.folder === folder) && matches(message, clauses)),
      order,
    );
    const value: Message[] = all.slice(skip, skip + top).map((message) => renderMessage(mailbox, message, select));
    const body: { '@odata.context': string; value: Message[]; '@odata.nextLink'?: string } = {
      '@odata.context': context('users/messages'),
      value,
    };
    if (skip + top < all.length) {
      // Graph pages message lists with $skip; the other options ride along, URL-encoded.
      const params = Object.entries({ ...query, $top: String(top), $skip: String(skip + top) })
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
      body['@odata.nextLink'] = `${state.baseUrl}/v1.0/${path}?${params.join('&')}`;
    }
    return body;
  };

  scope.get<{ Querystring: Query }>('/me/messages', async (request) => list(mailboxOf(request), undefined, 'me/messages', request.query));

  scope.get<{ Params: { folder: string }; Querystring: Query }>('/me/mailFolders/:folder/messages', async (request) => {
    const mailbox = mailboxOf(request);
    const folder = resolveFolderOrThrow(mailbox, request.params.folder);
    return list(mailbox, folder, `me/mailFolders/${encodeURIComponent(request.params.folder)}/messages`, request.query);
  });
}
