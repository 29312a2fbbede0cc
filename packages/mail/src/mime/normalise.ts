// The stripper alone, not all of core: the parsing thread has no use for holiday tables.
import { extractVisibleText } from '@firmly/core/visible-text';
import type { MailProviderName, NormalizedMessage, ParsedMessage, ProviderMessage } from '../model';
import { normaliseAddressText } from './addresses';
import { MalformedMessageError } from './errors';
import { parseRawMessage } from './parse';

export interface MailboxIdentity {
  address: string;
  /** Send-as addresses of the same mailbox (Gmail "send mail as", Exchange proxy addresses). */
  aliases?: string[];
  provider: MailProviderName;
}

/**
 * How far the Date header may run ahead of the provider's receipt time. Senders' clocks
 * drift and time zones get mislabelled by an hour or two; a day covers that. A Date
 * further in the future is a broken clock (or a spammer pinning mail to the top), and
 * trusting it would put the message after replies that really came later, so the
 * thread falls back to the provider's receipt time instead.
 */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

/** Provider labels meaning "the mailbox owner sent this": Gmail's SENT label, Graph's sentitems folder. */
const SENT_LABELS: Record<MailProviderName, string> = { gmail: 'sent', graph: 'sentitems' };

/**
 * A provider message → the model every later stage reads. Never throws: a message with no
 * raw MIME, or one the parser cannot use, becomes `{ status: 'malformed', error }` so ingest
 * records it (and the thread keeps its place) instead of retrying forever.
 */
export async function normaliseProviderMessage(message: ProviderMessage, mailbox: MailboxIdentity): Promise<NormalizedMessage> {
  const ids = { providerMessageId: message.providerMessageId, providerThreadId: message.providerThreadId };
  if (message.raw === undefined || message.raw.length === 0) {
    return {
      status: 'malformed',
      ...ids,
      sentAt: message.receivedAt,
      error: 'no raw MIME content: the provider returned no message bytes',
    };
  }
  let parsed: ParsedMessage;
  try {
    parsed = await parseRawMessage(message.raw);
  } catch (error) {
    const reason = error instanceof MalformedMessageError ? error.message : `unexpected parser error: ${String(error)}`;
    return { status: 'malformed', ...ids, sentAt: message.receivedAt, error: reason };
  }
  const { text, html, ...withoutBodies } = parsed;
  // Here, on the parsing thread: stripping is text work of the same weight as parsing.
  const visible = extractVisibleText({ text, html });
  return {
    status: 'ok',
    ...ids,
    parsed: withoutBodies,
    visibleText: visible.text,
    ...(visible.notes.length > 0 ? { visibleTextNote: visible.notes.join('; ') } : {}),
    sentAt: chooseSentAt(parsed.date, message.receivedAt),
    direction: isOutbound(parsed, message.labels, mailbox) ? 'outbound' : 'inbound',
  };
}

/** The Date header when present and not more than MAX_FUTURE_SKEW_MS after receipt; else the receipt time. */
export function chooseSentAt(date: Date | undefined, receivedAt: Date): Date {
  if (date === undefined) return receivedAt;
  // An invalid receivedAt (NaN) makes the comparison false: the Date header is all we have.
  return date.getTime() - receivedAt.getTime() > MAX_FUTURE_SKEW_MS ? receivedAt : date;
}

function isOutbound(parsed: ParsedMessage, labels: readonly string[], mailbox: MailboxIdentity): boolean {
  const sentLabel = SENT_LABELS[mailbox.provider];
  if (labels.some((label) => label.toLowerCase() === sentLabel)) return true;
  if (parsed.from === undefined) return false;
  const own = [mailbox.address, ...(mailbox.aliases ?? [])].map(normaliseAddressText);
  return own.includes(parsed.from.address);
}
