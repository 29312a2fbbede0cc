import type { Address, AutoReplyMarker } from '../model';

/**
 * Is this message machine-written (out-of-office, vacation responder, bounce, read receipt,
 * feedback report)? Such mail must not count as the client answering: reply latency and
 * "has the client replied" ignore it.
 *
 * Rules, strongest first; the first match names itself in `reason`:
 * 1. `Auto-Submitted` present and not `no` (RFC 3834: auto-replied, auto-generated, …).
 * 2. `X-Autoreply` / `X-Autorespond` present (de-facto vacation-responder markers), unless the
 *    value says no/false/0.
 * 3. `Precedence: auto_reply`. NOT `bulk`/`junk`/`list`: those mark newsletters and mailing
 *    lists, which are not replies at all; whether to analyse list mail is another decision.
 * 4. Top-level `Content-Type: multipart/report` (RFC 6522: delivery status, read receipts,
 *    abuse feedback), or a bare message/delivery-status | disposition-notification.
 * 5. From `mailer-daemon` / `postmaster` (local part).
 * 6. `Return-Path: <>`: a null envelope sender is reserved for notifications (RFC 5321
 *    §4.5.5); a person's mail always has a return address.
 * 7. Subject prefixes of out-of-office and delivery-failure mail, English and Hungarian (plus
 *    Outlook's "Automatic reply:" in a few more languages). Anchored at the start, so
 *    "Re: Automatic reply: …" (a person answering an auto-reply) is not matched; generic
 *    phrases ("Out of office", "Szabadság", "Undeliverable") only match as the whole subject
 *    or before a colon, so "Out of office hours support" or "Szabadság alatti ügyelet" stay human.
 *
 * `X-Auto-Response-Suppress` is deliberately NOT a rule: it is a sender's request that others
 * not auto-reply to it, and ordinary Outlook mail carries it. (Outlook's own auto-replies
 * carry it too, but they are caught by rules 1 and 7.)
 */
export interface AutoReplyInput {
  /** Lower-cased header names → decoded values (ParsedMessage.headers). */
  headers: Readonly<Record<string, string>>;
  subject?: string | undefined;
  /** The top-level Content-Type header value. */
  contentType?: string | undefined;
  from?: Pick<Address, 'address'> | undefined;
}

export function detectAutoReply(input: AutoReplyInput): AutoReplyMarker {
  const reason =
    byAutoSubmitted(input.headers) ??
    byVendorHeaders(input.headers) ??
    byPrecedence(input.headers) ??
    byContentType(input.contentType ?? input.headers['content-type']) ??
    byFrom(input.from) ??
    byReturnPath(input.headers) ??
    bySubject(input.subject);
  return reason === undefined ? { isAutoReply: false } : { isAutoReply: true, reason };
}

const NEGATIVE = new Set(['no', 'false', '0', 'off']);

function byAutoSubmitted(headers: AutoReplyInput['headers']): string | undefined {
  const value = headers['auto-submitted'];
  if (value === undefined) return undefined;
  // "auto-generated (failure)", "auto-replied; owner-email=…": the keyword is the first token.
  const keyword = firstToken(value);
  if (keyword === '' || keyword === 'no') return undefined;
  return `Auto-Submitted: ${clip(value)}`;
}

function byVendorHeaders(headers: AutoReplyInput['headers']): string | undefined {
  for (const [name, label] of [
    ['x-autoreply', 'X-Autoreply'],
    ['x-autorespond', 'X-Autorespond'],
  ] as const) {
    const value = headers[name];
    if (value !== undefined && !NEGATIVE.has(firstToken(value))) return `${label}: ${clip(value)}`;
  }
  return undefined;
}

function byPrecedence(headers: AutoReplyInput['headers']): string | undefined {
  const value = headers.precedence;
  if (value === undefined) return undefined;
  const keyword = firstToken(value).replace('-', '_');
  return keyword === 'auto_reply' ? `Precedence: ${clip(value)}` : undefined;
}

const REPORT_TYPES = new Set(['multipart/report', 'message/delivery-status', 'message/disposition-notification']);

function byContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const mimeType = firstToken(contentType);
  if (!REPORT_TYPES.has(mimeType)) return undefined;
  const reportType = /report-type\s*=\s*"?([\w-]{1,64})/i.exec(contentType)?.[1];
  return reportType ? `Content-Type: ${mimeType}; report-type=${reportType.toLowerCase()}` : `Content-Type: ${mimeType}`;
}

const SYSTEM_SENDERS = new Set(['mailer-daemon', 'mailer_daemon', 'mailerdaemon', 'postmaster']);

function byFrom(from: AutoReplyInput['from']): string | undefined {
  if (!from) return undefined;
  const address = from.address.toLowerCase();
  const at = address.indexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  return SYSTEM_SENDERS.has(local) ? `From: ${local}` : undefined;
}

function byReturnPath(headers: AutoReplyInput['headers']): string | undefined {
  const value = headers['return-path'];
  if (value === undefined) return undefined;
  return value.replace(/\s/g, '') === '<>' ? 'Return-Path: <> (null sender)' : undefined;
}

type Boundary =
  /** next character is not a letter or digit ("Autoreply: x", "Auto reply from …") */
  | 'word'
  /** the whole subject, or followed by ":" ("Out of office", "Out of office: Re: …") */
  | 'colon'
  /** a plain prefix ("Kézbesítési állapotértesítés") */
  | 'prefix';

interface SubjectRule {
  reason: string;
  boundary: Boundary;
  /** Lower-case, without accents (matching strips them: "válasz" → "valasz"). */
  prefixes: string[];
}

const SUBJECT_RULES: SubjectRule[] = [
  {
    reason: 'automatic reply',
    boundary: 'word',
    prefixes: [
      'automatic reply',
      'automatic response',
      'auto reply',
      'auto-reply',
      'autoreply',
      'auto response',
      'auto-response',
      'autoresponse',
      'autorespons',
      'out of office autoreply',
      'out of office auto reply',
      'out of office reply',
      'vacation reply',
    ],
  },
  {
    reason: 'out of office',
    boundary: 'colon',
    prefixes: ['out of office', 'out of the office', 'ooo', 'on vacation', 'away from the office'],
  },
  // Outlook's localised "Automatic reply:" (hu first; de, fr, pl, es, it, nl for clients' correspondents).
  {
    reason: 'automatic reply (localised)',
    boundary: 'word',
    prefixes: [
      'automatikus valasz',
      'automatische antwort',
      'abwesenheitsnotiz',
      'reponse automatique',
      'automatyczna odpowiedz',
      'respuesta automatica',
      'risposta automatica',
      'automatisch antwoord',
    ],
  },
  {
    reason: 'out of office (hu)',
    boundary: 'colon',
    prefixes: ['hazon kivul', 'irodan kivul', 'szabadsag', 'szabadsagon', 'szabadsagon vagyok', 'tavol vagyok', 'tavollet'],
  },
  {
    reason: 'delivery failure',
    boundary: 'word',
    prefixes: [
      'delivery status notification',
      'undelivered mail returned to sender',
      'mail delivery failed',
      'mail delivery failure',
      'message delivery failure',
      'delivery failure notification',
      'mail system error - returned mail',
      'warning: could not send message',
      'delivery notification: delivery has failed',
    ],
  },
  {
    reason: 'delivery failure',
    boundary: 'colon',
    prefixes: ['undeliverable', 'undelivered mail', 'returned mail', 'failure notice', 'delivery delayed'],
  },
  {
    reason: 'delivery failure (hu)',
    boundary: 'word',
    prefixes: ['kezbesitesi hiba', 'nem sikerult kezbesiteni', 'sikertelen kezbesites'],
  },
  { reason: 'delivery failure (hu)', boundary: 'colon', prefixes: ['nem kezbesitheto'] },
  { reason: 'delivery failure (hu)', boundary: 'prefix', prefixes: ['kezbesitesi allapot'] },
];

/** Only the start of a subject is matched; 200 characters bound the normalisation work. */
const SUBJECT_SCAN = 200;

function bySubject(subject: string | undefined): string | undefined {
  if (subject === undefined) return undefined;
  const normalised = normaliseSubject(subject.slice(0, SUBJECT_SCAN));
  for (const rule of SUBJECT_RULES) {
    for (const prefix of rule.prefixes) {
      if (normalised.startsWith(prefix) && boundaryHolds(normalised.slice(prefix.length), rule.boundary)) {
        return `subject: ${rule.reason}`;
      }
    }
  }
  return undefined;
}

function boundaryHolds(rest: string, boundary: Boundary): boolean {
  if (boundary === 'prefix' || rest === '') return true;
  if (boundary === 'word') return !/^[\p{L}\p{N}]/u.test(rest);
  return rest.trimStart().startsWith(':');
}

/** Lower case, accents removed (NFD + drop combining marks), whitespace collapsed, trimmed. */
function normaliseSubject(subject: string): string {
  return subject
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first token of a header value: up to ";", "(", or whitespace; lower-cased. */
function firstToken(value: string): string {
  const trimmed = value.trim().toLowerCase();
  let end = 0;
  while (end < trimmed.length && !/[;(\s]/.test(trimmed.charAt(end))) end++;
  return trimmed.slice(0, end);
}

function clip(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
}
