import { randomBytes } from 'node:crypto';
import { invalidArgument } from './errors';
import type { Mailbox, StoredMessage } from './mailbox';
import { headerValue, parseMime } from './mime';
import { threadForSend } from './threading';

/**
 * messages.send: stores the message in the sender's mailbox with label SENT, in the
 * requested thread when Gmail's rule allows it. The caller's bytes are kept, including
 * its Message-ID, In-Reply-To and References; like Gmail, a missing Message-ID or Date
 * is added (firmly always sets its own Message-ID, and finds sent mail by it).
 */
export function sendMessage(mailbox: Mailbox, raw: Buffer, requestedThreadId: string | null | undefined, nowMs: number): StoredMessage {
  if (raw.length === 0) throw invalidArgument("'raw' RFC822 payload message string or uploading message via /upload/* URL required");
  let mime = parseMime(raw);
  if (!['to', 'cc', 'bcc'].some((name) => (headerValue(mime.headers, name) ?? '').trim() !== '')) {
    throw invalidArgument('Recipient address required');
  }
  const added: string[] = [];
  if (!headerValue(mime.headers, 'message-id')) added.push(`Message-ID: <${randomBytes(16).toString('hex')}@mail.gmail.com>`);
  if (!headerValue(mime.headers, 'date')) added.push(`Date: ${new Date(nowMs).toUTCString().replace('GMT', '+0000')}`);
  let stored = raw;
  if (added.length > 0) {
    stored = Buffer.concat([Buffer.from(`${added.join('\r\n')}\r\n`), raw]);
    mime = parseMime(stored);
  }
  const threadId = threadForSend(mailbox, requestedThreadId, mime);
  return mailbox.add({ raw: stored, mime, labelIds: ['SENT'], internalDate: nowMs, threadId });
}
