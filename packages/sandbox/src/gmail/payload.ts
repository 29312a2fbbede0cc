import type { gmail_v1 } from '@googleapis/gmail';
import { attachmentId, base64urlPadded } from './ids';
import type { StoredMessage } from './mailbox';
import { bodyText, type MimeEntity } from './mime';

export type MessageFormat = 'minimal' | 'full' | 'raw' | 'metadata';

/**
 * A stored message in the shape messages.get returns for each format (the `format`
 * enum of users.messages.get). Typed against gmail_v1 so a field can't drift.
 */
export function messageResource(
  message: StoredMessage,
  format: MessageFormat,
  metadataHeaders: readonly string[],
): gmail_v1.Schema$Message {
  const minimal: gmail_v1.Schema$Message = {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    snippet: snippet(message.mime),
    sizeEstimate: message.raw.length,
    historyId: String(message.historyId),
    internalDate: String(message.internalDate),
  };
  switch (format) {
    case 'minimal':
      return minimal;
    case 'raw':
      return { ...minimal, raw: base64urlPadded(message.raw) };
    case 'metadata': {
      const wanted = new Set(metadataHeaders.map((h) => h.toLowerCase()));
      const headers = message.mime.headers.filter((h) => wanted.size === 0 || wanted.has(h.name.toLowerCase()));
      const payload: gmail_v1.Schema$MessagePart = { mimeType: message.mime.mimeType, headers: headers.map((h) => ({ ...h })) };
      return { ...minimal, payload };
    }
    case 'full':
      return { ...minimal, payload: messagePart(message.id, message.mime, '') };
  }
}

/**
 * The payload tree of format=full: the root part has partId '', its children '0', '1',
 * theirs '0.0' …; multiparts carry `body.size` 0; parts with a filename get an
 * `attachmentId` instead of inline `data` (as in real captures); `data` is the body with
 * its transfer encoding removed, base64url-encoded.
 */
function messagePart(messageId: string, entity: MimeEntity, partId: string): gmail_v1.Schema$MessagePart {
  const headers: gmail_v1.Schema$MessagePartHeader[] = entity.headers.map((h) => ({ name: h.name, value: h.value }));
  if (entity.parts.length > 0 || entity.mimeType.startsWith('multipart/')) {
    return {
      partId,
      mimeType: entity.mimeType,
      filename: entity.filename,
      headers,
      body: { size: 0 },
      parts: entity.parts.map((child, i) => messagePart(messageId, child, partId === '' ? String(i) : `${partId}.${i}`)),
    };
  }
  const body: gmail_v1.Schema$MessagePartBody =
    entity.filename !== ''
      ? { attachmentId: attachmentId(messageId, partId), size: entity.body.length }
      : entity.body.length > 0
        ? { size: entity.body.length, data: base64urlPadded(entity.body) }
        : { size: 0 };
  return { partId, mimeType: entity.mimeType, filename: entity.filename, headers, body };
}

/** Gmail's snippet: the start of the text, whitespace collapsed, HTML-escaped. */
function snippet(mime: MimeEntity): string {
  const text = bodyText(mime).replace(/\s+/g, ' ').trim().slice(0, 200);
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
