import { appendAuditEvent } from '@firmly/db';
import { describe, expect, it } from 'vitest';
import { reviewHarness, WEDNESDAY_10 } from './review-harness';

const { t, clock, server, app, workspace, draft } = reviewHarness();

describe('the live event stream', () => {
  /** Reads the stream until `until` matches what arrived, returning everything read. */
  async function readUntil(body: ReadableStream<Uint8Array>, until: (text: string) => boolean): Promise<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    try {
      while (!until(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } finally {
      reader.releaseLock();
    }
    return text;
  }

  it('delivers the workspace’s new audit events, and only them', async () => {
    clock.set(WEDNESDAY_10);
    const w = await workspace('review-events');
    const theirs = await workspace('review-events-theirs');
    const email = await draft(w);
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${url}/v1/events`, { headers: w.auth, signal: abort.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      if (!response.body) throw new Error('no body');
      const opening = await readUntil(response.body, (text) => text.includes('\n\n'));
      expect(opening).toMatch(/^retry: \d+\n/);

      // Another workspace's event first: it must not reach this stream.
      await appendAuditEvent(t.db, {
        workspaceId: theirs.workspaceId,
        actor: 'system:test',
        action: 'email.drafted',
        subjectType: 'outgoing_email',
        subjectId: theirs.clientId,
        occurredAt: WEDNESDAY_10,
      });
      expect((await live.inject({ method: 'POST', url: `/v1/review-queue/${email.id}/approve`, headers: w.auth })).statusCode).toBe(200);
      const events = await readUntil(response.body, (text) => text.includes(email.id));
      expect(events).toContain('event: audit\n');
      const frame = events.split('\n\n').find((f) => f.includes(email.id)) ?? '';
      const data = JSON.parse(
        frame
          .split('\n')
          .find((line) => line.startsWith('data: '))
          ?.slice(6) ?? '{}',
      );
      expect(data).toEqual({
        id: expect.any(String),
        action: 'email.approved',
        subjectType: 'outgoing_email',
        subjectId: email.id,
        occurredAt: WEDNESDAY_10.toISOString(),
      });
      expect(frame).toMatch(/^id: \d+$/m);
      expect(events).not.toContain(theirs.clientId);
    } finally {
      abort.abort();
      await live.close();
    }
  });

  it('resumes after the Last-Event-ID a reconnecting browser sends', async () => {
    const w = await workspace('review-events-resume');
    const event = (subjectId: string) =>
      appendAuditEvent(t.db, {
        workspaceId: w.workspaceId,
        actor: 'system:test',
        action: 'test.happened',
        subjectType: 'test',
        subjectId,
        occurredAt: WEDNESDAY_10,
      });
    const seen = await event('seen-before');
    await event('missed-while-away');
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const abort = new AbortController();
    try {
      const response = await fetch(`${url}/v1/events`, { headers: { ...w.auth, 'last-event-id': String(seen.seq) }, signal: abort.signal });
      if (!response.body) throw new Error('no body');
      const text = await readUntil(response.body, (t) => t.includes('missed-while-away'));
      expect(text).toContain('missed-while-away');
      expect(text).not.toContain('seen-before');
    } finally {
      abort.abort();
      await live.close();
    }
  });

  it('ends open streams when the server closes, so shutdown does not wait on them', async () => {
    const w = await workspace('review-events-close');
    const live = server();
    const url = await live.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${url}/v1/events`, { headers: w.auth });
    if (!response.body) throw new Error('no body');
    const reader = response.body.getReader();
    await reader.read();
    await live.close();
    // The server ended the response: the reader reaches its end instead of waiting forever.
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });

  it('needs a key or a session', async () => {
    const response = await app().inject({ method: 'GET', url: '/v1/events' });
    expect(response.statusCode).toBe(401);
  });
});
