import { invalidArgument } from './errors';
import type { StoredMessage } from './mailbox';

/**
 * The subset of Gmail's search syntax firmly uses (messages.list `q`):
 *   after:/before: with epoch seconds or a date (YYYY/MM/DD or YYYY-MM-DD),
 *   rfc822msgid:<id>, in:inbox, in:sent, in:anywhere, label:<id>.
 * Any other term is refused with 400 rather than ignored: a sandbox that silently
 * matched everything would hide a query firmly relies on but the sandbox can't judge.
 */
export interface MessageQuery {
  afterMs?: number;
  beforeMs?: number;
  rfc822MessageId?: string;
  labels: string[];
  /** `in:anywhere` lifts the default exclusion of SPAM and TRASH. */
  anywhere: boolean;
}

export function parseQuery(q: string | undefined): MessageQuery {
  const query: MessageQuery = { labels: [], anywhere: false };
  for (const term of (q ?? '').trim().split(/\s+/).filter(Boolean)) {
    const colon = term.indexOf(':');
    const operator = colon > 0 ? term.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? term.slice(colon + 1) : term;
    switch (operator) {
      case 'after':
        query.afterMs = Math.max(query.afterMs ?? -Infinity, parseWhen(value, term));
        break;
      case 'before':
        query.beforeMs = Math.min(query.beforeMs ?? Infinity, parseWhen(value, term));
        break;
      case 'rfc822msgid':
        query.rfc822MessageId = value.replace(/^<|>$/g, '');
        break;
      case 'in':
        if (value.toLowerCase() === 'anywhere') query.anywhere = true;
        else if (['inbox', 'sent', 'spam', 'trash', 'draft'].includes(value.toLowerCase())) query.labels.push(value.toUpperCase());
        else throw unsupported(term);
        break;
      case 'label':
        query.labels.push(value.toUpperCase());
        break;
      default:
        throw unsupported(term);
    }
  }
  return query;
}

export function matchesQuery(message: StoredMessage, query: MessageQuery): boolean {
  if (query.afterMs !== undefined && message.internalDate < query.afterMs) return false;
  if (query.beforeMs !== undefined && message.internalDate >= query.beforeMs) return false;
  if (query.rfc822MessageId !== undefined && message.messageId !== query.rfc822MessageId) return false;
  return query.labels.every((label) => message.labelIds.includes(label));
}

const unsupported = (term: string) => invalidArgument(`Unsupported search term in the Gmail sandbox: ${term}`);

/**
 * Epoch seconds are exact. A date means midnight in Google's Pacific time ("dates are
 * interpreted as midnight on that date in the PST timezone … pass the value in seconds
 * for other timezones"); we take America/Los_Angeles, daylight saving included.
 */
function parseWhen(value: string, term: string): number {
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (!date) throw invalidArgument(`Invalid date in search term: ${term}`);
  return pacificMidnight(Number(date[1]), Number(date[2]), Number(date[3]));
}

const pacific = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function pacificMidnight(year: number, month: number, day: number): number {
  const utcMidnight = Date.UTC(year, month - 1, day);
  // The offset at 08:00 UTC that day (midnight PST): Pacific midnight never falls in a DST gap.
  const probe = utcMidnight + 8 * 3600_000;
  const parts = Object.fromEntries(pacific.formatToParts(new Date(probe)).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(
    parts.year ?? year,
    (parts.month ?? month) - 1,
    parts.day ?? day,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return utcMidnight - (asUtc - probe);
}
