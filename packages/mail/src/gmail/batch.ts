import { randomBytes } from 'node:crypto';

/**
 * Gmail's HTTP batch format (POST /batch/gmail/v1): one multipart/mixed request
 * whose parts are `application/http` requests, answered by a multipart/mixed
 * response of `application/http` responses matched by Content-ID. Pure functions:
 * the transport is the Google client's own (google-auth-library's request).
 */
export interface BatchItem {
  /** Echoed back as `response-<id>` so answers can be matched whatever their order. */
  id: string;
  method: 'GET';
  /** Path and query, e.g. /gmail/v1/users/me/messages/abc?format=raw */
  path: string;
}

export interface BatchItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Google accepts at most 100 calls per batch, and recommends fewer for Gmail. */
export const MAX_BATCH_ITEMS = 100;

export function buildBatchRequest(items: readonly BatchItem[]): { contentType: string; body: string } {
  if (items.length === 0 || items.length > MAX_BATCH_ITEMS) throw new RangeError(`a batch holds 1 to ${MAX_BATCH_ITEMS} requests`);
  const boundary = `batch_${randomBytes(12).toString('hex')}`;
  const parts = items.map(
    (item) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <${item.id}>\r\n\r\n${item.method} ${item.path} HTTP/1.1\r\n\r\n`,
  );
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match?.[1] ?? match?.[2];
}

/** Splits a multipart body into its parts' raw text (headers + body), without the delimiters. */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let index = body.indexOf(delimiter);
  while (index !== -1) {
    const start = index + delimiter.length;
    if (body.startsWith('--', start)) break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    parts.push(body.slice(body.indexOf('\n', start) + 1, next).replace(/\r?\n$/, ''));
    index = next;
  }
  return parts;
}

/** Header block and body of an HTTP-ish message, split at the first blank line. */
function splitHead(text: string): { head: string[]; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match) return { head: text.split(/\r?\n/), body: '' };
  return { head: text.slice(0, match.index).split(/\r?\n/), body: text.slice(match.index + match[0].length) };
}

function headersOf(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function parseBatchResponse(body: string, contentType: string | undefined): BatchItemResponse[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('batch response is not multipart');
  return splitMultipart(body, boundary).map((part) => {
    const outer = splitHead(part);
    const outerHeaders = headersOf(outer.head);
    const id = (outerHeaders['content-id'] ?? '').replace(/^<|>$/g, '').replace(/^response-/, '');
    const inner = splitHead(outer.body);
    const statusLine = inner.head[0] ?? '';
    const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
    return { id, status, headers: headersOf(inner.head.slice(1)), body: inner.body.replace(/\r?\n$/, '') };
  });
}
