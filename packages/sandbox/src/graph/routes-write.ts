import type { Message } from '@microsoft/microsoft-graph-types';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphHttpError } from './errors';
import { type MessageJson, renderMessage } from './message-json';
import { mailboxOf } from './pipeline';
import { messageOrThrow } from './routes-read';
import { createDraftFromMime, createReplyDraft, decodeBase64Mime, sendDraft, sendRawMime } from './sending';
import type { GraphSandboxState } from './state';

/** Graph's MIME endpoints insist on text/plain; JSON bodies are the other (unsupported here) form. */
function requireMimeBody(request: FastifyRequest): Buffer {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('text/plain')) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      'The Graph sandbox accepts only MIME here: send the base64-encoded message with Content-Type: text/plain (JSON messages are not implemented).',
    );
  }
  return decodeBase64Mime(request.body);
}

/**
 * Sending and drafts:
 *   POST /me/sendMail                      text/plain base64 MIME → 202, lands in Sent Items
 *   POST /me/messages                      text/plain base64 MIME → 201 draft
 *   POST /me/messages/{id}/createReply     JSON { comment?, message? } or empty → 201 draft
 *   POST /me/messages/{id}/send            → 202
 */
export function registerWriteRoutes(scope: FastifyInstance, state: GraphSandboxState): void {
  const context = () => `${state.baseUrl}/v1.0/$metadata#users/messages/$entity`;

  scope.post('/me/sendMail', async (request, reply) => {
    sendRawMime(state, mailboxOf(request), requireMimeBody(request));
    return reply.code(202).send();
  });

  scope.post('/me/messages', async (request, reply) => {
    const mailbox = mailboxOf(request);
    const draft = createDraftFromMime(state, mailbox, requireMimeBody(request));
    const body: MessageJson & { '@odata.context': string } = { '@odata.context': context(), ...renderMessage(mailbox, draft) };
    return reply.code(201).send(body);
  });

  scope.post<{ Params: { id: string }; Body: { comment?: unknown; message?: Message } | undefined }>(
    '/me/messages/:id/createReply',
    async (request, reply) => {
      const mailbox = mailboxOf(request);
      const original = messageOrThrow(mailbox, request.params.id);
      const comment = typeof request.body?.comment === 'string' ? request.body.comment : undefined;
      const draft = createReplyDraft(state, mailbox, original, {
        ...(comment !== undefined ? { comment } : {}),
        ...(request.body?.message ? { message: request.body.message } : {}),
      });
      const body: MessageJson & { '@odata.context': string } = { '@odata.context': context(), ...renderMessage(mailbox, draft) };
      return reply.code(201).send(body);
    },
  );

  scope.post<{ Params: { id: string } }>('/me/messages/:id/send', async (request, reply) => {
    const mailbox = mailboxOf(request);
    sendDraft(state, mailbox, messageOrThrow(mailbox, request.params.id));
    return reply.code(202).send();
  });
}
