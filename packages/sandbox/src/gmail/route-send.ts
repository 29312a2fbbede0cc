import type { gmail_v1 } from '@googleapis/gmail';
import type { FastifyInstance } from 'fastify';
import { GmailApiError, invalidArgument } from './errors';
import { admit, type GuardDeps } from './guard';
import type { StoredMessage } from './mailbox';
import { headerValue, parseMime, splitMultipart } from './mime';
import { sendMessage } from './send';

/** users.messages.send mediaUpload.maxSize in the discovery document (35 MB). */
const MAX_MESSAGE_BYTES = 36_700_160;

/**
 * users.messages.send, both ways googleapis calls it:
 *   POST /gmail/v1/users/{userId}/messages/send            JSON Message {raw, threadId}
 *   POST /upload/gmail/v1/users/{userId}/messages/send      ?uploadType=media (message/* body)
 *                                                           ?uploadType=multipart (multipart/related:
 *                                                            JSON Message metadata, then the message)
 * Note: googleapis builds the /upload URL from the *call's* `rootUrl` option, not the
 * client's, so callers must pass `{ rootUrl }` per call or the upload goes to Google.
 */
export function registerSendRoutes(app: FastifyInstance, deps: GuardDeps): void {
  app.post<{ Body: unknown }>('/gmail/v1/users/:userId/messages/send', async (request) => {
    const { mailbox } = await admit(deps, request, 'users.messages.send');
    const message = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as gmail_v1.Schema$Message;
    const raw = typeof message.raw === 'string' ? decodeRaw(message.raw) : Buffer.alloc(0);
    return sent(sendMessage(mailbox, raw, message.threadId, deps.now()));
  });

  // The upload endpoint takes raw bodies of any type; parsers scoped to it so other routes keep Fastify's.
  app.register(async (upload) => {
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MESSAGE_BYTES * 2 }, (_request, body, done) => done(null, body));
    upload.post<{ Querystring: { uploadType?: string } }>('/upload/gmail/v1/users/:userId/messages/send', async (request) => {
      const { mailbox } = await admit(deps, request, 'users.messages.send');
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const contentType = (request.headers['content-type'] ?? '').toLowerCase();
      const uploadType = request.query.uploadType;
      if (uploadType === 'media') {
        requireMessageType(contentType);
        return sent(sendMessage(mailbox, checkSize(body), undefined, deps.now()));
      }
      if (uploadType === 'multipart') {
        const { metadata, media } = splitRelated(body, request.headers['content-type'] ?? '');
        return sent(sendMessage(mailbox, checkSize(media), metadata.threadId, deps.now()));
      }
      throw invalidArgument(`Unsupported uploadType in the Gmail sandbox: ${uploadType ?? '(none)'}; use media or multipart`);
    });
  });
}

/** What messages.send returns: the new message's id, thread and labels. */
function sent(message: StoredMessage): gmail_v1.Schema$Message {
  return { id: message.id, threadId: message.threadId, labelIds: [...message.labelIds] };
}

/** `raw` is base64url; standard base64 is accepted too, as Node's decoder (and Gmail, in practice) does. */
function decodeRaw(raw: string): Buffer {
  return checkSize(Buffer.from(raw, 'base64url'));
}

function checkSize(raw: Buffer): Buffer {
  if (raw.length > MAX_MESSAGE_BYTES)
    throw new GmailApiError(413, 'Request Entity Too Large', 'INVALID_ARGUMENT', [
      { message: 'Request Entity Too Large', domain: 'global', reason: 'uploadTooLarge' },
    ]);
  return raw;
}

/** The discovery document's mediaUpload.accept is `message/*`. */
function requireMessageType(contentType: string): void {
  if (!contentType.startsWith('message/')) {
    throw invalidArgument(`Media type '${contentType.split(';')[0] || '(none)'}' is not supported. Valid media types: [message/*]`);
  }
}

/** multipart/related as googleapis writes it: a JSON Message part, then the message/* part. */
function splitRelated(body: Buffer, contentTypeHeader: string): { metadata: gmail_v1.Schema$Message; media: Buffer } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentTypeHeader)?.[1];
  if (!contentTypeHeader.toLowerCase().startsWith('multipart/related') || !boundary) {
    throw invalidArgument('uploadType=multipart needs a multipart/related body with a boundary');
  }
  const [first, second] = splitMultipart(body, boundary).map(parseMime);
  if (!first || !second) throw invalidArgument('multipart/related upload needs a metadata part and a media part');
  let metadata: gmail_v1.Schema$Message;
  try {
    metadata = first.body.length > 0 ? (JSON.parse(first.body.toString('utf8')) as gmail_v1.Schema$Message) : {};
  } catch {
    throw invalidArgument('Invalid JSON payload received in the metadata part.');
  }
  requireMessageType((headerValue(second.headers, 'content-type') ?? '').toLowerCase());
  return { metadata, media: second.body };
}
