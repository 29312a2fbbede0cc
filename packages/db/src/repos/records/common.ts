/** What the record repos share: their result vocabulary, the caller's context, dates and cursors. */

export interface RecordContext {
  now: Date;
  operatorId: string;
}

/** A refusal the API turns into problem+json; `field` names the input at fault (`number`, `contacts.1.address`). */
export type RecordProblem = {
  ok: false;
  problem: 'not_found' | 'conflict' | 'invalid';
  detail: string;
  field?: string;
};

export const notFound = (detail: string): RecordProblem => ({ ok: false, problem: 'not_found', detail });
export const conflict = (detail: string, field?: string): RecordProblem => ({
  ok: false,
  problem: 'conflict',
  detail,
  ...(field ? { field } : {}),
});
export const invalid = (detail: string, field?: string): RecordProblem => ({
  ok: false,
  problem: 'invalid',
  detail,
  ...(field ? { field } : {}),
});

export const actorOf = (context: RecordContext) => `operator:${context.operatorId}`;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = CALENDAR_DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date of `at` in `timeZone` (YYYY-MM-DD): invoices fall due on the client's
 * calendar days. A zone the runtime does not know (the API refuses them; old rows might
 * hold one) reads as UTC rather than failing the whole page.
 */
export function localDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      return at.toISOString().slice(0, 10);
    }
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Opaque keyset cursors: a small JSON tuple in base64url, checked on the way back in. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(text: string, shape: readonly ('string' | 'number')[]): Array<string | number> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== shape.length) return undefined;
    return value.every((part, index) => typeof part === shape[index]) ? (value as Array<string | number>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Postgres keeps microseconds and a JS Date only milliseconds: a cursor holding a Date would
 * land inside a run of rows with the same millisecond. Cursors carry the database's own text
 * form of an instant (see review/queue.ts), which this checks.
 */
export const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
