import { describe, expect, it } from 'vitest';
import { boundaryOf, buildBatchRequest, parseBatchResponse, splitMultipart } from './batch';

describe('Gmail HTTP batch format', () => {
  it('builds application/http parts with Content-IDs', () => {
    const { contentType, body } = buildBatchRequest([
      { id: 'a', method: 'GET', path: '/gmail/v1/users/me/messages/a?format=raw' },
      { id: 'b', method: 'GET', path: '/gmail/v1/users/me/messages/b?format=raw' },
    ]);
    const boundary = boundaryOf(contentType) ?? '';
    const parts = splitMultipart(body, boundary);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('Content-ID: <a>');
    expect(parts[1]).toContain('GET /gmail/v1/users/me/messages/b?format=raw HTTP/1.1');
  });

  it('parses responses in any order, with per-item status, headers and body', () => {
    const body = [
      '--batch_x',
      'Content-Type: application/http',
      'Content-ID: <response-b>',
      '',
      'HTTP/1.1 429 Too Many Requests',
      'Retry-After: 2',
      'Content-Type: application/json; charset=UTF-8',
      '',
      '{"error":{"code":429}}',
      '--batch_x',
      'Content-Type: application/http',
      'Content-ID: <response-a>',
      '',
      'HTTP/1.1 200 OK',
      'Content-Type: application/json; charset=UTF-8',
      '',
      '{"id":"a","raw":"SGk"}',
      '--batch_x--',
      '',
    ].join('\r\n');
    const parsed = parseBatchResponse(body, 'multipart/mixed; boundary=batch_x');
    expect(parsed).toEqual([
      {
        id: 'b',
        status: 429,
        headers: { 'retry-after': '2', 'content-type': 'application/json; charset=UTF-8' },
        body: '{"error":{"code":429}}',
      },
      { id: 'a', status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: '{"id":"a","raw":"SGk"}' },
    ]);
  });

  it('refuses empty and oversized batches', () => {
    expect(() => buildBatchRequest([])).toThrow(RangeError);
    expect(() => buildBatchRequest(Array.from({ length: 101 }, (_, i) => ({ id: `${i}`, method: 'GET' as const, path: '/x' })))).toThrow(
      RangeError,
    );
  });
});
