import PostalMime, { decodeWords, type Email, type PostalMimeOptions } from 'postal-mime';
import type { AttachmentInfo, ParsedMessage } from '../model';
import { normaliseAddresses, normaliseFrom } from './addresses';
import { detectAutoReply } from './auto-reply';
import { parseMailDate } from './date';
import { MalformedMessageError } from './errors';
import { htmlToText } from './html-to-text';
import { parseInReplyTo, parseMessageId, parseReferences } from './message-ids';
import { recoverHeaderText } from './raw-headers';

/**
 * Raw RFC 5322 bytes → ParsedMessage, through postal-mime.
 *
 * Failure policy. This function never throws anything but MalformedMessageError, and throws
 * that only when nothing usable can be recovered:
 * - empty input, or only whitespace;
 * - no RFC 5322 or MIME header we recognise (From, To, Subject, Date, Message-ID, Received,
 *   MIME-Version, Content-Type, …): random bytes or a bare body are not an email, and
 *   pretending otherwise would put an empty message with no sender into a client's thread.
 *   A MIME entity with only Content-Type and a body is kept (its text is usable);
 * - postal-mime rejects the message (it does for MIME nesting deeper than its limit and for
 *   header blocks over 2 MiB) AND it also rejects the top-level header block on its own.
 *   When only the full parse fails, the message is returned from its headers alone (empty
 *   text, no attachments) — the thread still learns that a message was sent, by whom, when.
 * Anything unexpected thrown while building the result is wrapped the same way.
 *
 * Work is bounded: postal-mime is linear in the input, the HTML converter is linear, and
 * inputs over MAX_PARSE_BYTES are parsed from their first MAX_PARSE_BYTES (cut at a line
 * end). Text parts come before attachments in practice, so that keeps the text; attachments
 * cut off report the size seen. Attachment contents are dropped as soon as they are measured.
 */

/** Gmail caps messages at 25 MB and Graph's own limit is higher; beyond this we read a prefix. */
export const MAX_PARSE_BYTES = 32 * 1024 * 1024;
/** The header-only fallback reads at most this much. */
const MAX_FALLBACK_HEADER_BYTES = 256 * 1024;
/** Stored header values are capped: they end up in a database row. */
const MAX_HEADER_VALUE = 16 * 1024;

const PARSER_OPTIONS: PostalMimeOptions = {
  // Attachments come back as ArrayBuffers: measured, never encoded (base64 would cost time).
  attachmentEncoding: 'arraybuffer',
  // Each inline message/rfc822 level re-parses (and copies) its bytes; forwards of forwards
  // of forwards are as deep as real mail goes.
  maxRfc822NestingDepth: 3,
};

/** Headers kept in ParsedMessage.headers: threading, auto-reply detection, list handling. */
const KEPT_HEADERS = [
  'message-id',
  'in-reply-to',
  'references',
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'precedence',
  'x-auto-response-suppress',
  'content-type',
  'list-id',
  'return-path',
  // Outlook's own threading headers; Graph conversations are built from them.
  'thread-index',
  'thread-topic',
] as const;

/** Headers whose presence makes bytes an email message (see the failure policy). */
const IDENTIFYING_HEADERS = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'bcc',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'received',
  'return-path',
  'delivered-to',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

export async function parseRawMessage(raw: Buffer): Promise<ParsedMessage> {
  try {
    const input = prepareInput(raw);
    if (isBlank(input)) throw new MalformedMessageError('empty message: no bytes other than whitespace');
    const email = await parseWithFallback(input);
    if (!email.headers.some((h) => IDENTIFYING_HEADERS.has(h.key) && h.value.trim() !== '')) {
      throw new MalformedMessageError('not an email message: no RFC 5322 or MIME header (From, To, Subject, Date, Content-Type, …) found');
    }
    return buildParsedMessage(email, input);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(`unexpected failure while parsing MIME: ${describe(error)}`, { cause: error });
  }
}

async function parseWithFallback(input: Uint8Array): Promise<Email> {
  try {
    return await PostalMime.parse(input, PARSER_OPTIONS);
  } catch (fullError) {
    try {
      return await PostalMime.parse(headerBlock(input), PARSER_OPTIONS);
    } catch {
      throw new MalformedMessageError(`MIME parser rejected the message: ${describe(fullError)}`, { cause: fullError });
    }
  }
}

function buildParsedMessage(email: Email, input: Uint8Array): ParsedMessage {
  const headers = keptHeaders(email);
  const from = normaliseFrom(email.from);
  const subject = recoverHeaderText(input, 'subject', email.subject, headers['content-type'])?.trim();
  const html = email.html;
  // Trailing whitespace is dropped: postal-mime ends every 8bit part with "\n", other
  // encodings do not, and the same message should not read differently by transfer encoding.
  const text = hasVisibleText(email.text) ? normaliseNewlines(email.text).trimEnd() : html !== undefined ? htmlToText(html) : '';
  const parsed: ParsedMessage = {
    // Ids come from the full header values: the stored copies are capped, and a capped
    // References would lose its newest ids, the ones threading needs most.
    messageId: parseMessageId(firstHeader(email, 'message-id')),
    inReplyTo: parseInReplyTo(firstHeader(email, 'in-reply-to')),
    references: parseReferences(firstHeader(email, 'references')),
    subject,
    from,
    to: normaliseAddresses(email.to),
    cc: normaliseAddresses(email.cc),
    replyTo: normaliseAddresses(email.replyTo),
    date: parseMailDate(firstHeader(email, 'date')),
    text,
    html,
    attachments: email.attachments.map(
      (a): AttachmentInfo => ({
        name: a.filename ?? '',
        contentType: a.mimeType,
        // arraybuffer encoding: content is an ArrayBuffer (a Uint8Array for calendar parts).
        size: typeof a.content === 'string' ? Buffer.byteLength(a.content) : a.content.byteLength,
      }),
    ),
    autoReply: { isAutoReply: false },
    headers,
  };
  parsed.autoReply = detectAutoReply({ headers, subject, contentType: headers['content-type'], from });
  return parsed;
}

function firstHeader(email: Email, key: string): string | undefined {
  const value = email.headers.find((h) => h.key === key)?.value;
  return value === undefined ? undefined : decodeWords(value);
}

/** First occurrence of each kept header (postal-mime's rule too), encoded words decoded. */
function keptHeaders(email: Email): Record<string, string> {
  const wanted = new Set<string>(KEPT_HEADERS);
  const headers: Record<string, string> = {};
  for (const { key, value } of email.headers) {
    if (!wanted.has(key) || key in headers) continue;
    headers[key] = decodeWords(value.length > MAX_HEADER_VALUE ? value.slice(0, MAX_HEADER_VALUE) : value).trim();
  }
  return headers;
}

/**
 * Bytes handed to postal-mime: an mbox "From " separator line dropped (archives and some
 * corpora start with one; it is not a header and would become a junk one), and the length
 * capped at MAX_PARSE_BYTES, cut after a line end. Subarrays: no copy.
 */
function prepareInput(raw: Uint8Array): Uint8Array {
  let start = 0;
  if (startsWithAscii(raw, 'From ')) {
    const nl = raw.indexOf(0x0a);
    start = nl < 0 ? raw.length : nl + 1;
  }
  let end = raw.length;
  if (end - start > MAX_PARSE_BYTES) {
    const nl = raw.lastIndexOf(0x0a, start + MAX_PARSE_BYTES);
    end = nl > start ? nl + 1 : start + MAX_PARSE_BYTES;
  }
  return raw.subarray(start, end);
}

/** The top-level header block (up to the first blank line), capped, with a blank line appended. */
function headerBlock(input: Uint8Array): Uint8Array {
  const limit = Math.min(input.length, MAX_FALLBACK_HEADER_BYTES);
  let end = limit;
  for (let nl = input.indexOf(0x0a); nl >= 0 && nl < limit; nl = input.indexOf(0x0a, nl + 1)) {
    const next = input[nl + 1];
    if (next === 0x0a || (next === 0x0d && input[nl + 2] === 0x0a)) {
      end = nl + 1;
      break;
    }
  }
  return Buffer.concat([input.subarray(0, end), Buffer.from('\r\n\r\n')]);
}

function isBlank(input: Uint8Array): boolean {
  for (const byte of input) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d && byte !== 0x0a) return false;
  }
  return true;
}

function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function hasVisibleText(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}

/** CRLF and lone CR → LF: downstream text rules (quote markers, signatures) work per line. */
function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
