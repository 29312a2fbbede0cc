import { newChangeKey, newConversationId, newInternetMessageId, newMessageId } from './ids';
import type { FolderName, Mailbox, StoredMessage } from './mailbox';
import {
  decodeEncodedWords,
  formatRfc5322Date,
  headerValue,
  parseAddressList,
  parseHeaderFields,
  parseMessageIds,
  prependHeaders,
} from './mime';

export interface FromMimeOptions {
  folder: FolderName;
  now: Date;
  receivedAt?: Date;
  /** Forces the conversation (admin.deliver); otherwise threaded by In-Reply-To / References. */
  conversationId?: string;
  isDraft?: boolean;
  /** Stamped as From when the MIME has none (Exchange sets the sender on send). */
  defaultFrom?: string;
  /** Stamps a Date header when missing (sends). */
  stampDate?: boolean;
}

/**
 * Turns MIME bytes into a stored message the way Exchange does on arrival or send:
 * a missing Message-ID (or From, for sends) is stamped into the bytes, so `$value`
 * and `internetMessageId` always agree.
 */
export function messageFromMime(mailbox: Mailbox, mime: Buffer, options: FromMimeOptions): StoredMessage {
  let headers = parseHeaderFields(mime);
  const stamp: string[] = [];
  let internetMessageId = parseMessageIds(headerValue(headers, 'Message-ID'))[0];
  if (!internetMessageId) {
    internetMessageId = newInternetMessageId();
    stamp.push(`Message-ID: ${internetMessageId}`);
  }
  if (!headerValue(headers, 'From') && options.defaultFrom) stamp.push(`From: ${options.defaultFrom}`);
  if (!headerValue(headers, 'Date') && options.stampDate) stamp.push(`Date: ${formatRfc5322Date(options.now)}`);
  if (stamp.length > 0) {
    mime = prependHeaders(mime, stamp);
    headers = parseHeaderFields(mime);
  }
  const inReplyTo = parseMessageIds(headerValue(headers, 'In-Reply-To'))[0];
  const references = parseMessageIds(headerValue(headers, 'References'));
  const dateHeader = headerValue(headers, 'Date');
  const parsedDate = dateHeader ? new Date(dateHeader) : undefined;
  const sentAt = parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate : undefined;
  const contentType = headerValue(headers, 'Content-Type') ?? '';
  return {
    id: newMessageId(),
    folder: options.folder,
    conversationId: options.conversationId ?? mailbox.conversationFor(inReplyTo, references) ?? newConversationId(),
    internetMessageId,
    mime,
    headers,
    subject: decodeEncodedWords(headerValue(headers, 'Subject') ?? ''),
    from: parseAddressList(headerValue(headers, 'From'))[0],
    to: parseAddressList(headerValue(headers, 'To')),
    cc: parseAddressList(headerValue(headers, 'Cc')),
    bcc: parseAddressList(headerValue(headers, 'Bcc')),
    replyTo: parseAddressList(headerValue(headers, 'Reply-To')),
    inReplyTo,
    references,
    sentAt: options.isDraft ? undefined : (sentAt ?? options.receivedAt ?? options.now),
    receivedAt: options.receivedAt ?? options.now,
    createdAt: options.now,
    modifiedAt: options.now,
    isDraft: options.isDraft ?? false,
    isRead: options.folder !== 'inbox',
    // A heuristic: Graph's hasAttachments ignores inline parts; multipart/mixed is the usual sign of a real attachment.
    hasAttachments: /multipart\/mixed/i.test(contentType),
    changeKey: newChangeKey(),
  };
}
