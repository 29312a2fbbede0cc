import type { Message, Recipient } from '@microsoft/microsoft-graph-types';
import { badRequest, GraphHttpError } from './errors';
import { newInternetMessageId } from './ids';
import type { Mailbox, StoredMessage } from './mailbox';
import { messageFromMime } from './message-factory';
import {
  buildPlainMime,
  encodeHeaderText,
  formatAddress,
  formatRfc5322Date,
  headerValue,
  type MailAddress,
  parseHeaderFields,
  prependHeaders,
  removeHeader,
} from './mime';
import type { GraphSandboxState } from './state';

/**
 * Graph's raw MIME send: the body is the message, base64-encoded, with
 * `Content-Type: text/plain`. Anything else is refused the way Graph refuses it.
 */
export function decodeBase64Mime(body: unknown): Buffer {
  const text = typeof body === 'string' ? body.replace(/\s+/g, '') : '';
  if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 === 1) {
    throw new GraphHttpError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
  }
  const mime = Buffer.from(text, 'base64');
  if (parseHeaderFields(mime).length === 0) throw new GraphHttpError(400, 'ErrorMimeContentInvalid', 'The MIME content is invalid.');
  return mime;
}

const recipientsOf = (message: StoredMessage) => [...message.to, ...message.cc, ...message.bcc];

function requireRecipients(message: StoredMessage): void {
  if (recipientsOf(message).length === 0) {
    throw new GraphHttpError(400, 'ErrorInvalidRecipients', 'At least one recipient is required, but none were found.');
  }
}

const userAddress = (mailbox: Mailbox): MailAddress => ({ name: mailbox.user.displayName, address: mailbox.user.address });

/**
 * Delivers a sent message to every recipient that has a mailbox in this sandbox (Bcc
 * stripped), threaded in each mailbox by its own In-Reply-To/References. Lets a test
 * play the client answering firmly's email; other recipients are simply "external".
 */
function deliverToLocalRecipients(state: GraphSandboxState, message: StoredMessage): void {
  const mime = removeHeader(message.mime, 'Bcc');
  const seen = new Set<string>();
  for (const recipient of recipientsOf(message)) {
    const address = recipient.address.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    const mailbox = state.mailbox(address);
    if (!mailbox) continue;
    state.addMessage(mailbox, messageFromMime(mailbox, mime, { folder: 'inbox', now: state.now() }));
  }
}

/** `POST /me/sendMail` with MIME: straight into Sent Items, keeping the MIME's Message-ID. */
export function sendRawMime(state: GraphSandboxState, mailbox: Mailbox, mime: Buffer): StoredMessage {
  const message = messageFromMime(mailbox, mime, {
    folder: 'sentitems',
    now: state.now(),
    defaultFrom: formatAddress(userAddress(mailbox)),
    stampDate: true,
  });
  requireRecipients(message);
  state.addMessage(mailbox, message);
  deliverToLocalRecipients(state, message);
  return message;
}

/** `POST /me/messages` with MIME: a draft in Drafts. */
export function createDraftFromMime(state: GraphSandboxState, mailbox: Mailbox, mime: Buffer): StoredMessage {
  const message = messageFromMime(mailbox, mime, {
    folder: 'drafts',
    now: state.now(),
    defaultFrom: formatAddress(userAddress(mailbox)),
    isDraft: true,
  });
  state.addMessage(mailbox, message);
  return message;
}

/** `POST /me/messages/{id}/send`: the draft moves to Sent Items and keeps its id (ImmutableId behaviour). */
export function sendDraft(state: GraphSandboxState, mailbox: Mailbox, draft: StoredMessage): void {
  if (!draft.isDraft) throw badRequest('Only a draft can be sent.', 'ErrorInvalidOperation');
  requireRecipients(draft);
  const now = state.now();
  if (!headerValue(draft.headers, 'Date')) {
    draft.mime = prependHeaders(draft.mime, [`Date: ${formatRfc5322Date(now)}`]);
    draft.headers = parseHeaderFields(draft.mime);
  }
  draft.isDraft = false;
  draft.sentAt = now;
  draft.receivedAt = now;
  state.moveMessage(mailbox, draft.id, 'sentitems');
  deliverToLocalRecipients(state, draft);
}

const toAddress = (recipient: Recipient): MailAddress | undefined =>
  recipient.emailAddress?.address
    ? { address: recipient.emailAddress.address, ...(recipient.emailAddress.name ? { name: recipient.emailAddress.name } : {}) }
    : undefined;

const addresses = (recipients: Recipient[] | null | undefined): MailAddress[] | undefined =>
  recipients ? recipients.map(toAddress).filter((address): address is MailAddress => address !== undefined) : undefined;

/**
 * `POST /me/messages/{id}/createReply`: a draft in the original's conversation, addressed
 * like Outlook does (to the original's Reply-To or sender; replying to one's own sent
 * message addresses its recipients), with In-Reply-To/References set. The body is the
 * request's `comment` (or `message.body.content`) as plain text.
 */
export function createReplyDraft(
  state: GraphSandboxState,
  mailbox: Mailbox,
  original: StoredMessage,
  request: { comment?: string; message?: Message },
): StoredMessage {
  const own = original.from?.address.toLowerCase() === mailbox.user.address;
  const defaultTo = own ? original.to : original.replyTo.length > 0 ? original.replyTo : original.from ? [original.from] : [];
  const to = addresses(request.message?.toRecipients) ?? defaultTo;
  const cc = addresses(request.message?.ccRecipients) ?? [];
  const subject = request.message?.subject ?? (/^re:/i.test(original.subject) ? original.subject : `RE: ${original.subject}`);
  const text = request.comment ?? request.message?.body?.content ?? '';
  const references = [...original.references, original.internetMessageId].join(' ');
  const mime = buildPlainMime(
    [
      ['From', formatAddress(userAddress(mailbox))],
      ['To', to.map(formatAddress).join(', ') || undefined],
      ['Cc', cc.map(formatAddress).join(', ') || undefined],
      ['Subject', encodeHeaderText(subject)],
      ['Message-ID', newInternetMessageId()],
      ['In-Reply-To', original.internetMessageId],
      ['References', references],
    ],
    text,
  );
  const draft = messageFromMime(mailbox, mime, {
    folder: 'drafts',
    now: state.now(),
    isDraft: true,
    conversationId: original.conversationId,
  });
  state.addMessage(mailbox, draft);
  return draft;
}
