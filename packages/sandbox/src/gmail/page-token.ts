import { invalidArgument } from './errors';

/**
 * Page tokens are opaque to clients. Ours carry the position after the last item
 * served (not an offset), so mail arriving between pages neither repeats nor skips
 * items on the following pages.
 */
export type Cursor = { kind: 'messages'; internalDate: number; id: string } | { kind: 'history'; id: number };

export function encodePageToken(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodePageToken<K extends Cursor['kind']>(token: string | undefined, kind: K): Extract<Cursor, { kind: K }> | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (cursor.kind === kind) return cursor as Extract<Cursor, { kind: K }>;
  } catch {
    // fall through to the error Google gives for a token it did not issue
  }
  throw invalidArgument('Invalid pageToken');
}

/** `maxResults`: default 100, at most 500 (users.messages.list, users.history.list). */
export function pageSize(value: string | undefined): number {
  if (value === undefined || value === '') return 100;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw invalidArgument(`Invalid value for maxResults: ${value}`);
  return Math.min(n, 500);
}
