/**
 * `GET /v1/events`: the tail of the caller's workspace audit log as server-sent events, so
 * the console refreshes when a draft arrives or another operator acts. The log is polled
 * (every ~2 s, rows after the last seq sent) rather than pushed: PostgreSQL is the record,
 * and one indexed query per open console is cheap at the scale of PRODUCT §7.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type AuditTailEvent, auditEventsAfter, type Database, lastAuditSeq } from '@firmly/db';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStreamTiming {
  pollMs: number;
  keepAliveMs: number;
  /** What the browser waits before reconnecting (the `retry:` field). */
  retryMs: number;
  /**
   * A stream ends after this long and the browser reconnects (resuming from Last-Event-ID):
   * the caller is authenticated per request, so a revoked key or an ended session stops
   * receiving events within this time rather than never.
   */
  maxLifetimeMs: number;
}

export const EVENT_STREAM_TIMING: EventStreamTiming = { pollMs: 2_000, keepAliveMs: 15_000, retryMs: 3_000, maxLifetimeMs: 15 * 60_000 };
/** Events per poll; a longer backlog is sent in several polls without waiting between them. */
const BATCH = 200;

function eventFrame(event: AuditTailEvent): string {
  const data = {
    id: event.id,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    occurredAt: event.occurredAt.toISOString(),
  };
  // `id:` is the seq: a reconnecting EventSource sends it back as Last-Event-ID and resumes there.
  return `id: ${event.seq}\nevent: audit\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where to start: after the Last-Event-ID the browser sends on reconnect, else after the newest event now. */
async function startingSeq(db: Database, workspaceId: string, lastEventId: string | string[] | undefined): Promise<number> {
  const newest = await lastAuditSeq(db, workspaceId);
  const resume = typeof lastEventId === 'string' && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : undefined;
  return resume === undefined ? newest : Math.min(resume, newest);
}

/**
 * Streams until the client goes away, `stop` fires (the server closing) or the stream's
 * lifetime is over. The reply is hijacked: headers Fastify's hooks already set (security,
 * CORS) are carried over by hand.
 */
export async function streamAuditEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { db: Database; workspaceId: string; stop: AbortSignal },
): Promise<void> {
  const timing = EVENT_STREAM_TIMING;
  let last = await startingSeq(options.db, options.workspaceId, request.headers['last-event-id']);
  const gone = new AbortController();
  const end = () => gone.abort();
  const res = reply.raw;
  // The response's 'close' (not the request's, which fires once the request has been read)
  // is the client going away.
  res.on('close', end);
  options.stop.addEventListener('abort', end);

  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
  // The connection is the stream's alone: when the stream ends (the server closing), so does
  // the connection, instead of idling in keep-alive and holding the server's close.
  res.shouldKeepAlive = false;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    // Proxies such as nginx would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  /** Writes, waiting for the client to take it when its buffer is full (or for the client to go). */
  const write = async (chunk: string) => {
    if (gone.signal.aborted || res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        gone.signal.removeEventListener('abort', done);
        resolve();
      };
      res.once('drain', done);
      gone.signal.addEventListener('abort', done, { once: true });
    });
  };

  try {
    await write(`retry: ${timing.retryMs}\n: connected\n\n`);
    const endsAt = Date.now() + timing.maxLifetimeMs;
    let quietSince = Date.now();
    while (!gone.signal.aborted && Date.now() < endsAt) {
      const events = await auditEventsAfter(options.db, options.workspaceId, last, BATCH);
      for (const event of events) {
        if (gone.signal.aborted) break;
        await write(eventFrame(event));
        last = event.seq;
      }
      if (events.length > 0) quietSince = Date.now();
      if (events.length === BATCH) continue;
      if (Date.now() - quietSince >= timing.keepAliveMs) {
        await write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      await sleep(Math.min(timing.pollMs, Math.max(0, endsAt - Date.now())), undefined, { signal: gone.signal }).catch(() => undefined);
    }
  } catch (error) {
    // The database went away mid-stream: end it; the browser reconnects after `retry` and resumes.
    request.log.warn({ err: error }, 'event stream ended by an error');
  } finally {
    res.off('close', end);
    options.stop.removeEventListener('abort', end);
    res.end();
  }
}
