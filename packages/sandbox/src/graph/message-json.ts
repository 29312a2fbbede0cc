import type { Message, Recipient } from '@microsoft/microsoft-graph-types';
import type { Mailbox, StoredMessage } from './mailbox';
import type { MailAddress } from './mime';

/** Graph adds OData annotations beside the typed properties. */
export type MessageJson = Message & { '@odata.etag'?: string; '@odata.type'?: string };

const recipient = (address: MailAddress): Recipient => ({
  emailAddress: { name: address.name ?? address.address, address: address.address },
});

/** Graph's DateTimeOffset rendering for mail: UTC, whole seconds, `Z`. */
export const graphDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Properties Graph returns when no `$select` is given (internetMessageHeaders is select-only, as in Graph). */
const DEFAULT_PROPERTIES = [
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'importance',
  'parentFolderId',
  'conversationId',
  'isRead',
  'isDraft',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
] as const;

/**
 * A stored message as Graph's JSON. `select` holds `$select` names (compared without
 * case, as Graph does); unknown names are ignored. `id` and the etag are always present.
 * Not rendered: body, uniqueBody, bodyPreview, flag, webLink; firmly reads content from `$value`.
 */
export function renderMessage(mailbox: Mailbox, message: StoredMessage, select?: ReadonlySet<string>): MessageJson {
  const full: MessageJson = {
    '@odata.etag': `W/"${message.changeKey}"`,
    id: message.id,
    createdDateTime: graphDate(message.createdAt),
    lastModifiedDateTime: graphDate(message.modifiedAt),
    changeKey: message.changeKey,
    categories: [],
    receivedDateTime: graphDate(message.receivedAt),
    sentDateTime: message.sentAt ? graphDate(message.sentAt) : null,
    hasAttachments: message.hasAttachments,
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    importance: 'normal',
    parentFolderId: mailbox.folderId(message.folder),
    conversationId: message.conversationId,
    isRead: message.isRead,
    isDraft: message.isDraft,
    sender: message.from ? recipient(message.from) : null,
    from: message.from ? recipient(message.from) : null,
    toRecipients: message.to.map(recipient),
    ccRecipients: message.cc.map(recipient),
    bccRecipients: message.bcc.map(recipient),
    replyTo: message.replyTo.map(recipient),
    internetMessageHeaders: message.headers.map(({ name, value }) => ({ name, value })),
  };
  const wanted = select && select.size > 0 ? [...select] : [...DEFAULT_PROPERTIES];
  const rendered: Record<string, unknown> = { '@odata.etag': full['@odata.etag'], id: full.id };
  const byLowerName = new Map(Object.keys(full).map((key) => [key.toLowerCase(), key]));
  for (const name of wanted) {
    const key = byLowerName.get(name.toLowerCase());
    if (key) rendered[key] = (full as Record<string, unknown>)[key];
  }
  return rendered as MessageJson;
}

/** `$select=a,b` → a set; undefined when absent. */
export function parseSelect(value: unknown): Set<string> | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return new Set(
    value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
}
